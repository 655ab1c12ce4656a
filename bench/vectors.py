"""Benchmark of the database backend's vector index against the scan of every vector. Prints figures; not a test.

    DATABASE_URL=postgres://... .venv/bin/python bench/vectors.py [--size 10k|100k] [--queries 100]
                                                                  [--probes 4,8,12,16,24] [--scan-queries 40]

In a throwaway database (PostgreSQL, or SQLite with --sqlite), it stores the
passage vectors of bench/search.py's corpus as that bench does: about 7.5
passages per record, each a slightly perturbed copy of one of a sample of
passages embedded with the real encoder (`--vector-sample`, 300), with one
entry per record and its chunk rows. It builds the index as `search_rebuild`
does, then for the bench's queries (embedded for real) compares the ten
records nearest in meaning through the index, for each number of lists read,
with those of the scan of every vector: recall@10, ms per query (p50/p95),
rows read per query; and the memory each costs a process (the centroids, or
the whole matrix).
"""

import argparse
import importlib.util
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from common import throwaway_database
from django.db import connection

BENCH = Path(__file__).resolve().parent
SIZES = {"10k": 10_000, "100k": 100_000}
PASSAGES_PER_RECORD = 7.5  # bench/search.py's corpus


def bench_search():
    spec = importlib.util.spec_from_file_location("bench_search", BENCH / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def p95(values):
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def timing(values) -> str:
    return f"p50 {statistics.median(values):7.1f} ms  p95 {p95(values):7.1f} ms"


def store(records: int, sample_size: int, corpus) -> int:
    """Entries, their chunks and the chunks' vectors, as bench/search.py's `store_vectors` and a rebuild leave them."""
    from search.backends.database import _insert
    from search.models import Embedding, SearchChunk, SearchEntry
    from search.semantic.chunks import chunks
    from search.semantic.encoder import get_encoder
    from search.semantic.vectors import PASSAGE, digest, to_bytes

    encoder = get_encoder()
    texts = [chunk.text for record in corpus.generate(min(records, 2000)) for chunk in chunks(record)]
    sample = encoder.encode_passages(random.Random(2060).sample(texts, min(sample_size, len(texts))), threads=2)  # noqa: S311
    rng = np.random.default_rng(2060)
    passages = int(records * PASSAGES_PER_RECORD)
    per_record = np.diff(np.linspace(0, passages, records + 1).astype(int))
    batch = 2000
    ordinal = 0
    for start in range(0, records, batch):
        entries = [
            SearchEntry(key=f"bench:{n}", content_type="portal.standardpage", title=str(n), version="1")
            for n in range(start, min(start + batch, records))
        ]
        _insert(SearchEntry, entries)
        rows, chunk_rows = [], []
        for entry, count in zip(entries, per_record[start : start + batch], strict=True):
            picked = sample[rng.integers(0, len(sample), count)]
            noisy = picked + rng.normal(0, 0.01, picked.shape).astype(np.float32)
            noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
            for n, vector in enumerate(noisy):
                key = digest(encoder.version, PASSAGE, f"passage {ordinal}")
                ordinal += 1
                rows.append(Embedding(digest=key, vector=to_bytes(vector)))
                chunk_rows.append(SearchChunk(entry=entry, ordinal=n, digest=key))
        Embedding.objects.bulk_create(rows, batch_size=2000)
        _insert(SearchChunk, chunk_rows)
    return ordinal


def explain(lists, vector) -> None:
    """The plan of one query's read of its lists (to check the database uses the list column's index)."""
    from search import vectors

    probe = lists.probes(vector, vectors.PROBES)
    with connection.cursor() as cursor:
        prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        marks = ", ".join(["%s"] * len(probe))
        sql = f"SELECT digest, vector FROM search_embedding WHERE vector_list IN ({marks})"  # noqa: S608 - placeholders
        cursor.execute(prefix + sql, probe)
        for row in cursor.fetchall():
            print("   ", " ".join(str(part) for part in row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="10k")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--scan-queries", type=int, default=0, help="queries timed on the full scan (default: all)")
    parser.add_argument("--probes", default="4,8,12,16,24")
    parser.add_argument("--vector-sample", type=int, default=300)
    parser.add_argument("--explain", action="store_true", help="print the plan of one query's read")
    parser.add_argument("--sqlite", action="store_true", help="run on a throwaway SQLite file (DATABASE_URL sqlite)")
    args = parser.parse_args()

    from django.conf import settings

    from search import vectors
    from search.ranking import Meaning
    from search.semantic import index
    from search.semantic.vectors import query_vector

    corpus = bench_search()
    records = SIZES[args.size]
    texts = list(dict.fromkeys(request.text for request in corpus.queries(args.queries)))
    path = Path(tempfile.gettempdir()) / f"bench_vectors_{os.getpid()}.sqlite3"
    print(f"{records:,} records, {len(texts)} distinct queries, load average {os.getloadavg()[0]:.1f} at the start")
    with throwaway_database("vectors", path=path if args.sqlite else None):
        started = time.monotonic()
        passages = store(records, args.vector_sample, corpus)
        print(f"[{connection.vendor}] stored {passages:,} passage vectors in {time.monotonic() - started:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would shortly after the load
        built = index.build()
        print(f"index: {built}")
        lists = index.current()
        if args.explain:
            explain(lists, query_vector(texts[0]))
        centroid_bytes = lists.centroids.nbytes
        queries = [query_vector(text) for text in texts]
        # Every record the threshold lets through would be a result; recall is over the ten nearest.
        floor, margin = settings.SEARCH_SEMANTIC_FLOOR, settings.SEARCH_SEMANTIC_MARGIN

        def meaning(vector):
            return Meaning(vector, floor=-1.0, margin=2.0)

        scanned = args.scan_queries or len(queries)
        exact, scan_ms = [], []
        started = time.monotonic()
        loaded = vectors.matrix()
        load_seconds = time.monotonic() - started
        matrix_bytes = loaded.vectors.nbytes + loaded.entries.nbytes + loaded.ordinals.nbytes + 8 * len(loaded.pages)
        for vector in queries[:scanned]:
            started = time.perf_counter()
            hits = vectors.nearest(meaning(vector), limit=10, exact=True)
            exact.append(([hit.entry_id for hit in hits], hits[-1].score if hits else 0.0))
            scan_ms.append((time.perf_counter() - started) * 1000)
        vectors._loaded = None  # the scan's matrix is not what a process keeps with the index
        print(f"scan of every vector: matrix {loaded.vectors.shape[0]:,} rows, {matrix_bytes / 2**20:,.0f} MiB per "
              f"process, loaded in {load_seconds:.1f} s; {timing(scan_ms)} ({scanned} queries)")  # fmt: skip
        print(f"index: centroids {centroid_bytes / 2**20:.1f} MiB per process ({len(lists.centroids)} lists)")
        for probes in [int(n) for n in args.probes.split(",")]:
            vectors.PROBES = probes
            found, times, rows, ratio = 0, [], [], []
            for n, vector in enumerate(queries):
                started = time.perf_counter()
                hits = vectors.nearest(meaning(vector), limit=10)
                times.append((time.perf_counter() - started) * 1000)
                if n < scanned:
                    found += len({hit.entry_id for hit in hits} & set(exact[n][0]))
                    if hits and exact[n][1]:  # how close the tenth found is to the tenth of the scan
                        ratio.append(hits[-1].score / exact[n][1])
                if n < 10:
                    rows.append(len(vectors.probed(lists, vector, also=[])[0]))
            recall = found / sum(len(ids) for ids, _ in exact)
            print(f"  {probes:3} lists read: recall@10 {recall:.3f} (10th similarity {statistics.mean(ratio):.3f} of "
                  f"the scan's); {timing(times)}; "
                  f"~{statistics.mean(rows):,.0f} vectors read per query")  # fmt: skip
        print(f"(search itself keeps the records within floor {floor} and margin {margin} of the best, and also "
              "scores the passages of the best records by words)")  # fmt: skip
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()

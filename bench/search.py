"""Benchmark of site search on every backend. Prints figures; not a test.

    eval "$(scripts/services up 2>/dev/null)"
    .venv/bin/python bench/search.py [--size 10k|100k] [--queries 200]
                                     [--backends elasticsearch,postgresql,sqlite] [--shards 2] [--profile]

Generates bilingual records of realistic length (briefs, events and pages
with a summary and a body; library documents with a few extracted pages,
half of them in Chinese with an English title) and loads them through the
same `replace_all` a rebuild uses into a throwaway PostgreSQL database (the
database backend), a throwaway Elasticsearch index, and a throwaway SQLite
file (the database backend on SQLite, in a process of its own since Django
reads DATABASE_URL once). Then it runs realistic queries (English and Chinese
terms, phrases, synonyms, filters, date sort, second pages) through
`SearchService` in three modes: "exact" (the exact-words switch: no synonyms,
corrections or meaning), "lexical" (the same search with matching by meaning
off: words, synonyms and corrections, what the portal answers without its
model) and "hybrid" (words and meaning, the default), and prints per backend and mode p50/p95 of the portal's call, the
rebuild rate, the query embedding's p95, the vectors' cost, the hit counts of
the backends side by side and the targets, each met or missed.

Records are generated before the clock starts, not read from pages, so the
rebuild rate is the indexing side alone; `search_rebuild` adds reading content
from the database. Meaning vectors are not computed for every passage (that
is `search_embed`'s work, hours of CPU at 100,000 records): a sample of
passages is embedded with the real encoder and every passage gets one of those
vectors, slightly perturbed, stored the way `search_embed` stores it, so
storage, loading and scoring cost what they would, though what is found by
meaning is not meaningful.
"""

import argparse
import cProfile
import dataclasses
import datetime
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import throwaway_database
from django.conf import settings
from django.db import connection
from django.test import override_settings

BACKENDS = ("elasticsearch", "postgresql", "sqlite")
MODES = ("exact", "lexical", "hybrid")

SIZES = {"10k": 10_000, "100k": 100_000}


def size(value: str) -> int:
    return SIZES.get(value) or int(value.lower().replace("k", "000").replace(",", ""))


def words(text: str) -> list[str]:
    return text.split()


EN_WORDS = words(
    "carbon emissions peak neutrality hydrogen steel cement power grid storage solar wind market trading allowance "
    "efficiency renewable industry building transport finance green bond disclosure methane coal phase-out "
    "province pilot standard plan guideline target reduction capture utilisation heat pump electrification "
    "supply chain scope verification registry offset forestry ecology development investment"
)
ZH_TERMS = words(
    "碳达峰 碳中和 双碳 氢能 钢铁 水泥 电力 电网 储能 光伏 风电 碳市场 交易 配额 能效 可再生能源 工业 建筑 交通 "
    "绿色金融 信息披露 甲烷 煤炭 试点 标准 规划 指导意见 目标 减排 碳捕集 热泵 电气化 供应链 核查 生态环境导向的开发"
)
ZH_FILLER = words("的 和 在 推进 加快 完善 建立 健全 开展 实施 重点 领域 行业 企业 地区 工作 体系 机制 能力 水平")
ISSUERS = [
    ("National Development and Reform Commission", "国家发展和改革委员会"),
    ("Ministry of Ecology and Environment", "生态环境部"),
    ("Ministry of Industry and Information Technology", "工业和信息化部"),
    ("Shanghai Municipal Government", "上海市人民政府"),
    ("Guangdong Provincial Government", "广东省人民政府"),
    ("National Energy Administration", "国家能源局"),
]
TOPICS = [("hydrogen", "Hydrogen", "氢能"), ("carbon-markets", "Carbon markets", "碳市场"),
          ("buildings", "Buildings", "建筑"), ("finance", "Green finance", "绿色金融"),
          ("steel", "Steel", "钢铁"), ("power", "Power", "电力"), ("eod", "EOD", "生态环境导向的开发")]  # fmt: skip
PAGE_TYPES = ["portal.policybriefpage", "initiatives.eventpage", "portal.standardpage"]


def english(rng: random.Random, words: int) -> str:
    sentences, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 18))
        sentences.append(" ".join(rng.choice(EN_WORDS) for _ in range(n)).capitalize() + ".")
        left -= n
    return " ".join(sentences)


def chinese(rng: random.Random, chars: int) -> str:
    out, length = [], 0
    while length < chars:
        piece = rng.choice(ZH_TERMS) if rng.random() < 0.4 else rng.choice(ZH_FILLER)
        out.append(piece + ("。" if rng.random() < 0.1 else ""))
        length += len(piece)
    return "".join(out)


DEFAULT_POOL = 300


@dataclasses.dataclass
class Pool:
    """Distinct texts records are made of, `size` of each kind: what is embedded, once per distinct passage."""

    size: int
    heads: dict = dataclasses.field(default_factory=dict)  # (kind, zh) -> [(title, alt_title, summary)]
    bodies: dict = dataclasses.field(default_factory=dict)  # zh -> [text]
    pages: dict = dataclasses.field(default_factory=dict)  # zh -> [text]

    @classmethod
    def build(cls, size: int, seed: int = 2061) -> "Pool":
        rng = random.Random(seed)  # noqa: S311 - seeded bench data, not security
        pool = cls(size)
        for zh in (False, True):
            doc_heads, page_heads = [], []
            for _ in range(size):
                title_en = english(rng, rng.randint(6, 14)).rstrip(".")
                if zh:
                    doc_heads.append((chinese(rng, rng.randint(12, 30)), title_en, chinese(rng, 120)))
                    page_heads.append((chinese(rng, rng.randint(8, 20)), "", chinese(rng, 80)))
                else:
                    doc_heads.append((title_en, "", english(rng, 50)))
                    page_heads.append((english(rng, rng.randint(4, 10)).rstrip("."), "", english(rng, 35)))
            pool.heads[("document", zh)], pool.heads[("page", zh)] = doc_heads, page_heads
            pool.bodies[zh] = [chinese(rng, 1200) if zh else english(rng, 400) for _ in range(size)]
            pool.pages[zh] = [chinese(rng, 500) if zh else english(rng, 180) for _ in range(size)]
        return pool

    def parts(self) -> list[dict]:
        """Each distinct head, body and page as a record of its own: their chunks are every record's chunks
        (a record's head, body and each page are cut separately, see `search.semantic.chunks`)."""
        from search.records import EMPTY

        parts = [
            EMPTY | {"title": t, "alt_title": a, "summary": s} for heads in self.heads.values() for t, a, s in heads
        ]
        parts += [EMPTY | {"body": body} for bodies in self.bodies.values() for body in bodies]
        parts += [EMPTY | {"passages": [{"page": 1, "text": page}]} for pages in self.pages.values() for page in pages]
        return parts


def generate(count: int, pool: Pool | None = None, seed: int = 2060):
    """Records shaped like `search.records`: 60% library documents, the rest pages, their texts from `pool`
    (by default one of DEFAULT_POOL texts of each kind)."""
    from search.records import EMPTY, with_version

    pool = pool or Pool.build(DEFAULT_POOL)
    rng = random.Random(seed)  # noqa: S311 - seeded bench data, not security
    start = datetime.date(2015, 1, 1)
    for n in range(count):
        zh = rng.random() < 0.5
        day = start + datetime.timedelta(days=rng.randint(0, 4000))
        topics = rng.sample(TOPICS, rng.randint(0, 2))
        record = EMPTY | {
            "url": f"/bench/{n}/",
            "date": day.isoformat(),
            "year": day.year,
            "topics": [slug for slug, _, _ in topics],
            "topic_names": [name for _, en, zh_name in topics for name in (en, zh_name)],
            # As `search.records` gives every page and document: results count groups of translations.
            "group": f"bench:{n}",
        }
        if rng.random() < 0.6:
            issuer, issuer_zh = rng.choice(ISSUERS)
            title, alt_title, summary = rng.choice(pool.heads[("document", zh)])
            pages = rng.randint(2, 5)
            record |= {
                "id": f"portal.policydocument:{n}",
                "content_type": "portal.policydocument",
                "title": title,
                "alt_title": alt_title,
                "summary": summary,
                "passages": [{"page": p, "text": rng.choice(pool.pages[zh])} for p in range(1, pages + 1)],
                "languages": ["zh-hans"] if zh else ["en"],
                "issuing_body": issuer,
                "issuing_body_zh": issuer_zh,
                "jurisdiction": rng.choice(["national", "provincial", "city", "international"]),
                "document_type": rng.choice(["plan", "guideline", "notice", "standard", "regulation"]),
                "status": "in-force",
            }
        else:
            content_type = rng.choice(PAGE_TYPES)
            title, _, summary = rng.choice(pool.heads[("page", zh)])
            record |= {
                "id": f"{content_type}:{n}",
                "content_type": content_type,
                "title": title,
                "summary": summary,
                "body": rng.choice(pool.bodies[zh]),
                "languages": ["zh-hans" if zh else "en"],
            }
        yield with_version(record)


def queries(count: int, seed: int = 2030):
    from search.results import SearchRequest

    rng = random.Random(seed)  # noqa: S311 - seeded bench data, not security
    shapes = [
        lambda: rng.choice(EN_WORDS),
        lambda: f"{rng.choice(EN_WORDS)} {rng.choice(EN_WORDS)}",
        lambda: f'"{rng.choice(EN_WORDS)} {rng.choice(EN_WORDS)}"',
        lambda: rng.choice(ZH_TERMS),
        lambda: f"{rng.choice(ZH_TERMS)} {rng.choice(ZH_TERMS)}",
        lambda: rng.choice(["dual carbon", "双碳", "EOD", "carbon peaking", "碳中和 steel"]),
        lambda: f"{rng.choice(ZH_TERMS)} {rng.choice(EN_WORDS)}",
    ]
    for _ in range(count):
        filters = {}
        if rng.random() < 0.2:
            filters["type"] = ["portal.policydocument"]
        if rng.random() < 0.15:
            filters["year"] = [str(rng.randint(2016, 2025))]
        if rng.random() < 0.1:
            filters["topic"] = [rng.choice(TOPICS)[0]]
        yield SearchRequest(
            text=rng.choice(shapes)(),
            filters=filters,
            sort="date" if rng.random() < 0.2 else "relevance",
            page=2 if rng.random() < 0.1 else 1,
        )


# --- Vectors -----------------------------------------------------------------------------------


def store_vectors(pool: Pool) -> dict:
    """Every distinct passage of the pool embedded with the real encoder, in batches, stored as `search_embed`
    stores it: records share them as they share the pool's texts."""
    from search.semantic.chunks import chunks
    from search.semantic.encoder import get_encoder
    from search.semantic.vectors import PASSAGE, ensure_vectors

    encoder = get_encoder()
    if encoder is None:
        return {}
    started = time.monotonic()
    texts = list(dict.fromkeys(chunk.text for part in pool.parts() for chunk in chunks(part)))
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        if done % 2048 < n or done == len(texts):
            elapsed = time.monotonic() - started
            print(f"  embedding the pool's passages: {done:,}/{len(texts):,} ({done / elapsed:.0f}/s)", flush=True)

    # One thread: on two busy cores a second one waits for the first more than it helps (4x slower under load).
    ensure_vectors(texts, PASSAGE, batch_size=64, progress=progress, encoder=encoder, threads=1)
    return {"passages": len(texts), "seconds": time.monotonic() - started}


def counted_passages(records: list) -> int:
    from search.semantic.chunks import chunks

    return sum(len(chunks(record)) for record in records)


def with_progress(records, label: str, every: int = 5000):
    """The records, a line every `every` of them: a 100,000-record load takes a while."""
    started, total = time.monotonic(), len(records)
    for n, record in enumerate(records, 1):
        yield record
        if n % every == 0 or n == total:
            elapsed = time.monotonic() - started
            rate = n / elapsed if elapsed else 0.0
            eta = (total - n) / rate if rate else 0.0
            print(f"  {label}: {n:,}/{total:,} records, {rate:,.0f}/s, {eta:,.0f} s to go", flush=True)


def query_embedding_times(texts: list[str]) -> list[float]:
    """The query embedding alone, uncached, as a search pays it for a query not seen before."""
    from search.semantic.encoder import get_encoder

    encoder = get_encoder()
    if encoder is None:
        return []
    encoder.encode_queries(["warm up"])
    times = []
    for text in texts:
        started = time.perf_counter()
        encoder.encode_queries([text])
        times.append((time.perf_counter() - started) * 1000)
    return times


def database_vector_cost(requests) -> dict:
    """What the database backend's scoring by meaning costs, as searches meet it: the vector index built as
    `search_rebuild` builds it (k-means lists; below its size floor, no index and a scan of every vector),
    the memory a process keeps, and one query's scoring through `vectors.nearest`."""
    from search import vectors
    from search.ranking import Meaning
    from search.semantic import index
    from search.semantic.vectors import query_vector

    built = index.build()
    lists = index.current()
    if lists is not None:
        memory, rows = lists.centroids.nbytes, built.vectors
    else:
        loaded = vectors.matrix()
        memory = loaded.vectors.nbytes + loaded.entries.nbytes + loaded.ordinals.nbytes + 8 * len(loaded.pages)
        rows = len(loaded.entries)
    times = []
    for request in requests:
        vector = query_vector(request.text)
        if vector is None:
            continue
        meaning = Meaning(vector, settings.SEARCH_SEMANTIC_FLOOR, settings.SEARCH_SEMANTIC_MARGIN)
        started = time.perf_counter()
        vectors.nearest(meaning, limit=100)
        times.append((time.perf_counter() - started) * 1000)
    return {"index": str(built), "rows": rows, "bytes": memory, "score_ms": times}


# --- Running one backend ---------------------------------------------------------------------


@dataclasses.dataclass
class Figures:
    backend: str
    records: int = 0
    rebuild_seconds: float = 0.0
    portal: dict = dataclasses.field(default_factory=dict)  # mode -> [ms]
    took: dict = dataclasses.field(default_factory=dict)  # mode -> [ms], Elasticsearch's own
    totals: dict = dataclasses.field(default_factory=dict)  # "exact" / "words" -> [hits per query]
    notes: list = dataclasses.field(default_factory=list)
    vectors: dict = dataclasses.field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.records / self.rebuild_seconds if self.rebuild_seconds else 0.0


def timed_searches(backend, requests) -> dict[str, tuple[list[float], list[float], list[int]]]:
    """Each request in each mode (`MODES`), one after the other in a turning order, so that the machine's
    load and the cluster's warming caches weigh on every mode alike."""
    from search.service import SearchService

    service = SearchService(backend)
    batches = {"exact": [dataclasses.replace(r, exact=True) for r in requests], "lexical": requests, "hybrid": requests}

    def search(mode: str, request):
        if mode == "lexical":  # the model off: the query is not embedded, so nothing is matched by meaning
            with override_settings(SEARCH_EMBEDDING_MODEL="off"):
                return service.search(request)
        return service.search(request)

    for mode, batch in batches.items():
        for request in batch[:10]:  # warm caches, connections and synonyms
            search(mode, request)
    found = {mode: ([], [], []) for mode in batches}
    for n in range(len(requests)):
        for mode in MODES[n % 3 :] + MODES[: n % 3]:
            portal, took, totals = found[mode]
            started = time.perf_counter()
            results = search(mode, batches[mode][n])
            portal.append((time.perf_counter() - started) * 1000)
            totals.append(results.total)
            if results.took_ms is not None:
                took.append(results.took_ms)
    return found


def word_totals(backend, requests) -> list[int]:
    """Hits by words with synonyms and corrections, meaning left out: what both backends must agree on."""
    from search.query import parse
    from search.ranking import candidates_needed

    return [
        backend.retrieve(parse(r.text, correct=not r.as_typed), r, None, candidates_needed(r)).total for r in requests
    ]


def measure(name: str, records: list, rebuild, profile: bool) -> Figures:
    figures = Figures(name)
    profiler = cProfile.Profile() if profile else None
    started = time.monotonic()
    if profiler:
        profiler.enable()
    rebuild(records)
    if profiler:
        profiler.disable()
    figures.rebuild_seconds = time.monotonic() - started
    if profiler:
        print(f"\n{name}: replace_all profile (top 25 by own time)")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return figures


def search_figures(figures: Figures, backend, requests, profile: bool = False) -> None:
    for mode, (portal, took, totals) in timed_searches(backend, requests).items():
        figures.portal[mode], figures.took[mode] = portal, took
        if mode == "exact":
            figures.totals["exact"] = totals
    figures.totals["words"] = word_totals(backend, requests)
    if profile:
        from search.service import SearchService

        profiler = cProfile.Profile()
        service = SearchService(backend)
        profiler.enable()
        for request in requests:
            service.search(request)
        profiler.disable()
        print(f"\n{figures.backend}: hybrid searches profile, after the timed ones (top 30 by cumulative time)")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def run_database(name: str, records: list, requests, args) -> Figures:
    from search.backends import DatabaseBackend
    from search.backends.fulltext import install

    install(connection)  # the full-text index (migration 0007 made it; idempotent)
    figures_vectors = dict(args.pool_vectors)
    backend = DatabaseBackend()
    figures = measure(name, with_progress(records, f"{name} rebuild"), backend.replace_all, args.profile)
    figures.records = len(records)
    figures.vectors = figures_vectors
    if figures_vectors:
        figures.vectors["database"] = database_vector_cost(requests)
    search_figures(figures, backend, requests, args.profile)
    return figures


def settle(client, index: str, limit: float = 600) -> float:
    """Wait for the merges a bulk load leaves running: they compete with searches for two cores for a while."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        merges = client.indices.stats(index=index, metric="merge")["_all"]["primaries"]["merges"]["current"]
        if not merges:
            break
        time.sleep(2)
    return time.monotonic() - started


def vector_storage(client, index: str) -> dict:
    """The index's size on disk, and what of it the dense vectors take (the disk usage API reads every file)."""
    stats = client.indices.stats(index=index)["_all"]["primaries"]["store"]["size_in_bytes"]
    try:
        usage = client.options(request_timeout=600).indices.disk_usage(index=index, run_expensive_tasks=True)
    except Exception as error:  # noqa: BLE001 - an optional figure
        return {"index_bytes": stats, "error": str(error)[:200]}
    fields = usage[index]["fields"]
    vector = fields.get("chunks.vector", {})
    return {
        "index_bytes": stats,
        "vector_bytes": vector.get("total_in_bytes", 0),
        "knn_bytes": vector.get("knn_vectors_in_bytes", 0),
    }


def kept_prefix(args) -> str:
    return f"bench-{args.name}-kept-{args.size}"


def run_elasticsearch(records: list, requests, args) -> Figures:
    """Loads the records through `replace_all` (refresh off and no replicas during the load, two bulk
    requests in flight), or, with --reuse-index, searches the index a --keep-index run left."""
    from search.backends import ElasticsearchBackend
    from search.indexes import aliased_indexes, versioned_indexes

    kept = args.keep_index or args.reuse_index
    settings.ELASTICSEARCH_INDEX_PREFIX = kept_prefix(args) if kept else f"bench-{args.name}-{os.getpid()}"
    settings.SEARCH_INDEX_SHARDS = args.shards
    backend = ElasticsearchBackend()
    try:
        if args.reuse_index:
            (index,) = aliased_indexes(backend.client)
            # The records the index holds (nested passages are not counted): a load may have been cut short.
            figures = Figures("elasticsearch", backend.client.count(index=index)["count"])
            figures.notes.append(f"searching the kept index {index}, loaded by an earlier run")
        else:
            result = None

            def rebuild(batch):
                nonlocal result
                result = backend.replace_all(batch, chunk_size=args.chunk_size)

            figures = measure("elasticsearch", with_progress(records, "Elasticsearch load"), rebuild, profile=False)
            figures.records, index = len(records), result.index
            figures.notes.append(f"{args.shards} shards, {result.failed} failed")
            figures.notes.append(f"then {settle(backend.client, index):.0f} s of segment merging before querying")
        if len(records) <= 20_000:
            figures.vectors = vector_storage(backend.client, index)
        else:  # the disk usage API reads every file: minutes at this size
            stats = backend.client.indices.stats(index=index)["_all"]["primaries"]["store"]["size_in_bytes"]
            figures.vectors = {"index_bytes": stats}
        search_figures(figures, backend, requests)
        return figures
    finally:
        names = versioned_indexes(backend.client)
        if names and not kept:
            backend.client.indices.delete(index=",".join(names))
        elif names:
            print(f"  kept {', '.join(names)} (--reuse-index searches it again; delete it when done)")


# --- Printing ----------------------------------------------------------------------------------


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values, default=0.0)


def percentiles(values: list[float]) -> str:
    return f"p50 {statistics.median(values):7.1f} ms   p95 {p95(values):7.1f} ms" if values else "-"


def mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def print_backend(figures: Figures) -> None:
    loaded = (f"rebuilt {figures.records:,} records in {figures.rebuild_seconds:.1f} s, {figures.rate:,.0f} records/s"
              if figures.rate else f"{figures.records:,} records")  # fmt: skip
    print(f"\n{figures.backend}: {loaded}" + "".join(f"; {note}" for note in figures.notes))
    for mode in MODES:
        print(f"  {mode:8} portal call   {percentiles(figures.portal[mode])}")
        if figures.took.get(mode):
            print(f"  {mode:8} cluster took  {percentiles(figures.took[mode])}")
    exact = figures.totals["exact"]
    print(f"  hits per query (exact words): median {statistics.median(exact):,.0f}, {exact.count(0)} with none")
    vectors = figures.vectors
    if "database" in vectors:
        db = vectors["database"]
        print(f"  vector index: {db['index']}; {mib(db['bytes'])} kept per process")
        print(f"  scoring by meaning: {percentiles(db['score_ms'])}")
    elif "index_bytes" in vectors:
        line = f"  index {mib(vectors['index_bytes'])} on disk"
        if "vector_bytes" in vectors:
            line += f", of which dense vectors {mib(vectors['vector_bytes'])} (HNSW graph and quantised copy included)"
        print(line)


def agreement(name_a: str, a: list[int], name_b: str, b: list[int], requests) -> int:
    """Queries whose hit counts differ by more than 1 %; prints the worst few."""
    off = [
        (abs(x - y) / max(x, y), i) for i, (x, y) in enumerate(zip(a, b, strict=True)) if abs(x - y) > 0.01 * max(x, y)
    ]
    off.sort(reverse=True)
    for _, i in off[:5]:
        print(f"      {requests[i].text!r:34} filters {requests[i].filters}: {name_a} {a[i]:,}  {name_b} {b[i]:,}")
    return len(off)


def print_hits(results: dict[str, Figures], requests) -> dict[str, int]:
    names = list(results)
    print("\nHit counts side by side (median per query; queries differing by more than 1 %)")
    disagreements = {}
    for kind, label in (("exact", "exact words"), ("words", "with synonyms and corrections")):
        medians = "   ".join(f"{name} {statistics.median(results[name].totals[kind]):,.0f}" for name in names)
        print(f"  {label:30} {medians}")
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                print(f"    {a} / {b}:")
                count = agreement(a, results[a].totals[kind], b, results[b].totals[kind], requests)
                print(f"      {count} of {len(requests)} queries differ by more than 1 %")
                disagreements[f"{a}/{b} {label}"] = count
    return disagreements


def verdict(met: bool, text: str) -> None:
    print(f"  {'met   ' if met else 'MISSED'} {text}")


def print_targets(results: dict[str, Figures], embedding: list[float], disagreements: dict, count: int) -> None:
    print(f"\nTargets (this run: {count:,} records)")
    es, pg, lite = (results.get(name) for name in BACKENDS)
    if es and pg:
        for mode in MODES:
            a, b = p95(pg.portal[mode]), p95(es.portal[mode])
            verdict(a <= 3 * b, f"PostgreSQL {mode} p95 {a:.0f} ms <= 3 x Elasticsearch's {b:.0f} ms (set at 100,000)")
    if pg:
        verdict(pg.rate >= 1000, f"PostgreSQL rebuild {pg.rate:,.0f} records/s >= 1,000 (set at 100,000)")
    if lite:
        for mode in MODES:
            value = p95(lite.portal[mode])
            verdict(value < 200, f"SQLite {mode} p95 {value:.0f} ms < 200 ms (set at 10,000)")
    for pair, n in disagreements.items():
        verdict(n == 0, f"hit counts within 1 %, {pair}: {n} queries differ")
    if es:
        hybrid, lexical = p95(es.portal["hybrid"]), p95(es.portal["lexical"])
        verdict(hybrid <= 1.5 * lexical, f"Elasticsearch hybrid p95 {hybrid:.0f} ms <= 1.5 x lexical {lexical:.0f} ms, "
                "the same search with meaning off (set at 100,000)")  # fmt: skip
        if es.rate:
            verdict(es.rate >= 1000, f"Elasticsearch rebuild {es.rate:,.0f} records/s >= 1,000 (set at 100,000)")
    if embedding:
        verdict(p95(embedding) < 30, f"query embedding p95 {p95(embedding):.1f} ms < 30 ms")


# --- Main: a process per database ----------------------------------------------------------------


def work(args) -> dict[str, Figures]:
    """The backends on the database this process was started with."""
    count = size(args.size)
    requests = list(queries(args.queries))
    started = time.monotonic()
    pool = Pool.build(args.pool)
    loading = connection.vendor == "sqlite" or "postgresql" in args.wanted or not args.reuse_index
    records = list(generate(count, pool)) if loading else []  # --reuse-index: the kept index has them
    if records:
        print(f"[{connection.vendor}] generated {count:,} records in {time.monotonic() - started:.1f} s (not counted)")
    results = {}
    name = f"{args.name}_{connection.vendor}"
    kwargs = {"path": Path(tempfile.gettempdir()) / f"bench_{name}_{os.getpid()}.sqlite3"}
    with throwaway_database(name, **kwargs):
        args.pool_vectors = store_vectors(pool) if loading and not args.no_vectors else {}
        if args.pool_vectors:
            print(
                f"  meaning vectors: {args.pool_vectors['passages']:,} distinct passages embedded in "
                f"{args.pool_vectors['seconds']:.0f} s (not counted), shared by the records' "
                f"{counted_passages(records[:2000]) * count // min(count, 2000):,} passages: records are made of "
                f"a pool of {args.pool:,} texts of each kind, so this bench measures searching, not embedding"
            )
        if connection.vendor == "sqlite":
            results["sqlite"] = run_database("sqlite", records, requests, args)
            print_backend(results["sqlite"])
        else:
            if "postgresql" in args.wanted:
                results["postgresql"] = run_database("postgresql", records, requests, args)
                print_backend(results["postgresql"])
            if "elasticsearch" in args.wanted:
                # Elasticsearch's documents take their vectors from the database, as a rebuild does.
                results["elasticsearch"] = run_elasticsearch(records, requests, args)
                print_backend(results["elasticsearch"])
    return results


def run_sqlite_worker(args) -> dict[str, Figures]:
    out = Path(tempfile.gettempdir()) / f"bench_{args.name}_{os.getpid()}.json"
    env = {k: v for k, v in os.environ.items() if k not in ("ELASTICSEARCH_URL", "SEARCH_BACKEND", "CACHE_URL")}
    env["DATABASE_URL"] = "sqlite:///" + str(Path(tempfile.gettempdir()) / f"bench_{args.name}_{os.getpid()}.sqlite3")
    command = [sys.executable, __file__, *sys.argv[1:], "--worker", "--out", str(out)]
    if subprocess.run(command, env=env, check=False).returncode:  # noqa: S603 - this script
        sys.exit("The SQLite run failed.")
    try:
        return {name: Figures(**fields) for name, fields in json.loads(out.read_text()).items()}
    finally:
        out.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10k", help="number of records: 10k, 100k or a number such as 2000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--backends", default=",".join(BACKENDS), help="any of " + ", ".join(BACKENDS))
    parser.add_argument("--shards", type=int, default=2, help="primary shards of the Elasticsearch index")
    parser.add_argument(
        "--chunk-size", type=int, default=500, help="records per Elasticsearch bulk request (at most 16 MiB)"
    )
    parser.add_argument(
        "--pool", type=int, default=DEFAULT_POOL, help="distinct texts of each kind the records are made of"
    )
    parser.add_argument(
        "--keep-index", action="store_true", help="keep the Elasticsearch index for --reuse-index (same --size)"
    )
    parser.add_argument(
        "--reuse-index", action="store_true", help="search the index --keep-index left instead of loading one"
    )
    parser.add_argument("--no-vectors", action="store_true", help="store no vectors: hybrid searches by words only")
    parser.add_argument("--profile", action="store_true", help="print a profile of the database rebuild and searches")
    parser.add_argument("--name", default="search", help="a name of its own for the throwaway database, file and index")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    try:
        size(args.size)
    except ValueError:
        parser.error(f"--size: 10k, 100k or a number, not {args.size!r}")
    args.wanted = [name.strip().replace("database", "postgresql") for name in args.backends.split(",")]
    if unknown := set(args.wanted) - set(BACKENDS):
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    if args.worker:
        results = work(args)
        Path(args.out).write_text(json.dumps({name: dataclasses.asdict(f) for name, f in results.items()}))
        return

    count, requests = size(args.size), list(queries(args.queries))
    load = os.getloadavg()[0]
    print(f"{count:,} records, {len(requests)} queries, {os.cpu_count()} CPU(s), load average {load:.1f} at the start")
    results: dict[str, Figures] = {}
    if "sqlite" in args.wanted:
        results |= run_sqlite_worker(args)
    if {"postgresql", "elasticsearch"} & set(args.wanted):
        if connection.vendor != "postgresql":
            sys.exit(
                'PostgreSQL and Elasticsearch runs need DATABASE_URL on PostgreSQL (eval "$(scripts/services up)").'
            )
        if "elasticsearch" in args.wanted and not settings.ELASTICSEARCH_URL:
            sys.exit("Set ELASTICSEARCH_URL for the Elasticsearch run.")
        results |= work(args)
    embedding = query_embedding_times(list(dict.fromkeys(request.text for request in requests)))
    ordered = {name: results[name] for name in BACKENDS if name in results}
    if embedding:
        print(f"\nquery embedding (uncached, one query at a time): {percentiles(embedding)}")
    disagreements = print_hits(ordered, requests) if len(ordered) > 1 else {}
    # What the backends hold (a kept index may hold fewer records than --size asks for).
    print_targets(ordered, embedding, disagreements, max((f.records for f in ordered.values()), default=count))
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end (2 shared cores: figures under load are slower)")


if __name__ == "__main__":
    main()

"""Meaning vectors for the database backend: the passages nearest a query, by the stored vectors.

With a vector index (`search.semantic.index`, built once there are enough
vectors), a query reads from the database and scores only the vectors of its
`PROBES` nearest lists and the passages of the records the caller names (the best by words): a few thousand rows, whatever
the corpus, and nothing kept in memory but the centroids. Without one (a small
corpus, or none built yet), each process keeps every passage's vector in one
float16 matrix and scores them all: about 1 KB per passage. The matrix is
loaded on the first query that needs it and again after the chunks change (a
cache generation, bumped by the write path), so a process that never searches
by meaning, or searches through the index, never pays for it.
"""

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.db.models import OuterRef, Subquery

from search import generations
from search.models import Embedding, SearchChunk
from search.semantic import index
from search.semantic.encoder import get_encoder
from search.semantic.vectors import from_bytes

GENERATION_KEY = "search:vectors:generation"
# Lists read per query: with about sqrt(n) lists, a share of the rows that shrinks as the corpus grows.
# Measured by bench/vectors.py: recall@10 against the scan of every vector.
PROBES = 16
_lock = threading.Lock()
_loaded: "tuple[str, Matrix] | None" = None


@dataclass
class Nearest:
    entry_id: int
    ordinal: int
    page: int | None
    score: float
    text: str = ""


@dataclass
class Matrix:
    vectors: np.ndarray  # float16, one row per passage, unit length
    entries: np.ndarray  # entry id of each row
    ordinals: np.ndarray
    pages: list[int | None]


def changed() -> None:
    generations.changed(GENERATION_KEY)


def _load() -> Matrix:
    encoder = get_encoder()
    stored = Embedding.objects.filter(digest=OuterRef("digest")).values("vector")[:1]
    rows = (
        SearchChunk.objects.annotate(vector=Subquery(stored))
        .filter(vector__isnull=False)
        .order_by("entry_id", "ordinal")
        .values_list("entry_id", "ordinal", "page", "vector")
    )
    entries, ordinals, pages, vectors = [], [], [], []
    for entry_id, ordinal, page, data in rows.iterator(chunk_size=5000) if encoder else ():
        vector = from_bytes(data, encoder.dims)
        if vector is not None:  # a vector of another model's size is not this model's
            entries.append(entry_id)
            ordinals.append(ordinal)
            pages.append(page)
            vectors.append(vector)
    if not vectors:
        return Matrix(np.zeros((0, 1), dtype=np.float16), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32), [])
    return Matrix(
        np.stack(vectors).astype(np.float16),
        np.array(entries, dtype=np.int64),
        np.array(ordinals, dtype=np.int32),
        pages,
    )


def matrix() -> Matrix:
    global _loaded
    generation = generations.current(GENERATION_KEY)
    with _lock:
        if _loaded is None or _loaded[0] != generation:
            _loaded = (generation, _load())
        return _loaded[1]


def _any(column: str, values: list) -> tuple[str, list]:
    """`column` is one of `values`: one array parameter on PostgreSQL, a JSON one on SQLite (thousands of values)."""
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [list(values)]
    return f"{column} IN (SELECT value FROM json_each(%s))", [json.dumps(list(values))]


def _fetch(cursor, sql: str, params: list) -> list[tuple]:
    cursor.execute(sql, params)
    return cursor.fetchall()


def probed_rows(lists: index.Lists, vector: np.ndarray, also: Iterable[int], probes: int | None = None) -> Matrix:
    """The passages of the query's nearest lists (`PROBES`) and of the entries in `also`, with their vectors.

    Each step by an index (the vectors of the lists, then their passages by digest; the passages of the
    entries, then their vectors by digest), never a join the planner could answer by reading a whole table.
    """
    vectors: dict[str, bytes] = {}
    rows: dict[tuple[int, int], tuple[int | None, str]] = {}
    with connection.cursor() as cursor:
        sql, params = _any("vector_list", lists.probes(vector, probes or PROBES))
        vectors.update(_fetch(cursor, f"SELECT digest, vector FROM search_embedding WHERE {sql}", params))
        passages = []
        if vectors:
            sql, params = _any("digest", list(vectors))
            passages += _fetch(
                cursor, f"SELECT entry_id, ordinal, page, digest FROM search_searchchunk WHERE {sql}", params
            )
        if also := sorted(set(also)):
            sql, params = _any("entry_id", also)
            more = _fetch(cursor, f"SELECT entry_id, ordinal, page, digest FROM search_searchchunk WHERE {sql}", params)
            missing = list({key for *_, key in more} - vectors.keys())
            if missing:
                sql, params = _any("digest", missing)
                vectors.update(_fetch(cursor, f"SELECT digest, vector FROM search_embedding WHERE {sql}", params))
            passages += more
    for entry_id, ordinal, page, key in passages:
        if key in vectors:
            rows[entry_id, ordinal] = (page, key)
    keys = list(rows)
    found, kept = index.decode([vectors[rows[key][1]] for key in keys], lists.centroids.shape[1])
    return Matrix(
        found,
        np.array([keys[i][0] for i in kept], dtype=np.int64),
        np.array([keys[i][1] for i in kept], dtype=np.int32),
        [rows[keys[i]][0] for i in kept],
    )


def _best(loaded: Matrix, scores: np.ndarray, meaning, limit: int) -> list[Nearest]:
    keep = np.flatnonzero(scores >= meaning.threshold(float(scores.max())))
    if not len(keep):
        return []
    # Best passage per record: rows sorted by score, first occurrence of each record.
    ordered = keep[np.argsort(-scores[keep], kind="stable")]
    found, seen = [], set()
    for row in ordered:
        entry_id = int(loaded.entries[row])
        if entry_id in seen:
            continue
        seen.add(entry_id)
        found.append(Nearest(entry_id, int(loaded.ordinals[row]), loaded.pages[row], float(scores[row])))
        if len(found) >= limit:
            break
    return found


def nearest(meaning, *, limit: int, also: Iterable[int] = (), exact: bool = False) -> list[Nearest]:
    """The `limit` records closest in meaning (by their closest passage), best first, cut at `meaning.threshold`.

    `also`: entries whose passages are scored whatever lists they are in (the best by words). `exact`
    scores every vector even where there is an index (what the index is measured against).
    """
    lists = None if exact else index.current()
    loaded = probed_rows(lists, meaning.vector, also) if lists is not None else matrix()
    if not len(loaded.entries):
        return []
    query = np.asarray(meaning.vector, dtype=np.float32)
    if lists is not None:
        scores = loaded.vectors @ query
    else:
        scores = (loaded.vectors @ query.astype(np.float16)).astype(np.float32)
    return _best(loaded, scores, meaning, limit)

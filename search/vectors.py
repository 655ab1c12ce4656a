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
LOOKUP_BATCH = 500  # digests per query, well under every database's parameter limit
FIRST_BATCH = 50  # the passages of the closest vectors are read first, in batches that double
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


def probed(lists: index.Lists, vector: np.ndarray, also: Iterable[int], probes: int | None = None):
    """The stored vectors of the query's nearest lists (`PROBES`) and of the passages of the entries in `also`
    ({digest: bytes}), and those passages ([(entry_id, ordinal, page, digest)]).

    Each step by an index (the vectors of the lists; the passages of the entries, then their vectors by
    digest), never a join the planner could answer by reading a whole table.
    """
    with connection.cursor() as cursor:
        sql, params = _any("vector_list", lists.probes(vector, probes or PROBES))
        stored = dict(_fetch(cursor, f"SELECT digest, vector FROM search_embedding WHERE {sql}", params))
        passages = []
        if also := sorted(set(also)):
            sql, params = _any("entry_id", also)
            passages = _fetch(cursor, f"SELECT entry_id, ordinal, page, digest FROM search_searchchunk WHERE {sql}", params)  # fmt: skip
            missing = list({key for *_, key in passages} - stored.keys())
            if missing:
                sql, params = _any("digest", missing)
                stored.update(_fetch(cursor, f"SELECT digest, vector FROM search_embedding WHERE {sql}", params))
    return stored, passages


def _through_index(lists: index.Lists, meaning, also: Iterable[int], limit: int) -> list[Nearest]:
    """The nearest records through the vector index: each stored vector read is scored once, however many
    passages share it, and only the passages of the vectors close enough are read, best first, in batches."""
    query = np.asarray(meaning.vector, dtype=np.float32)
    stored, passages = probed(lists, query, also)
    digests = list(stored)
    found, kept = index.decode([stored[key] for key in digests], lists.centroids.shape[1])
    if not kept:
        return []
    digests = [digests[i] for i in kept]
    scores = found @ query
    order = np.argsort(-scores, kind="stable")
    held = {key for *_, key in passages}  # digests some passage has
    threshold = None  # from the best vector a passage has (a stored vector may have outlived its text)
    entries: set[int] = set()
    start, size = 0, FIRST_BATCH
    with connection.cursor() as cursor:
        # Best first: a record's first passage read is its closest, so once `limit` records are found no
        # vector further down can change which they are.
        while start < len(order) and len(entries) < limit:
            part = order[start : start + size]
            start, size = start + size, min(size * 2, LOOKUP_BATCH)
            if threshold is not None and scores[part[0]] < threshold:
                break
            if wanted := [digests[i] for i in part if digests[i] not in held]:
                sql, params = _any("digest", wanted)
                more = _fetch(cursor, f"SELECT entry_id, ordinal, page, digest FROM search_searchchunk WHERE {sql}", params)  # fmt: skip
                passages += more
                held.update(key for *_, key in more)
            if threshold is None:
                first = next((i for i in part if digests[i] in held), None)
                if first is not None:
                    threshold = meaning.threshold(float(scores[first]))
            if threshold is not None:
                close = {digests[i] for i in part if scores[i] >= threshold}
                entries.update(entry_id for entry_id, _, _, key in passages if key in close)
    if threshold is None:
        return []
    score_of = {digests[i]: float(scores[i]) for i in order if scores[i] >= threshold}
    best: dict[int, Nearest] = {}
    for entry_id, ordinal, page, key in sorted(passages, key=lambda row: (row[0], row[1])):
        score = score_of.get(key)
        if score is not None and (entry_id not in best or score > best[entry_id].score):
            best[entry_id] = Nearest(entry_id, ordinal, page, score)
    return sorted(best.values(), key=lambda hit: -hit.score)[:limit]


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


def indexed() -> bool:
    """Whether `nearest` reads through the vector index (where its `also` matters) rather than every vector."""
    return index.current() is not None


def nearest(meaning, *, limit: int, also: Iterable[int] = (), exact: bool = False) -> list[Nearest]:
    """The `limit` records closest in meaning (by their closest passage), best first, cut at `meaning.threshold`.

    `also`: entries whose passages are scored whatever lists they are in (the best by words). `exact`
    scores every vector even where there is an index (what the index is measured against).
    """
    lists = None if exact else index.current()
    if lists is not None:
        return _through_index(lists, meaning, also, limit)
    loaded = matrix()
    if not len(loaded.entries):
        return []
    scores = (loaded.vectors @ np.asarray(meaning.vector, dtype=np.float16)).astype(np.float32)
    return _best(loaded, scores, meaning, limit)

"""Meaning vectors for the database backend: every passage's vector in one matrix, scored in memory.

PostgreSQL here has no vector index (pgvector is not packaged for it) and
SQLite's would be an extension to ship, so each process keeps the vectors of
every `SearchChunk` in one float16 NumPy matrix and answers a query with one
matrix-vector product: about 1 KB per passage (100,000 records of four
passages: 400 MB in float16... see `nearest` for what is loaded), a few
milliseconds per query. The matrix is loaded on the first query that needs it
and again after the chunks change (a cache generation, bumped by the write
path), so a process that never searches by meaning never pays for it.
"""

import threading
from dataclasses import dataclass

import numpy as np
from django.db.models import OuterRef, Subquery

from search import generations
from search.models import Embedding, SearchChunk
from search.semantic.encoder import get_encoder
from search.semantic.vectors import from_bytes

GENERATION_KEY = "search:vectors:generation"
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


def nearest(meaning, *, limit: int) -> list[Nearest]:
    """The `limit` records closest in meaning (by their closest passage), best first, cut at `meaning.threshold`."""
    loaded = matrix()
    if not len(loaded.entries):
        return []
    scores = (loaded.vectors @ meaning.vector.astype(np.float16)).astype(np.float32)
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

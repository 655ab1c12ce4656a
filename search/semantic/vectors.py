"""Vectors kept in the database by content hash, and the query's vector.

A text's vector is stored once under `digest(encoder version, kind, text)`:
content that did not change, the same passage in two records and a rebuild of
the index all reuse it, and a new model version simply finds nothing and
computes afresh. Looking up never computes (`vectors_for`); computing is for
background work (`ensure_vectors`), except for the query (`query_vector`),
which is embedded in the request and kept in a small in-process cache.
"""

import functools
import hashlib
import logging
from collections.abc import Callable, Sequence

import numpy as np

from search.semantic import index
from search.semantic.encoder import Encoder, encoder_status, get_encoder, unit_rows
from search.semantic.models import Embedding

logger = logging.getLogger(__name__)

PASSAGE = "passage"
QUERY = "query"
KINDS = (PASSAGE, QUERY)
STORED_DTYPE = np.float16  # see Embedding: a cosine moves by at most 3e-5
LOOKUP_BATCH = 500  # digests per query, well under every database's parameter limit
QUERY_CACHE_SIZE = 1024
MAX_QUERY_CHARS = 500  # a pasted page is not a query; its start says enough


class EncoderUnavailable(RuntimeError):
    """Vectors were asked to be computed while semantic search is off or its model failed to load."""


def digest(version: str, kind: str, text: str) -> str:
    return hashlib.sha256(f"{version}\n{kind}\n{text}".encode()).hexdigest()


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=STORED_DTYPE).tobytes()


def from_bytes(data: bytes | memoryview | None, dims: int) -> np.ndarray | None:
    """A stored vector as float32 of length 1; None for no row, or a row of another size."""
    if data is None:
        return None
    data = bytes(data)  # PostgreSQL gives a memoryview
    if len(data) != dims * np.dtype(STORED_DTYPE).itemsize:
        return None
    return unit_rows(np.frombuffer(data, dtype=STORED_DTYPE))[0]


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")


def _stored(digests: Sequence[str]) -> dict[str, bytes]:
    unique = list(dict.fromkeys(digests))
    found = {}
    for start in range(0, len(unique), LOOKUP_BATCH):
        rows = Embedding.objects.filter(digest__in=unique[start : start + LOOKUP_BATCH]).values_list("digest", "vector")
        found.update((key, bytes(vector)) for key, vector in rows)
    return found


def vectors_for(
    texts: Sequence[str], kind: str = PASSAGE, *, encoder: Encoder | None = None
) -> list[np.ndarray | None]:
    """The stored vector of each text, None where there is none yet (or no model). Never computes."""
    _check_kind(kind)
    encoder = encoder or get_encoder()
    if encoder is None:
        return [None] * len(texts)
    keys = [digest(encoder.version, kind, text) for text in texts]
    stored = _stored(keys)
    return [from_bytes(stored.get(key), encoder.dims) for key in keys]


def ensure_vectors(
    texts: Sequence[str],
    kind: str = PASSAGE,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
    *,
    encoder: Encoder | None = None,
    threads: int = 1,
) -> list[np.ndarray]:
    """The vector of each text, computing and storing those not stored yet, `batch_size` at a time.

    Idempotent: running it again, or in two workers at once, computes nothing twice
    that was stored (a conflicting insert is ignored). `progress(n)` is called after
    each batch with the number of texts just computed. Returns what a later lookup
    reads, so a vector is the same whether it was computed now or before.
    Raises EncoderUnavailable when there is no model.
    """
    _check_kind(kind)
    encoder = encoder or get_encoder()
    if encoder is None:
        raise EncoderUnavailable(str(encoder_status()))
    keys = [digest(encoder.version, kind, text) for text in texts]
    vectors = {key: from_bytes(data, encoder.dims) for key, data in _stored(keys).items()}
    unreadable = [key for key, vector in vectors.items() if vector is None]
    if unreadable:  # of another size: written by a model that kept another's version string
        Embedding.objects.filter(digest__in=unreadable).delete()
    missing = list({key: text for key, text in zip(keys, texts, strict=True) if vectors.get(key) is None}.items())
    encode = encoder.encode_queries if kind == QUERY else encoder.encode_passages
    for start in range(0, len(missing), max(1, batch_size)):
        batch = missing[start : start + max(1, batch_size)]
        computed = encode([text for _, text in batch], threads=threads)
        lists = index.current()  # a new vector joins its nearest list, so the index keeps finding it
        if lists is not None and lists.encoder == encoder.version:
            numbers = lists.assign(computed).tolist()
        else:
            numbers = [None] * len(batch)
        rows = [
            Embedding(digest=key, vector=to_bytes(vector), vector_list=number)
            for (key, _), vector, number in zip(batch, computed, numbers, strict=True)
        ]
        Embedding.objects.bulk_create(rows, ignore_conflicts=True)
        vectors.update((row.digest, from_bytes(row.vector, encoder.dims)) for row in rows)
        if progress:
            progress(len(batch))
    return [vectors[key] for key in keys]


def query_vector(text: str) -> np.ndarray | None:
    """The query's vector (read-only, cached per process), or None: no model, no text, or it failed."""
    text = " ".join((text or "").split())[:MAX_QUERY_CHARS]
    encoder = get_encoder()
    if not text or encoder is None:
        return None
    try:
        return _query_vector(encoder, text)
    except Exception:  # a query that cannot be embedded is still searched by its words
        logger.exception("Could not embed the query %r", text)
        return None


@functools.lru_cache(maxsize=QUERY_CACHE_SIZE)
def _query_vector(encoder: Encoder, text: str) -> np.ndarray:
    vector = encoder.encode_queries([text])[0]
    vector.flags.writeable = False  # shared by every later search for the same words
    return vector


def clear_query_cache() -> None:
    _query_vector.cache_clear()

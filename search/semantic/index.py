"""A coarse index over the stored passage vectors (IVF), kept in the database, built with NumPy alone.

Scoring every stored vector costs each searching process 1 KB of memory per
passage and a pass over all of them per query (100,000 records, 750,000
passages: about 750 MiB and 3 s). Instead, when the index is built
(`search_rebuild`, `search_embed --all`), spherical k-means over a sample finds
about sqrt(n) centroids, the "lists"; every `Embedding` row carries the number
of its nearest centroid in an indexed column, and a query reads and scores only
the rows of its `PROBES` nearest lists (`search.vectors`), plus the passages of
the best records by words, so a record that holds the words is always scored.

Vectors stored after the build join their nearest list as they are written
(`assign`), so the index stays usable while the corpus grows (one written by
another process while a build runs has no list until the next build); the centroids
only describe what they were trained on, so `search_status` asks for a rebuild
once the corpus has grown `GROWTH` times. Under `MIN_VECTORS` there is no index:
the exact scan is cheap and exact.
"""

import logging
import math
import threading
import time
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction

from search import generations
from search.semantic.encoder import get_encoder
from search.semantic.models import Embedding, VectorIndex

logger = logging.getLogger(__name__)

GENERATION_KEY = "search:vector-index:generation"
MIN_VECTORS = 4000  # below this the exact scan is a few milliseconds
SAMPLE_PER_LIST = 40  # k-means trains on about this many vectors per centroid...
MAX_SAMPLE = 40_000  # ...and at most this many (about 30 s of CPU at 100,000 records)
ITERATIONS = 12
BATCH = 5000  # rows read, assigned and written at a time
GROWTH = 2.0  # centroids are stale once the stored vectors are this many times what they were trained on
STORED = np.float16  # as search.semantic.vectors.STORED_DTYPE

_lock = threading.Lock()
_loaded: "tuple[str, Lists | None] | None" = None


@dataclass(frozen=True)
class Lists:
    centroids: np.ndarray  # float32, one unit row per list
    encoder: str
    trained_on: int

    def probes(self, vector: np.ndarray, count: int) -> list[int]:
        """The `count` lists whose centroids are closest to the vector."""
        scores = self.centroids @ np.asarray(vector, dtype=np.float32)
        count = min(count, len(scores))
        return [int(n) for n in np.argpartition(-scores, count - 1)[:count]]

    def assign(self, vectors: np.ndarray) -> np.ndarray:
        """Each vector's nearest list."""
        return np.argmax(np.asarray(vectors, dtype=np.float32) @ self.centroids.T, axis=1)


def changed() -> None:
    generations.changed(GENERATION_KEY)


def _read() -> "Lists | None":
    encoder = get_encoder()
    row = VectorIndex.objects.order_by("-id").first()
    if encoder is None or row is None or row.encoder != encoder.version or row.dims != encoder.dims:
        return None  # vectors of another model: their lists mean nothing for this one's
    centroids = np.frombuffer(bytes(row.centroids), dtype=np.float32).reshape(row.lists, row.dims)
    return Lists(centroids, row.encoder, row.trained_on)


def current() -> "Lists | None":
    """The index this process searches with (loaded again after a build), or None: scan every vector."""
    global _loaded
    generation = generations.current(GENERATION_KEY)
    with _lock:
        if _loaded is None or _loaded[0] != generation:
            _loaded = (generation, _read())
        return _loaded[1]


def decode(blobs: list[bytes], dims: int) -> tuple[np.ndarray, list[int]]:
    """Stored vectors as float32 rows, and the positions of the blobs that were vectors of this size."""
    size = dims * np.dtype(STORED).itemsize
    kept = [i for i, blob in enumerate(blobs) if len(blob) == size]
    if not kept:
        return np.zeros((0, dims), dtype=np.float32), []
    data = b"".join(bytes(blobs[i]) for i in kept)
    return np.frombuffer(data, dtype=STORED).reshape(len(kept), dims).astype(np.float32), kept


def kmeans(sample: np.ndarray, lists: int, seed: int = 2060) -> np.ndarray:
    """Spherical k-means (cosine): `lists` unit centroids, seeded with sample rows, a list left empty re-seeded."""
    rng = np.random.default_rng(seed)
    centroids = sample[rng.choice(len(sample), lists, replace=False)].copy()
    for _ in range(ITERATIONS):
        nearest = np.argmax(sample @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, nearest, sample)
        sizes = np.bincount(nearest, minlength=lists)
        empty = sizes == 0
        sums[empty] = sample[rng.choice(len(sample), int(empty.sum()), replace=False)]
        centroids = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    return centroids.astype(np.float32)


def _sample(count: int, dims: int) -> np.ndarray:
    """About `count` stored vectors, chosen by digest: a sha256 is uniform, so a range of it is a random sample."""
    total = Embedding.objects.count()
    share = min(1.0, count / max(total, 1))
    bound = f"{min(int(share * 16**8), 16**8 - 1):08x}" if share < 1 else "g"  # "g" sorts after every hex digest
    blobs = list(Embedding.objects.filter(digest__lt=bound).values_list("vector", flat=True).iterator(BATCH))
    vectors, _ = decode(blobs, dims)
    return vectors


def _write_lists(digests: list[str], lists: list[int]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE search_embedding m SET vector_list = v.n "
                "FROM unnest(%s::varchar[], %s::int[]) AS v(digest, n) WHERE m.digest = v.digest",
                [digests, lists],
            )
        else:
            cursor.executemany(
                "UPDATE search_embedding SET vector_list = %s WHERE digest = %s", list(zip(lists, digests, strict=True))
            )


@dataclass
class Built:
    vectors: int = 0
    lists: int = 0
    sample: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        if not self.lists:
            return f"{self.vectors} vectors: few enough to score them all, no index"
        return (
            f"{self.vectors} vectors in {self.lists} lists (k-means over {self.sample}), built in {self.seconds:.1f} s"
        )


def build() -> Built:
    """Train the centroids on a sample of the stored vectors and put every stored vector in its list.

    In one transaction: searches keep the previous index (or the scan) until it commits.
    """
    started = time.monotonic()
    encoder = get_encoder()
    total = Embedding.objects.count()
    built = Built(vectors=total)
    with transaction.atomic():
        VectorIndex.objects.all().delete()
        if encoder is None or total < MIN_VECTORS:
            Embedding.objects.exclude(vector_list=None).update(vector_list=None)
            changed()
            return built
        lists = max(1, round(math.sqrt(total)))
        sample = _sample(min(MAX_SAMPLE, lists * SAMPLE_PER_LIST), encoder.dims)
        lists = min(lists, len(sample))
        index = Lists(kmeans(sample, lists), encoder.version, total)
        built.lists, built.sample = lists, len(sample)
        last = ""
        while True:
            rows = list(
                Embedding.objects.filter(digest__gt=last).order_by("digest").values_list("digest", "vector")[:BATCH]
            )
            if not rows:
                break
            last = rows[-1][0]
            vectors, kept = decode([vector for _, vector in rows], encoder.dims)
            if kept:
                _write_lists([rows[i][0] for i in kept], [int(n) for n in index.assign(vectors)])
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # every row's list changed: the planner must know it reads a few
                cursor.execute("ANALYZE search_embedding")
        VectorIndex.objects.create(
            encoder=encoder.version,
            lists=lists,
            dims=encoder.dims,
            centroids=index.centroids.tobytes(),
            trained_on=total,
        )
        changed()
    built.seconds = time.monotonic() - started
    return built


@dataclass
class State:
    vectors: int
    lists: int
    trained_on: int
    model: bool = True  # with no model there is nothing to search by meaning, nor to build

    @property
    def stale(self) -> bool:
        """No index where one pays off, or centroids trained on a corpus far smaller than today's."""
        if self.vectors < MIN_VECTORS or not self.model:
            return False
        return not self.lists or self.vectors > GROWTH * self.trained_on

    def __str__(self) -> str:
        if not self.lists:
            state = "scanned in full (no index)"
        else:
            state = f"an index of {self.lists} lists built over {self.trained_on}"
        return f"{self.vectors} stored vectors, {state}"


def state() -> State:
    current_index = _read()
    return State(
        vectors=Embedding.objects.count(),
        lists=len(current_index.centroids) if current_index else 0,
        trained_on=current_index.trained_on if current_index else 0,
        model=get_encoder() is not None,
    )


def build_if_stale() -> "Built | None":
    return build() if state().stale else None

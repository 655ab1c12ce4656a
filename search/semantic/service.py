"""Records to vectors: what the `search.embed_records` task and `search_embed` run."""

import time
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from search.models import SearchChunk, SearchEntry
from search.records import Record
from search.semantic.chunks import Chunk, chunks
from search.semantic.encoder import Encoder, encoder_status, get_encoder
from search.semantic.models import Embedding
from search.semantic.vectors import PASSAGE, EncoderUnavailable, ensure_vectors, vectors_for


@dataclass
class EmbedSummary:
    records: int = 0
    chunks: int = 0
    computed: int = 0  # vectors computed now
    reused: int = 0  # chunks whose vector was stored already (or computed for an identical chunk)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Passages embedded per second."""
        return self.computed / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        return (
            f"{self.records} records, {self.chunks} chunks: {self.computed} vectors computed, "
            f"{self.reused} reused, in {self.seconds:.1f} s ({self.rate:.1f} passages/s)"
        )


def embed(
    records: Iterable[Record], *, batch_size: int = 32, threads: int = 1, encoder: Encoder | None = None
) -> EmbedSummary:
    """Compute and store the vectors the records' chunks are missing. Idempotent."""
    encoder = encoder or get_encoder()
    if encoder is None:
        raise EncoderUnavailable(str(encoder_status()))
    summary = EmbedSummary()
    started = time.monotonic()

    def computed(count: int) -> None:
        summary.computed += count

    for record in records:
        texts = [chunk.text for chunk in chunks(record)]
        before = summary.computed
        ensure_vectors(texts, PASSAGE, batch_size, progress=computed, encoder=encoder, threads=threads)
        summary.records += 1
        summary.chunks += len(texts)
        summary.reused += len(texts) - (summary.computed - before)
    summary.seconds = time.monotonic() - started
    return summary


def chunk_vectors(record: Record, *, encoder: Encoder | None = None) -> list[tuple[Chunk, np.ndarray | None]]:
    """The record's chunks with their stored vectors (None where not computed yet); never computes."""
    found = chunks(record)
    return list(zip(found, vectors_for([chunk.text for chunk in found], PASSAGE, encoder=encoder), strict=True))


@dataclass
class Coverage:
    records: int = 0
    chunks: int = 0
    stored: int = 0  # chunks that have their vector

    @property
    def complete(self) -> bool:
        return self.stored == self.chunks

    def __str__(self) -> str:
        share = f"{self.stored * 100 // self.chunks}%" if self.chunks else "100%"
        return f"{self.stored}/{self.chunks} passages of {self.records} records have vectors ({share})"


def stored_coverage() -> Coverage:
    """How many indexed passages have their vector under the current model, counted by the database (the
    database index is kept in every setup): cheap enough for the admin's dashboard."""
    passages = SearchChunk.objects.all()
    return Coverage(
        records=SearchEntry.objects.count(),
        chunks=passages.count(),
        stored=passages.filter(digest__in=Embedding.objects.values("digest")).count(),
    )

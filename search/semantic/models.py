"""Embedding vectors kept by content hash (re-exported from `search.models`)."""

from django.db import models


class Embedding(models.Model):
    """One text's vector under one encoder version, found again by its digest.

    `digest` is sha256 of encoder version, kind ("passage" or "query") and the
    text (see `search.semantic.vectors.digest`), so unchanged text is never
    embedded twice, a rebuild reuses every vector, and a new model version
    simply misses. `vector` holds float16 values: against float32 they move
    a cosine by at most 3e-5 (int8 with a per-vector scale: 6e-4) at half the size.
    """

    digest = models.CharField(max_length=64, primary_key=True)
    vector = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.digest

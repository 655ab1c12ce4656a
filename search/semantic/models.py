"""Embedding vectors kept by content hash, and the coarse index over them (re-exported from `search.models`)."""

from django.db import models


class Embedding(models.Model):
    """One text's vector under one encoder version, found again by its digest.

    `digest` is sha256 of encoder version, kind ("passage" or "query") and the
    text (see `search.semantic.vectors.digest`), so unchanged text is never
    embedded twice, a rebuild reuses every vector, and a new model version
    simply misses. `vector` holds float16 values: against float32 they move
    a cosine by at most 3e-5 (int8 with a per-vector scale: 6e-4) at half the size.
    `vector_list` is the number of its nearest centroid in the `VectorIndex`
    (None before there is one), so a query reads the rows of a few lists only.
    """

    digest = models.CharField(max_length=64, primary_key=True)
    vector = models.BinaryField()
    vector_list = models.IntegerField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.digest


class VectorIndex(models.Model):
    """The centroids of the stored vectors (k-means, about sqrt(n) of them), one row: see `search.semantic.index`."""

    encoder = models.CharField(max_length=200)  # the encoder version the vectors are from
    lists = models.PositiveIntegerField()
    dims = models.PositiveIntegerField()
    centroids = models.BinaryField()  # float32, lists x dims, unit rows
    trained_on = models.PositiveIntegerField()  # vectors stored when it was built
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.lists} lists over {self.trained_on} vectors"

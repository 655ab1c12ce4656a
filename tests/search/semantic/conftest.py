"""The real model, loaded once for the semantic tests (the process keeps it anyway)."""

import pytest
from django.test import override_settings

from search.semantic.encoder import get_encoder


@pytest.fixture(scope="module")
def encoder():
    with override_settings(SEARCH_EMBEDDING_MODEL="use-multilingual-3"):
        loaded = get_encoder()
    assert loaded is not None, "the bundled model must load with nothing to download"
    return loaded


class CountingEncoder:
    """The real encoder, counting the texts it is asked to embed."""

    def __init__(self, encoder):
        self.inner = encoder
        self.name, self.version, self.dims = encoder.name, encoder.version, encoder.dims
        self.passages = 0

    def encode_queries(self, texts, *, threads=1):
        return self.inner.encode_queries(texts, threads=threads)

    def encode_passages(self, texts, *, threads=1):
        self.passages += len(texts)
        return self.inner.encode_passages(texts, threads=threads)


@pytest.fixture
def counting(encoder):
    return CountingEncoder(encoder)

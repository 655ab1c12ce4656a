"""The search modules' shared backend fixture: each module builds its corpus in `made`, indexed here once per backend."""

import pytest
from django.test import override_settings

from search import indexes, vectors
from search.backends import DatabaseBackend, ElasticsearchBackend
from search.records import all_records
from search.semantic.service import embed
from tests.conftest import require_service


@pytest.fixture(scope="module", autouse=True)
def meaning():
    """Search tests search by meaning too (the test settings leave it off for the rest of the suite)."""
    with override_settings(SEARCH_EMBEDDING_MODEL="use-multilingual-3"):
        yield


@pytest.fixture(scope="module", params=["database", pytest.param("elasticsearch", marks=pytest.mark.services)])
def backend(request, made, django_db_blocker):
    """The module's corpus (`made`, already in the database backend's table) searched on each backend in turn.

    Its passages' meaning vectors are computed first, as the embedding task would once the corpus committed.
    """
    with django_db_blocker.unblock():
        embed(all_records())
        vectors.changed()
    if request.param == "database":
        yield DatabaseBackend()
        return
    require_service("ELASTICSEARCH_URL")
    es = ElasticsearchBackend()
    with django_db_blocker.unblock():
        es.replace_all(all_records())
    yield es
    es.client.indices.delete(index=",".join(indexes.versioned_indexes(es.client)), ignore_unavailable=True)

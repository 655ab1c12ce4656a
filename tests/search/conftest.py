"""The search modules' shared backend fixture: each module builds its corpus in `made`, indexed here once per backend."""

import pytest

from search import indexes
from search.backends import DatabaseBackend, ElasticsearchBackend
from search.records import all_records
from tests.conftest import require_service


@pytest.fixture(scope="module", params=["database", pytest.param("elasticsearch", marks=pytest.mark.services)])
def backend(request, made, django_db_blocker):
    """The module's corpus (`made`, already in the database backend's table) searched on each backend in turn."""
    if request.param == "database":
        yield DatabaseBackend()
        return
    require_service("ELASTICSEARCH_URL")
    es = ElasticsearchBackend()
    with django_db_blocker.unblock():
        es.replace_all(all_records())
    yield es
    es.client.indices.delete(index=",".join(indexes.versioned_indexes(es.client)), ignore_unavailable=True)

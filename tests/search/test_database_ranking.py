"""PostgreSQL's ranking: cover density over the best matches by weighted frequency (see search.backends.fulltext)."""

import pytest
from django.db import connection

from search.backends import DatabaseBackend, fulltext
from search.query import parse
from search.records import key_for, record_for
from search.results import SearchRequest
from tests.conftest import require_service
from tests.portal.library.factories import PolicyDocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture
def database():
    require_service("DATABASE_URL")
    assert connection.vendor == "postgresql"
    return DatabaseBackend()


def stored(database, **fields) -> str:
    document = PolicyDocumentFactory(**{"title": "Annual notice", "title_en": "", **fields})
    key = key_for(document._meta.label_lower, document.pk)
    database.store(record_for(key))
    return key


def test_cover_density_orders_the_pool_that_weighted_frequency_chose(database, monkeypatch):
    # The two measures disagree: cover density counts each of the body's thirty occurrences, weighted
    # frequency saturates on them and prefers the two words once in the title (not side by side there).
    in_title = stored(database, title="Clinker and kiln notice", page_texts=["The ratio falls this year."])
    repeated = stored(database, page_texts=["The kiln clinker ratio. " * 15])
    query, request = parse("kiln clinker", exact=True), SearchRequest(text="kiln clinker", exact=True)

    assert [found.key for found in database.lexical(query, request, 10)] == [repeated, in_title]

    # A pool of one: cover density orders only what frequency put first, which is what bounds its cost.
    monkeypatch.setattr(fulltext, "RERANKED", 1)
    assert [found.key for found in database.lexical(query, request, 1)] == [in_title]

"""PostgreSQL's ranking: cover density over the best matches by weighted frequency (see search.backends.fulltext)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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

    assert [found.key for found in database.retrieve(query, request, None, 10).lexical] == [repeated, in_title]

    # A pool of one: cover density orders only what frequency put first, which is what bounds its cost.
    monkeypatch.setattr(fulltext, "RERANKED", 1)
    assert [found.key for found in database.retrieve(query, request, None, 1).lexical] == [in_title]


def test_the_matches_are_found_once_for_hits_count_and_facets(database):
    # A broad query matches most records: each further pass over its matches cost as much as the first.
    keys = [stored(database, page_texts=[f"Kiln clinker notice number {n}."]) for n in range(3)]
    query, request = parse("kiln", exact=True), SearchRequest(text="kiln", exact=True)

    with CaptureQueriesContext(connection) as statements:
        retrieved = database.retrieve(query, request, None, 2)

    assert len([s for s in statements if "search_vector @@" in s["sql"]]) == 1
    assert retrieved.total == 3
    assert len(retrieved.lexical) == 2 and {c.key for c in retrieved.lexical} < set(keys)
    assert {v.value: v.count for v in retrieved.facets["type"]} == {"portal.policydocument": 3}


def test_a_search_s_planner_settings_end_with_its_statement(database):
    # Set for the transaction, they outlived the search inside a caller's (a demo load, this test's): an UPDATE
    # planned under them afterwards ran for minutes.
    stored(database, page_texts=["Kiln clinker notice."])
    query, request = parse("kiln", exact=True), SearchRequest(text="kiln", exact=True)

    def current() -> list:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('cpu_operator_cost'), current_setting('work_mem')")
            return list(cursor.fetchone())

    before = current()
    assert database.retrieve(query, request, None, 10).total == 1
    assert current() == before

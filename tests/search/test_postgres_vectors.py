"""A rebuild writes PostgreSQL's tsvectors made in Python (`vector_text`): they must be what SQL would make."""

import pytest
from django.db import connection

from search.backends.database import DatabaseBackend
from search.backends.fulltext import COLUMNS, IN_ROW, VECTOR_SQL, install, vector_text
from search.query import parse
from search.results import SearchRequest
from tests.conftest import require_service
from tests.search.test_database_rebuild import _records

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def sql_vector(columns: dict[str, str]) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH c ({', '.join(COLUMNS)}) AS (VALUES (%s, %s, %s, %s)) SELECT ({VECTOR_SQL.format('')})::text FROM c",  # noqa: S608
            [columns[column] for column in COLUMNS],
        )
        return cursor.fetchone()[0]


def python_vector(columns: dict[str, str]) -> str | None:
    made = vector_text(columns)
    if made is None:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector::text", [made])
        return cursor.fetchone()[0]


def fields(title="", labels="", summary="", body="") -> dict[str, str]:
    return dict(zip(COLUMNS, (title, labels, summary, body), strict=True))


@pytest.mark.parametrize(
    "columns",
    [
        fields("hydrogen steel", "nation develop zzgap z053cc078b3", "green hydrogen replac coal", "hydrogen " * 40),
        fields("z078b308fbe05cf0 z05bfc", "", "", "2030 co2 1st 12ab 0x1f e5 5e z0e5a"),
        fields(),
        fields(body="carbon"),
        fields("a", "", "", " ".join(f"w{n}" for n in range(15_000))),
    ],
    ids=["fields", "numbers-and-chinese", "empty", "body-only", "long"],
)
def test_the_vector_made_in_python_is_the_one_sql_makes(columns):
    require_service("DATABASE_URL")
    assert connection.vendor == "postgresql"

    assert python_vector(columns) == sql_vector(columns)


@pytest.mark.parametrize(
    "columns",
    [
        fields(body="unit 1e5x report"),  # the parser reads "1e5" and "x": two words
        fields(title="québec"),
        fields(body="carbon " * 300),  # PostgreSQL keeps 255 positions of a term
        fields(body=" ".join(f"w{n}" for n in range(17_000))),  # and none past 16,383
        fields(body="x" * 3000),  # nor a word that long
    ],
    ids=["exponent", "accent", "repeated", "too-long", "long-word"],
)
def test_terms_the_database_reads_its_own_way_are_left_to_it(columns):
    assert vector_text(columns) is None


def test_an_index_made_with_the_generated_column_is_converted_in_place():
    require_service("DATABASE_URL")
    backend = DatabaseBackend()
    for record in _records():
        backend.store(record)
    with connection.cursor() as cursor:  # the schema of migration 0007, before the rebuild wrote the vectors
        cursor.execute("DROP TRIGGER search_searchentry_vector ON search_searchentry")
        cursor.execute("ALTER TABLE search_searchentry DROP COLUMN search_vector")
        cursor.execute(
            "ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({VECTOR_SQL.format('')}) STORED"
        )

    assert install(connection) is True

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*), COUNT(*) FILTER (WHERE search_vector = {VECTOR_SQL.format('')}) FROM search_searchentry"  # noqa: S608
        )
        assert cursor.fetchone() == (len(_records()), len(_records()))
        # Kept in the row, where a search reads it, rather than in the TOAST table.
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'search_searchentry'::regclass AND attname = 'search_vector'"
        )
        assert cursor.fetchone() == ("m",)
        # Nor the short fields counted and filtered over every match, whatever room the vector takes.
        cursor.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = 'search_searchentry'::regclass AND attstorage = 'p' "
            "AND attname = ANY(%s)",
            [list(IN_ROW)],
        )
        assert sorted(name for (name,) in cursor.fetchall()) == sorted(IN_ROW)
        # And the multi-valued facets' values, unless a row could not fit its page otherwise.
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'search_searchentry'::regclass AND attname = 'facet_values'"
        )
        assert cursor.fetchone() == ("m",)
    query, request = parse("hydrogen steel", exact=True), SearchRequest(text="hydrogen steel", exact=True)
    found = backend.retrieve(query, request, None, 10).lexical
    assert len(found) == 3
    assert install(connection) is False


def test_a_rebuild_leaves_statistics_for_what_searches_match_filter_and_count_by():
    require_service("DATABASE_URL")
    assert connection.vendor == "postgresql"

    DatabaseBackend().replace_all(_records())

    with connection.cursor() as cursor:
        cursor.execute("SELECT attname FROM pg_stats WHERE tablename = 'search_searchentry'")
        analysed_columns = {name for (name,) in cursor.fetchall()}
    assert {"search_vector", "content_type", "issuing_body", "year", "group"} <= analysed_columns

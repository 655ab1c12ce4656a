"""The database backend's rebuild: its fast path writes what storing each record writes, analysed in workers or not."""

import gc
import importlib
from types import SimpleNamespace

import pytest
from django.db import IntegrityError, connection, transaction

from search.backends import database
from search.backends.database import DatabaseBackend, analysed_all
from search.models import SearchChunk, SearchEntry, SearchTag, SearchTerm
from search.records import EMPTY, with_version

pytestmark = pytest.mark.django_db


def _records() -> list[dict]:
    made = []
    for n in range(6):
        zh = n % 2
        made.append(
            with_version(
                EMPTY
                | {
                    "id": f"portal.policydocument:{n}",
                    "content_type": "portal.policydocument",
                    "url": f"/library/{n}/",
                    "title": "钢铁行业碳达峰实施方案" if zh else f"Hydrogen for steel, part {n}",
                    "alt_title": "Steel peaking plan" if zh else "",
                    "summary": "推进钢铁行业绿色低碳发展。" if zh else "Green hydrogen replaces coal in steelmaking.",
                    "passages": [{"page": 1, "text": "碳排放权交易" if zh else "Emissions trading and allowances."}],
                    "date": f"202{n}-03-01",
                    "year": 2020 + n,
                    "languages": ["zh-hans"] if zh else ["en"],
                    "topics": ["steel", "hydrogen"][: 1 + zh],
                    "group": f"document:{n}",
                    "issuing_body": "NDRC",
                }
            )
        )
    made.append(with_version(made[0] | {"id": "portal.policydocument:6", "title": "Québec kiln 1e5x report"}))
    return made


def _rows():
    entries = {
        key: values
        for key, *values in SearchEntry.objects.order_by("key").values_list(
            "key", "title", "summary", "passages", "date", "year", "languages", "topics", "group", "facet_values",
            "version", "title_terms", "label_terms", "summary_terms", "body_terms",
        )
    }  # fmt: skip
    tags = sorted(SearchTag.objects.values_list("entry__key", "facet", "value"))
    chunks = sorted(SearchChunk.objects.values_list("entry__key", "ordinal", "page", "digest"))
    terms = sorted(SearchTerm.objects.values_list("term", "documents"))
    vectors = []
    if connection.vendor == "postgresql":  # written by the rebuild from `vector_text`, by SQL when stored one by one
        with connection.cursor() as cursor:
            cursor.execute("SELECT key, search_vector::text FROM search_searchentry ORDER BY key")
            vectors = cursor.fetchall()
    return entries, tags, chunks, terms, vectors


def test_a_rebuild_writes_what_storing_each_record_writes():
    records = _records()
    backend = DatabaseBackend()
    for record in records:
        backend.store(record)
    stored = _rows()

    assert backend.replace_all(records, batch_size=4) == len(records)

    assert _rows() == stored
    assert len(stored[0]) == 7 and stored[1] and stored[3]
    assert connection.vendor != "postgresql" or len(stored[4]) == 7
    # Each entry's row holds its multi-valued facets' values as its tags do: searches count facets from the row.
    in_rows = dict(SearchEntry.objects.values_list("key", "facet_values"))
    from_tags = {}
    for key, facet, value in stored[1]:
        from_tags.setdefault(key, {}).setdefault(facet, []).append(value)
    assert in_rows == from_tags
    assert in_rows["portal.policydocument:1"] == {"languages": ["zh-hans"], "topics": ["hydrogen", "steel"]}


def test_a_rebuild_leaves_the_transaction_it_ran_in_as_it_found_it():
    """A rebuild checks its rows' references batch by batch and pauses the garbage collector; neither outlasts it."""
    DatabaseBackend().replace_all(_records(), batch_size=4)

    assert gc.isenabled()
    # Here the rebuild ran inside the test's transaction: a reference is again checked at the commit (as Django
    # declares it), so a tag may still be written before its entry within one.
    missing = SearchEntry.objects.order_by("-id").values_list("id", flat=True).first() + 1
    try:
        with transaction.atomic():
            SearchTag.objects.create(entry_id=missing, facet="topics", value="steel")
            SearchTag.objects.filter(entry_id=missing).delete()
    except IntegrityError:
        pytest.fail("the entries' references are still checked immediately after the rebuild")


def test_analysis_in_worker_processes_gives_the_same_as_in_this_one(monkeypatch):
    records = _records()
    monkeypatch.setattr(database, "PARALLEL_FROM", 2)

    in_workers = list(analysed_all(records))

    assert [key for key, _ in in_workers] == [record["id"] for record in records]
    assert in_workers == [database._keyed(record) for record in records]


def test_the_migration_fills_existing_entries_facet_values_from_their_tags():
    migration = importlib.import_module("search.migrations.0012_facet_values_in_row")
    records = _records()
    DatabaseBackend().replace_all(records)
    expected = dict(SearchEntry.objects.values_list("key", "facet_values"))
    SearchEntry.objects.update(facet_values={})  # as entries written before the column existed

    migration.from_tags(None, SimpleNamespace(connection=connection))  # it asks the schema editor for nothing else

    assert dict(SearchEntry.objects.values_list("key", "facet_values")) == expected
    assert expected["portal.policydocument:0"] == {"languages": ["en"], "topics": ["steel"]}

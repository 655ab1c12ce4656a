"""The synonym groups a new site starts with: ordinary staff-editable rows, applied to searches like any other."""

import importlib

import pytest
from django.apps import apps as installed_apps

from search import synonyms
from search.backends import DatabaseBackend
from search.models import Synonym
from search.records import all_records, key_for
from search.results import SearchRequest
from search.service import SearchService
from tests.portal.library.factories import PolicyDocumentFactory

pytestmark = pytest.mark.django_db

seed = importlib.import_module("search.migrations.0005_staff_synonym_groups")

EXPECTED = [
    {"carbon market", "emissions trading", "ETS", "碳市场", "碳排放权交易"},
    {"CCUS", "carbon capture", "碳捕集利用与封存"},
    {"green factory", "绿色工厂"},
    {"new energy vehicle", "NEV", "新能源汽车"},
]


def seeded() -> list[set[str]]:
    return [set(synonym.term_list()) for synonym in Synonym.objects.all()]


def test_the_starter_groups_exist_after_migrating_and_are_valid_rows():
    groups = seeded()

    for group in EXPECTED:
        assert group in groups
    for synonym in Synonym.objects.all():
        synonym.full_clean()  # what the admin's form checks: staff can save them as they are


def test_a_seeded_group_finds_chinese_text_from_an_english_query(settings):
    settings.SEARCH_BACKEND = "database"
    synonyms.forget()
    document = PolicyDocumentFactory(
        title="全国碳市场配额分配方案",
        title_en="",
        languages=["zh-hans"],
        page_texts=["发电行业纳入全国碳市场，实行配额管理。"],
    )
    unrelated = PolicyDocumentFactory(title="绿色建筑评价标准", title_en="", languages=["zh-hans"])
    DatabaseBackend().replace_all(all_records())
    service = SearchService(DatabaseBackend())

    found = [hit.key for hit in service.search(SearchRequest(text="emissions trading")).hits]

    assert key_for("portal.policydocument", document.pk) in found
    assert key_for("portal.policydocument", unrelated.pk) not in found

    # Staff delete the group in the admin: the same query no longer crosses languages.
    Synonym.objects.filter(terms__contains="emissions trading").delete()
    synonyms.forget()
    assert service.search(SearchRequest(text="emissions trading")).total == 0


def test_reversing_the_migration_removes_exactly_the_starter_groups():
    staff_group = Synonym.objects.create(terms="green finance\n绿色金融")
    before = Synonym.objects.count()

    seed.delete_groups(installed_apps, None)

    assert Synonym.objects.count() == before - len(EXPECTED)
    assert staff_group in Synonym.objects.all()  # staff's own groups stay, and so do the glossary's
    assert not [group for group in EXPECTED if group in seeded()]
    seed.create_groups(installed_apps, None)
    seed.create_groups(installed_apps, None)  # twice: the second run finds them and adds nothing
    assert Synonym.objects.count() == before

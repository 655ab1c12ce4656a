"""Index lifecycle against a real cluster: versioned indexes behind an alias,
sync on publish and unpublish, reconciling drift, surviving an outage."""

import datetime
from io import StringIO

import pytest
from celery.signals import task_retry
from django.core.management import call_command

from portal.models import PolicyDocument
from search import indexes
from search.backends import DatabaseBackend, ElasticsearchBackend
from search.models import SearchEntry
from search.records import all_records, key_for, record_for
from search.results import SearchRequest
from search.service import SearchService
from search.sync import reconcile, sync_one
from tests.conftest import require_service
from tests.portal.factories import StandardPageFactory, TopicFactory
from tests.portal.library.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory, PolicyDocumentFactory
from tests.portal.test_celery import real_worker, wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def found(text: str, backend=None) -> list[str]:
    results = SearchService(backend or ElasticsearchBackend()).search(SearchRequest(text=text, per_page=50))
    return [hit.key for hit in results.hits]


def refresh(client) -> None:
    client.indices.refresh(index=indexes.alias_name())


@pytest.fixture
def briefs(home_page):
    return PolicyBriefIndexPageFactory(parent=home_page)


def test_rebuild_fills_a_new_version_and_moves_the_alias(elasticsearch, briefs):
    PolicyBriefPageFactory(parent=briefs, title="Green hydrogen corridors")
    out = StringIO()

    call_command("search_rebuild", stdout=out)
    first = indexes.aliased_indexes(elasticsearch)
    call_command("search_rebuild", stdout=out)
    second = indexes.aliased_indexes(elasticsearch)

    assert len(first) == len(second) == 1
    assert first != second
    assert indexes.versioned_indexes(elasticsearch) == second  # the old version is gone
    assert second[0].startswith(f"{indexes.alias_name()}-v")
    assert "alias moved" in out.getvalue()
    assert "Indexing into elasticsearch" in out.getvalue()
    assert SearchEntry.objects.count() == 1
    assert found("corridors")


def test_search_keeps_answering_while_a_rebuild_fills_the_new_index(elasticsearch, briefs):
    for n in range(6):
        PolicyBriefPageFactory(parent=briefs, title=f"Carbon market note {n}")
    backend = ElasticsearchBackend()
    backend.replace_all(all_records())
    answers = []

    def records_with_a_search_midway():
        for n, record in enumerate(all_records()):
            if n == 3:
                answers.append(len(found("carbon market", backend)))
            yield record

    backend.replace_all(records_with_a_search_midway(), chunk_size=2)

    assert answers == [6]
    assert len(found("carbon market", backend)) == 6


def test_an_update_during_a_rebuild_reaches_the_new_index_too(elasticsearch, briefs):
    ElasticsearchBackend().replace_all(all_records())
    being_built = indexes.create_index(elasticsearch, bulk_load=True)
    page = PolicyBriefPageFactory(parent=briefs, title="Methane abatement")

    sync_one(key_for("portal.policybriefpage", page.pk))  # also run on commit; repeating is harmless

    for index in indexes.versioned_indexes(elasticsearch):
        elasticsearch.indices.refresh(index=index)
        assert elasticsearch.exists(index=index, id=key_for("portal.policybriefpage", page.pk)), index
    assert being_built in indexes.versioned_indexes(elasticsearch)


def test_publishing_unpublishing_and_deleting_keep_search_in_step(elasticsearch, briefs):
    ElasticsearchBackend().replace_all(all_records())
    page = PolicyBriefPageFactory(parent=briefs, title="Offshore wind tender rules")
    document = PolicyDocumentFactory(title="Offshore wind development plan")
    refresh(elasticsearch)
    page_key, document_key = key_for("portal.policybriefpage", page.pk), key_for("portal.policydocument", document.pk)
    assert {page_key, document_key} <= set(found("offshore wind"))
    assert {page_key, document_key} <= set(found("offshore wind", DatabaseBackend()))

    page.unpublish()
    document.live = False
    document.save()
    refresh(elasticsearch)
    assert found("offshore wind") == []
    assert found("offshore wind", DatabaseBackend()) == []

    page.save_revision().publish()
    refresh(elasticsearch)
    assert found("offshore wind") == [page_key]

    page.delete()
    refresh(elasticsearch)
    assert found("offshore wind") == []
    assert not SearchEntry.objects.filter(key=page_key).exists()


def test_reconcile_repairs_missing_stale_and_orphaned_records(elasticsearch, briefs):
    kept = PolicyBriefPageFactory(parent=briefs, title="Kept brief")
    changed = PolicyBriefPageFactory(parent=briefs, title="Changed brief")
    lost = PolicyBriefPageFactory(parent=briefs, title="Lost brief")
    backend = ElasticsearchBackend()
    backend.replace_all(all_records())
    # Drift as an outage leaves it: one update and one deletion never arrived, one record never indexed.
    PolicyBriefPageFactory._meta.model.objects.filter(pk=changed.pk).update(title="Changed brief, revised")
    index = indexes.aliased_indexes(elasticsearch)[0]
    elasticsearch.delete(index=index, id=key_for("portal.policybriefpage", lost.pk), refresh=True)
    elasticsearch.index(index=index, id="portal.policybriefpage:999999", document={"title": "Ghost"}, refresh=True)

    drift = reconcile(backend)

    assert (drift.missing, drift.stale, drift.orphaned, drift.unchanged) == (1, 1, 1, 1)
    refresh(elasticsearch)
    assert found("revised") == [key_for("portal.policybriefpage", changed.pk)]
    assert found("ghost") == []
    assert key_for("portal.policybriefpage", kept.pk) in found("kept")
    out = StringIO()
    call_command("search_reconcile", stdout=out)
    assert "elasticsearch: 3 in step, 0 missing, 0 stale, 0 no longer live; repaired 0." in out.getvalue()


def test_publishing_while_the_cluster_is_down_succeeds_and_is_searchable_once_it_is_back(
    elasticsearch, briefs, settings
):
    require_service("CELERY_BROKER_URL")
    ElasticsearchBackend().replace_all(all_records())
    real_url = settings.ELASTICSEARCH_URL
    retries = []

    def count_retry(sender=None, reason=None, **kwargs):
        retries.append(str(reason))

    task_retry.connect(count_retry, weak=False)
    try:
        with real_worker():
            settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
            page = PolicyBriefPageFactory(parent=briefs, title="Heat pumps in district heating")
            assert page.live  # publishing did not wait for, or fail on, the cluster
            assert wait_for(lambda: len(retries) >= 1)

            settings.ELASTICSEARCH_URL = real_url
            key = key_for("portal.policybriefpage", page.pk)
            assert wait_for(lambda: refresh(elasticsearch) or key in found("heat pumps"), timeout=30)
    finally:
        task_retry.disconnect(count_retry)
    assert record_for(key) is not None


def test_rebuild_and_reconcile_explain_an_unreachable_cluster(settings, db):
    from django.core.management import CommandError

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="unreachable"):
        call_command("search_rebuild", "--backend", "elasticsearch", stdout=StringIO())


def test_a_document_record_has_its_pages_and_dates(db):
    document = PolicyDocumentFactory(
        title="Notice", issued_on=datetime.date(2023, 4, 5), page_texts=["one", "", "three"]
    )

    record = record_for(key_for("portal.policydocument", document.pk))

    assert record["passages"] == [{"page": 1, "text": "one"}, {"page": 3, "text": "three"}]
    assert (record["date"], record["year"]) == ("2023-04-05", 2023)
    assert record["id"] == f"portal.policydocument:{document.pk}"
    assert isinstance(PolicyDocument.objects.get(pk=document.pk), PolicyDocument)


def test_a_document_that_is_not_a_pdf_has_passages_without_page_numbers(db):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    word_file = Document.objects.create(title="Notice", file=ContentFile(b"stand-in", name="notice.docx"))
    document = PolicyDocumentFactory(file=word_file, page_texts=["the whole text"])

    record = record_for(key_for("portal.policydocument", document.pk))

    assert record["passages"] == [{"page": None, "text": "the whole text"}]


def test_a_page_is_indexed_once_per_live_locale(db, home_page):
    from wagtail.models import Locale

    page = StandardPageFactory(parent=home_page, title="About us")
    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    home_page.copy_for_translation(chinese).save_revision().publish()
    translation = page.copy_for_translation(chinese)
    translation.title = "关于我们"
    translation.save_revision().publish()

    records = [r for r in all_records() if r["content_type"] == "portal.standardpage"]

    assert sorted((r["title"], r["languages"][0]) for r in records) == [("About us", "en"), ("关于我们", "zh-hans")]
    assert {r["url"] for r in records} == {"/about-us/", "/zh-hans/about-us/"}


def test_renaming_a_topic_updates_what_is_tagged_with_it(elasticsearch, briefs):
    topic = TopicFactory(slug="ccus", name_en="Carbon capture")
    page = PolicyBriefPageFactory(parent=briefs, title="Pilot projects", topics=[topic])
    page.save_revision().publish()  # the topic is written with the page
    ElasticsearchBackend().replace_all(all_records())

    topic.name_zh = "碳捕集利用与封存"
    topic.save()
    refresh(elasticsearch)

    assert found("碳捕集") == [key_for("portal.policybriefpage", page.pk)]

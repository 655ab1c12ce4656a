"""Elasticsearch really stopped (scripts/services stop elasticsearch), with a real worker:
pages and the API keep serving, search answers from the database with a notice, publishing
works, and what was published meanwhile is in Elasticsearch within a minute of its return.

The cluster is down for everyone using it while this runs, so it stays down only as long
as the checks take, and is started again whatever happens.
"""

import datetime
import time

import pytest
from django.test import Client
from django.utils import timezone

from search import indexes
from search.backends import ElasticsearchBackend
from search.models import PendingUpdate
from search.records import all_records, key_for
from search.results import SearchRequest
from search.service import SearchService
from search.sync import mark_pending
from search.tasks import sync_pending_records
from tests.conftest import require_service
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory
from tests.portal.library.factories import (
    PolicyBriefIndexPageFactory,
    PolicyBriefPageFactory,
    PolicyDocumentFactory,
    PolicyLibraryPageFactory,
)
from tests.portal.test_celery import real_worker
from tests.reliability.workers import require_root, services, wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NOTICE = "Search is running in a reduced mode for a few minutes"


def in_elasticsearch(client, key: str, text: str) -> bool:
    client.indices.refresh(index=indexes.alias_name())
    results = SearchService(ElasticsearchBackend()).search(SearchRequest(text=text, per_page=50))
    return key in [hit.key for hit in results.hits]


def found_on_search_page(browser, text: str) -> list[str]:
    return [hit.key for hit in browser.get("/search/", {"q": text}).context["results"].hits]


def cluster_answers(client) -> bool:
    try:
        return bool(client.ping())
    except Exception:  # noqa: BLE001 - any failure means not yet
        return False


@pytest.fixture
def site(home_page):
    """A small site: a library with a document, events, briefs and the EOD catalogue, all indexed."""
    library = PolicyLibraryPageFactory(parent=home_page)
    document = PolicyDocumentFactory(title="Industrial energy conservation plan")
    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=events, title="Open day: a zero-carbon plant")
    briefs = PolicyBriefIndexPageFactory(parent=home_page)
    PolicyBriefPageFactory(parent=briefs, title="Energy conservation targets for 2026")
    catalogue = EodCatalogPageFactory(parent=home_page)
    EodProgrammePageFactory(parent=catalogue)
    return {"library": library, "document": document, "events": events, "briefs": briefs, "catalogue": catalogue}


def test_pages_and_api_serve_while_the_cluster_is_stopped_and_what_was_published_is_found_once_it_is_back(
    elasticsearch, site, settings
):
    require_service("CELERY_BROKER_URL")
    require_root()
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # every request below is rendered, none served from a cache
    # Searches try the cluster again a second after it failed, so the last one below finds it back at once.
    settings.SEARCH_CLUSTER_RETRY_SECONDS = 1
    ElasticsearchBackend().replace_all(all_records())
    browser = Client()
    document_key = key_for("portal.policydocument", site["document"].pk)
    pages = [
        "/",
        site["library"].url,
        site["document"].url,
        site["events"].url,
        site["briefs"].url,
        "/api/v1/events",
        "/api/v1/briefs",
        "/api/v1/documents",
    ]

    with real_worker():
        try:
            services("stop", "elasticsearch")
            assert not cluster_answers(elasticsearch)

            for path in pages:
                assert browser.get(path).status_code == 200, path
            found = browser.get("/search/", {"q": "energy conservation"})
            assert found.status_code == 200
            assert NOTICE in found.content.decode()
            assert found.context["results"].degraded
            assert document_key in [hit.key for hit in found.context["results"].hits]
            catalogue = browser.get(site["catalogue"].url, {"q": "programme"})
            assert catalogue.status_code == 200
            assert NOTICE in catalogue.content.decode()
            api = browser.get("/api/v1/search", {"q": "energy conservation"})
            assert api.status_code == 200
            assert api.json()["degraded"] is True
            assert document_key in [hit["key"] for hit in api.json()["results"]]

            # Published while the cluster is down: succeeds, and the database copy has it at once.
            brief = PolicyBriefPageFactory.build(title="Waste heat recovery in cement kilns")
            site["briefs"].add_child(instance=brief)
            brief.save_revision().publish()
            key = key_for("portal.policybriefpage", brief.pk)
            assert wait_for(lambda: key in found_on_search_page(browser, "waste heat"))
            assert PendingUpdate.objects.filter(key=key).exists()  # owed to Elasticsearch
        finally:
            services("start", "elasticsearch")  # waits until the cluster answers
        back = time.monotonic()

        assert wait_for(lambda: in_elasticsearch(elasticsearch, key, "waste heat"), timeout=60)
        print(f"found in Elasticsearch {time.monotonic() - back:.1f} s after the cluster answered again")
        assert wait_for(lambda: not PendingUpdate.objects.filter(key=key).exists(), timeout=10)

    found = browser.get("/search/", {"q": "waste heat"})
    assert NOTICE not in found.content.decode()
    assert found.context["results"].backend == "elasticsearch"
    assert key in [hit.key for hit in found.context["results"].hits]


def test_an_update_whose_task_was_lost_is_replayed_by_the_periodic_sweep(elasticsearch, site, settings):
    """The broker lost the task (restarted empty) or its retries ran out: the pending row remains, and the sweep syncs it."""
    require_service("CELERY_BROKER_URL")
    ElasticsearchBackend().replace_all(all_records())
    brief = PolicyBriefPageFactory(parent=site["briefs"], title="Solar canopies over car parks")
    key = key_for("portal.policybriefpage", brief.pk)
    elasticsearch.delete(index=indexes.aliased_indexes(elasticsearch)[0], id=key, refresh=True)
    mark_pending(key)  # as the change left it, with no task left anywhere to carry it
    PendingUpdate.objects.filter(key=key).update(changed_at=timezone.now() - datetime.timedelta(minutes=5))
    assert not in_elasticsearch(elasticsearch, key, "solar canopies")

    with real_worker():
        sync_pending_records.delay()
        assert wait_for(lambda: in_elasticsearch(elasticsearch, key, "solar canopies"), timeout=20)
    assert not PendingUpdate.objects.filter(key=key).exists()

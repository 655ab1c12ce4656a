"""A search cluster that accepts connections and never answers (stuck, or behind a network dropping packets):
one search waits the timeout (once it has waited a second, the others stop joining it), the next ones
answer from the database at once, and one search per rest tries the cluster again; once it answers,
search goes back to it.

The hung cluster is a real listening socket that holds every connection without a byte in reply.
"""

import socket
import threading
import time

import pytest
from django.core.cache import cache

from search import service
from search.backends import DatabaseBackend, ElasticsearchBackend
from search.records import all_records
from search.results import SearchRequest
from search.service import SearchService
from tests.conftest import require_service
from tests.portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NOTICE = "Search is running in a reduced mode"


class HungCluster:
    """Accepts connections and keeps them open, silent; counts them."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed
                return
            self.held.append(connection)

    @property
    def connections(self) -> int:
        time.sleep(0.1)  # the accepting thread has caught up
        return len(self.held)

    def close(self) -> None:
        self.listener.close()
        for connection in self.held:
            connection.close()


@pytest.fixture
def hung(settings):
    cluster = HungCluster()
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = cluster.url
    settings.ELASTICSEARCH_TIMEOUT = 1
    settings.SEARCH_CLUSTER_TIMEOUT_SECONDS = 1
    settings.SEARCH_CLUSTER_RETRY_SECONDS = 60
    yield cluster
    cluster.close()


@pytest.fixture
def indexed(home_page):
    StandardPageFactory(parent=home_page, title="Hydrogen valleys")
    DatabaseBackend().replace_all(all_records())


def test_a_hung_cluster_costs_one_search_the_timeout_and_the_next_ones_none(client, indexed, hung, settings):
    settings.ELASTICSEARCH_TIMEOUT = 30  # indexing's, which a visitor does not wait for
    # A visitor's search asks the cluster with the visitor's timeout, not indexing's.
    assert SearchService().backend.client._request_timeout == settings.SEARCH_CLUSTER_TIMEOUT_SECONDS

    first = client.get("/search/", {"q": "hydrogen"})

    assert first.status_code == 200
    assert NOTICE in first.content.decode()
    assert "<mark>Hydrogen</mark> valleys" in first.content.decode()
    assert hung.connections == 1  # it did ask the cluster, which never answered

    for text in ("hydrogen", "valleys", "hydrogen valleys"):
        page = client.get("/search/", {"q": text})
        assert page.status_code == 200
        assert NOTICE in page.content.decode()
        assert page.context["results"].degraded
    assert hung.connections == 1  # none of them went near the cluster


def test_after_the_rest_one_search_tries_the_cluster_again(client, indexed, hung):
    client.get("/search/", {"q": "hydrogen"})
    assert hung.connections == 1
    assert b"/_cluster/health" not in hung.held[0].recv(64)  # the search itself
    # The rest is over: the failure is older than SEARCH_CLUSTER_RETRY_SECONDS.
    cache.set(service._failed_key(), time.time() - 61, None)

    tried = client.get("/search/", {"q": "hydrogen"})
    assert NOTICE in tried.content.decode()
    assert hung.connections == 2  # the trial, which failed and began a new rest
    # It asked whether the cluster answers at all (SEARCH_CLUSTER_TRIAL_SECONDS), not for a search.
    assert hung.held[-1].recv(64).startswith(b"GET /_cluster/health")
    after = client.get("/search/", {"q": "valleys"})
    assert NOTICE in after.content.decode()
    assert hung.connections == 2


def test_one_trial_per_rest_however_many_searches_ask(settings, db):
    settings.SEARCH_CLUSTER_RETRY_SECONDS = 15
    rested = time.time() - 16

    assert not service._trial_due(time.time() - 5)
    assert service._trial_due(rested)
    assert not service._trial_due(rested)  # another process or thread asking at the same moment


def test_a_backend_asked_for_by_name_is_tried_even_while_the_site_rests(indexed, hung):
    SearchService().search(SearchRequest(text="hydrogen"))
    assert hung.connections == 1

    results = SearchService(ElasticsearchBackend()).search(SearchRequest(text="hydrogen"))

    assert results.degraded
    assert hung.connections == 2


@pytest.mark.services
def test_once_the_cluster_answers_the_trial_brings_search_back_to_it(client, home_page, elasticsearch, settings):
    require_service("ELASTICSEARCH_URL")
    StandardPageFactory(parent=home_page, title="Hydrogen valleys")
    DatabaseBackend().replace_all(all_records())
    ElasticsearchBackend().replace_all(all_records())
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.SEARCH_CLUSTER_RETRY_SECONDS = 60
    cache.set(service._failed_key(), time.time(), None)  # as a failure a moment ago left it

    resting = client.get("/search/", {"q": "hydrogen"})
    assert NOTICE in resting.content.decode()  # the cluster is up, but the rest is not over

    cache.set(service._failed_key(), time.time() - 61, None)
    back = client.get("/search/", {"q": "hydrogen"})
    assert NOTICE not in back.content.decode()
    assert back.context["results"].backend == "elasticsearch"
    assert cache.get(service._failed_key()) is None
    assert client.get("/search/", {"q": "valleys"}).context["results"].backend == "elasticsearch"


def test_while_a_search_has_waited_over_a_second_for_the_cluster_the_others_do_not_join_it(client, indexed, hung):
    # Another worker's search has been waiting two seconds, as the first searches of a hang do.
    cache.set(service._waiting_key(), time.time() - 2, 30)

    page = client.get("/search/", {"q": "hydrogen"})

    assert NOTICE in page.content.decode()
    assert hung.connections == 0
    assert cache.get(service._failed_key()) is None  # no failure seen yet: nothing to rest from

    cache.set(service._waiting_key(), time.time(), 30)  # a search that has just begun is no sign
    client.get("/search/", {"q": "hydrogen"})
    assert hung.connections == 1


def test_a_search_that_waited_leaves_no_mark_behind(client, indexed, hung):
    client.get("/search/", {"q": "hydrogen"})

    assert cache.get(service._waiting_key()) is None
    assert cache.get(service._failed_key()) is not None

"""The one search interface the site uses, whichever backend answers.

from search.service import SearchService
from search.results import SearchRequest

results = SearchService().search(
    SearchRequest(text="碳达峰 steel", filters={"type": ["portal.policydocument"], "year": ["2024"]},
                  sort="relevance", page=1)
)
results.total, results.hits[0].title_html, results.hits[0].passages[0].page, results.hits[0].matches

A search runs in the same steps on every backend: the query is parsed into
clauses (`search.query`), the backend retrieves the best records by words and
by meaning with the counts and facets (`retrieve`), the two lists are fused
and translations folded together (`search.ranking`), and the page shown is
explained and highlighted (`details`, `search.explain`).
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError

from search import explain, ranking
from search.backends import DatabaseBackend, ElasticsearchBackend, get_backend
from search.client import forget_connections, trial_client
from search.query import parse
from search.results import SearchRequest, SearchResults
from search.semantic.vectors import query_vector

logger = logging.getLogger(__name__)


def _failed_key() -> str:
    return f"search:cluster-failed:{settings.ELASTICSEARCH_URL}"


def _waiting_key() -> str:
    return f"search:cluster-waiting:{settings.ELASTICSEARCH_URL}"


def _trial_due(failed_at: float) -> bool:
    """Whether this search tries the failing cluster again: one search per rest, across every process."""
    rest = settings.SEARCH_CLUSTER_RETRY_SECONDS
    if time.time() - failed_at < rest:
        return False
    return cache.add(f"{_failed_key()}:trial:{failed_at}", True, rest + 2 * settings.SEARCH_CLUSTER_TIMEOUT_SECONDS)


def _cluster_fault(error: Exception) -> bool:
    """Unreachable, timed out or failing itself; not a query the cluster refused (that says nothing of the others)."""
    if not isinstance(error, ApiError):
        return True
    status = error.meta.status if error.meta is not None else 0  # no meta: one search of an msearch failed
    return status >= 500 or status == 429


class SearchService:
    """Searches the configured backend; while Elasticsearch fails, the database copy answers with `degraded` set.

    A cluster that hangs would hold every search for its timeout, and every web
    worker with it, so a search waits SEARCH_CLUSTER_TIMEOUT_SECONDS at most and,
    through the cache every process shares: while
    a search has waited for the cluster longer than SEARCH_CLUSTER_WAIT_SECONDS,
    the others answer from the database; once it fails, every search does for
    SEARCH_CLUSTER_RETRY_SECONDS, then one search asks whether the cluster answers
    (SEARCH_CLUSTER_TRIAL_SECONDS at most) and, if it does, searches it, which ends
    the rest. A backend passed in is always tried (what a rebuild or
    a check asks for).
    """

    def __init__(self, backend=None):
        self._backend = backend
        self._may_rest = backend is None

    @property
    def backend(self):
        if self._backend is None:
            self._backend = get_backend()
            if isinstance(self._backend, ElasticsearchBackend):
                # A visitor waits for the cluster no longer than this; indexing keeps ELASTICSEARCH_TIMEOUT.
                timeout = settings.SEARCH_CLUSTER_TIMEOUT_SECONDS
                self._backend = ElasticsearchBackend(self._backend.client.options(request_timeout=timeout))
        return self._backend

    def search(self, request: SearchRequest) -> SearchResults:
        query = parse(request.text, exact=request.exact, correct=not request.as_typed)
        if not query and not request.narrowed and not request.scope.browsable:
            # Nothing asked yet: the page shows the search box and what it can do.
            return SearchResults(request=request, query=query, backend=self.backend.name)
        backend = self.backend
        if isinstance(backend, DatabaseBackend):
            return self._run(backend, query, request)
        state = cache.get_many([_failed_key(), _waiting_key()])
        failed_at, waiting_since = state.get(_failed_key()), state.get(_waiting_key())
        if self._may_rest:
            if waiting_since is not None and time.time() - waiting_since > settings.SEARCH_CLUSTER_WAIT_SECONDS:
                return self._from_database(query, request)
            if failed_at is not None and not _trial_due(failed_at):
                return self._from_database(query, request)
            if failed_at is not None:
                # The trial: a cluster still out costs this search SEARCH_CLUSTER_TRIAL_SECONDS, not the
                # whole search timeout, and begins the next rest; one that answers is searched on new connections.
                if not self._answers():
                    cache.set(_failed_key(), time.time(), None)
                    return self._from_database(query, request)
                forget_connections()
                self._backend = None
                backend = self.backend
        # Expires on its own should this process die waiting (a timeout, and one retry of a dropped connection).
        waiting = cache.add(_waiting_key(), time.time(), 2 * settings.SEARCH_CLUSTER_TIMEOUT_SECONDS + 1)
        try:
            results = self._run(backend, query, request)
        except (TransportError, ApiError, ConnectionError) as error:
            # The cluster is down or refusing: the database copy answers meanwhile.
            logger.warning("Search cluster unavailable, answering from the database: %s", error)
            if _cluster_fault(error):
                cache.set(_failed_key(), time.time(), None)
            return self._from_database(query, request)
        finally:
            if waiting:
                cache.delete(_waiting_key())
        if failed_at is not None:
            cache.delete(_failed_key())  # the cluster answers again: every search goes back to it
        return results

    @staticmethod
    def _answers() -> bool:
        """Whether the cluster answers at all: its health, not a search, under a short timeout.

        Not `ping()`: a cluster may refuse requests for its root (405), which `ping()` reads as down.
        """
        client = trial_client(settings.SEARCH_CLUSTER_TRIAL_SECONDS)
        try:
            client.cluster.health()
        except (TransportError, ApiError):
            return False
        finally:
            client.close()
        return True

    def _from_database(self, query, request: SearchRequest) -> SearchResults:
        results = self._run(DatabaseBackend(), query, request)
        results.degraded = True
        return results

    def _meaning(self, query, request: SearchRequest) -> tuple[ranking.Meaning | None, str]:
        """What to look for by meaning, and what the results should say about matching by meaning."""
        if request.exact or not query:
            return None, "off"
        vector = query_vector(request.text)
        if vector is None:
            return None, "unavailable"
        return ranking.Meaning(vector, settings.SEARCH_SEMANTIC_FLOOR, settings.SEARCH_SEMANTIC_MARGIN), "on"

    def _run(self, backend, query, request: SearchRequest) -> SearchResults:
        meaning, status = self._meaning(query, request)
        first = request.order(bool(query))[0]
        if first not in ("_score", "-date"):
            # Sorted by an amount (the catalogue's gap or size), results are those that hold the words:
            # a record found by meaning alone has no place in such a list that a reader could see.
            meaning = None
        limit = ranking.candidates_needed(request)
        retrieved = backend.retrieve(query, request, meaning, limit)
        results = SearchResults(request=request, query=query, backend=backend.name, semantic=status)
        results.total, results.facets, results.took_ms = retrieved.total, retrieved.facets, retrieved.took_ms
        if first == "_score":
            ordered = ranking.fuse(retrieved.lexical, retrieved.semantic)
        elif first == "-date":
            ordered = ranking.by_date(retrieved.lexical, retrieved.semantic)
        else:
            ordered = retrieved.lexical
        groups = ranking.grouped(ordered, request.language)
        page = groups[request.offset : request.offset + request.per_page]
        details = backend.details([candidate.key for candidate, _ in page], query, meaning)
        results.hits = [explain.hit(query, candidate, details[candidate.key]) for candidate, _ in page]
        if query.corrections and any(match.kind == "spelling" for hit in results.hits for match in hit.matches):
            results.corrected = query.corrected_text  # "Showing results for"
        elif query.corrections and not results.total:
            results.suggestion = query.corrected_text  # "Did you mean", where filters hid the corrected word
        if results.total == 0 and query and request.narrowed:
            results.total_without_filters = backend.count(query, request)
        return results

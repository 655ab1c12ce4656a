"""The one search interface the site uses, whichever backend answers.

from search.service import SearchService
from search.results import SearchRequest

results = SearchService().search(
    SearchRequest(text="碳达峰 steel", filters={"type": ["portal.policydocument"], "year": ["2024"]},
                  sort="relevance", page=1)
)
results.total, results.hits[0].title_html, results.hits[0].passages[0].page, results.facets["topic"]
"""

import logging

from elastic_transport import TransportError
from elasticsearch import ApiError

from search.backends import DatabaseBackend, get_backend
from search.query import parse
from search.results import SearchRequest, SearchResults

logger = logging.getLogger(__name__)


class SearchService:
    def __init__(self, backend=None):
        self._backend = backend

    @property
    def backend(self):
        if self._backend is None:
            self._backend = get_backend()
        return self._backend

    def search(self, request: SearchRequest) -> SearchResults:
        query = parse(request.text)
        if not query and not request.narrowed and not request.scope.browsable:
            # Nothing asked yet: the page shows the search box and what it can do.
            return SearchResults(request=request, query=query, backend=self.backend.name)
        try:
            return self._run(self.backend, query, request)
        except (TransportError, ApiError, ConnectionError) as error:
            if isinstance(self.backend, DatabaseBackend):
                raise
            # The cluster is down or refusing: the database copy answers meanwhile.
            logger.warning("Search cluster unavailable, answering from the database: %s", error)
            results = self._run(DatabaseBackend(), query, request)
            results.degraded = True
            return results

    def _run(self, backend, query, request: SearchRequest) -> SearchResults:
        results = backend.search(query, request)
        if results.total == 0 and query:
            results.suggestion = backend.suggest(query)
            if request.narrowed:
                results.total_without_filters = backend.count(query, request)
        return results

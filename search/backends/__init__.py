"""The two search backends behind `SearchService`, with one interface:

retrieve(query, request, meaning, limit) -> Retrieved   candidates by words and by meaning,
                                                        with the total and the facets
details(keys, query) -> {key: Details}                  what explains and shows each hit
count(query, request) -> int                            the total alone
store(record) / delete(key)      keep one record in sync
replace_all(records) -> int      rebuild from scratch
versions() -> {key: version}     what the backend holds, for reconciling
"""

from django.conf import settings

from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend


def backend_name() -> str:
    """SEARCH_BACKEND if set, else Elasticsearch when ELASTICSEARCH_URL is set, else the database."""
    chosen = getattr(settings, "SEARCH_BACKEND", "")
    if chosen:
        return chosen
    return "elasticsearch" if settings.ELASTICSEARCH_URL else "database"


def get_backend(name: str | None = None) -> "DatabaseBackend | ElasticsearchBackend":
    name = name or backend_name()
    if name == "elasticsearch":
        return ElasticsearchBackend()
    if name == "database":
        return DatabaseBackend()
    raise ValueError(f"Unknown search backend {name!r}: use 'database' or 'elasticsearch'.")


__all__ = ["DatabaseBackend", "ElasticsearchBackend", "backend_name", "get_backend"]

"""The Elasticsearch connection, built from settings.

Every caller goes through `get_client()`, which also registers the client as
elasticsearch-dsl's default connection, so Documents and raw calls share one
connection pool.
"""

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch_dsl import connections


def is_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=4)
def _client_for(url: str, timeout: float) -> Elasticsearch:
    # Fail fast: a page must not hang on a search cluster that is down.
    return Elasticsearch(url, request_timeout=timeout, max_retries=1, retry_on_timeout=False)


def get_client() -> Elasticsearch:
    if not is_configured():
        raise RuntimeError("ELASTICSEARCH_URL is not set: the portal is using database search.")
    client = _client_for(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT)
    connections.add_connection("default", client)
    return client


def trial_client(timeout: float) -> Elasticsearch:
    """A client on new connections, for asking whether a cluster that failed answers again.

    A cluster that hung leaves idle connections in the pool that may never answer even once it is back.
    """
    return Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=timeout, max_retries=0)


def forget_connections() -> None:
    """Drop this process's client and its pooled connections: the next `get_client()` opens new ones."""
    _client_for.cache_clear()


def index_name(name: str) -> str:
    """An index or alias name in this deployment's namespace."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{name}"

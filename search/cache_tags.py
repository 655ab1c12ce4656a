"""What the page cache retires when the search index or its synonyms change (`portal.page_cache`): the pages
that show search results, which declare the `search` tag. The database backend's index rows are written by
the sync task, whose success retires the same pages on Elasticsearch."""

from portal import page_cache

SEARCH = "search"


def register() -> None:
    for model in ("searchentry", "searchtag", "searchchunk", "searchterm", "pendingupdate", "synonym"):
        page_cache.register_tags(f"search.{model}", lambda row: [SEARCH])


def index_changed() -> None:
    """Retire the search pages after a write that sends no model signals (a rebuild's SQL)."""
    page_cache.invalidate(SEARCH)

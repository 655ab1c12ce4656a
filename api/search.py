"""Site search (`/search/`) as data: the same request reader, the same search service, the same hits."""

import dataclasses

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from api.common import (
    ERRORS,
    MAX_PAGE_SIZE,
    FacetCount,
    Language,
    PageInfo,
    absolute,
    facet_counts,
    language,
    search_page,
    web_query,
)
from search import presenters
from search.forms import search_request
from search.results import FACETS, MAX_WINDOW, PER_PAGE, SORTS
from search.service import SearchService

router = Router(tags=["Search"])

VALUES = {"max_length": 20, "description": "Repeat the parameter for several values (any of them matches)."}


class Passage(Schema):
    html: str = Field(description="Escaped text with <mark> around the matches.")
    page: int | None = Field(description="The PDF page, for documents.")


class HitOut(Schema):
    key: str
    content_type: str
    type_label: str
    title: str
    title_html: str
    alt_title: str
    url: str
    date: str | None
    summary: str
    languages: list[str]
    passages: list[Passage]


class SearchPage(PageInfo):
    query: str
    backend: str = Field(description="elasticsearch or database.")
    degraded: bool = Field(description="The search cluster was unreachable and the database answered.")
    suggestion: str
    facets: dict[str, list[FacetCount]]
    results: list[HitOut]


@router.get("/search", response={200: SearchPage, **ERRORS}, summary="Search briefs, documents, events and pages")
def search(
    request: HttpRequest,
    q: str | None = Query(None, max_length=2000, description="Words, or quoted phrases; Chinese works without spaces."),
    type: list[str] | None = Query(None, **VALUES),
    issuer: list[str] | None = Query(None, **VALUES),
    jurisdiction: list[str] | None = Query(None, **VALUES),
    doctype: list[str] | None = Query(None, **VALUES),
    language_: list[str] | None = Query(None, alias="language", **VALUES),
    year: list[str] | None = Query(None, **VALUES),
    topic: list[str] | None = Query(None, **VALUES),
    sort: str | None = Query(None, pattern="^(" + "|".join(SORTS) + ")$"),
    page: int = Query(1, ge=1, le=MAX_WINDOW),
    page_size: int = Query(PER_PAGE, ge=1, le=MAX_PAGE_SIZE),
    lang: Language | None = None,
):
    """Full-text search as the search page runs it: facets combine, values within one are alternatives.

    An empty query with no filter returns nothing, as the page does.
    """
    with language(lang):
        params = web_query(request, ("q", "sort", *FACETS))
        wanted = dataclasses.replace(search_request(params), page=page, per_page=page_size)
        results = SearchService().search(wanted)
        return {
            **search_page(results),
            "query": results.query.text or results.request.text[:200],
            "backend": results.backend,
            "degraded": results.degraded,
            "suggestion": results.suggestion,
            "facets": facet_counts(results),
            "results": [
                {
                    "key": view.hit.key,
                    "content_type": view.hit.content_type,
                    "type_label": view.type_label,
                    "title": view.hit.title,
                    "title_html": view.hit.title_html,
                    "alt_title": view.hit.alt_title,
                    "url": absolute(request, view.hit.url),
                    "date": view.hit.date,
                    "summary": view.hit.summary,
                    "languages": view.hit.languages,
                    "passages": [{"html": p.html, "page": p.page} for p in view.hit.passages],
                }
                for view in presenters.hit_views(results)
            ],
        }

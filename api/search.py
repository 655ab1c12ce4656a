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
    by_meaning: bool = Field(description="Chosen as the passage closest in meaning to the query, not for its words.")


class MatchOut(Schema):
    kind: str = Field(
        description="typed (the words as typed), synonym, spelling (a corrected word) or meaning (close in meaning)."
    )
    label: str = Field(description="What matched: the word, the synonym or the corrected spelling.")
    typed: str = Field(description="What was typed for it, where it stands in for another word.")


class TranslationOut(Schema):
    url: str
    title: str
    languages: list[str]


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
    matches: list[MatchOut] = Field(description="Why it matched, in the order of the query.")
    translations: list[TranslationOut] = Field(description="The same item in other languages.")


class SearchPage(PageInfo):
    query: str
    backend: str = Field(description="elasticsearch or database.")
    degraded: bool = Field(description="The search cluster was unreachable and the database answered.")
    suggestion: str = Field(description="A corrected query to try, when nothing matched.")
    corrected: str = Field(description="The query as searched, when a word no record holds was corrected.")
    semantic: str = Field(description="Matching by meaning: on, off (exact words only) or unavailable.")
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
    exact: bool = Query(False, description="Exact words only: no synonyms, spelling corrections or meaning."),
    as_typed: bool = Query(False, description="Search the words as typed, without spelling corrections."),
    page: int = Query(1, ge=1, le=MAX_WINDOW),
    page_size: int = Query(PER_PAGE, ge=1, le=MAX_PAGE_SIZE),
    lang: Language | None = None,
):
    """Full-text search as the search page runs it: facets combine, values within one are alternatives.

    An empty query with no filter returns nothing, as the page does.
    """
    with language(lang):
        params = web_query(request, ("q", "sort", "exact", "as_typed", *FACETS))
        wanted = dataclasses.replace(search_request(params), page=page, per_page=page_size)
        results = SearchService().search(wanted)
        return {
            **search_page(results),
            "query": results.query.text or results.request.text[:200],
            "backend": results.backend,
            "degraded": results.degraded,
            "suggestion": results.suggestion,
            "corrected": results.corrected,
            "semantic": results.semantic,
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
                    "passages": [
                        {"html": p.html, "page": p.page, "by_meaning": p.by_meaning} for p in view.hit.passages
                    ],
                    "matches": [{"kind": m.kind, "label": m.label, "typed": m.typed} for m in view.hit.matches],
                    "translations": [
                        {"url": absolute(request, t.url), "title": t.title, "languages": t.languages}
                        for t in view.hit.translations
                    ],
                }
                for view in presenters.hit_views(results)
            ],
        }

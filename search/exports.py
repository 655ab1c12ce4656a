"""CSV and XLSX of a site search's result set: what the page shows, every page of it, up to a cap.

Served by the search view itself (``?format=csv`` or ``?format=xlsx`` beside
the page's own parameters), so a download is read from the address exactly
as the page is: odd parameters are dropped, never an error, and the rows are
the page's hits in the page's order.

- At most `EXPORT_LIMIT` rows: the deepest the search serves (`MAX_WINDOW`);
  the page says so.
- Only live, public content: the index holds nothing else, and each row is
  checked against the database again (`visible`), so a page unpublished
  since it was indexed is left out even before the index catches up.
- Passages are plain text: the highlighted HTML, unmarked and unescaped.
  Text a spreadsheet would run as a formula is neutralised by
  `portal.spreadsheets`.
"""

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterator
from html import unescape

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from portal.spreadsheets import Column, csv_response, xlsx_response
from search import presenters, registry
from search.forms import search_request
from search.presenters import HitView
from search.records import key_for
from search.results import MAX_WINDOW
from search.service import SearchService

FORMATS = ("csv", "xlsx")
EXPORT_LIMIT = MAX_WINDOW
# The largest page the search serves: the export walks the result set in pages of this size.
BATCH = 50
# Columns a content type fills through its source's `export_details`, empty for the rest.
DETAILS = ("issuer", "jurisdiction", "doctype")


def query_for(params: QueryDict, extension: str) -> str:
    """The page's query string for a download: same search, filters and sort; every page."""
    query = params.copy()
    query.pop("page", None)
    query["format"] = extension
    return query.urlencode()


def matching_hits(params: QueryDict, limit: int, sort: str | None = None) -> list[HitView]:
    """The hits the search page would show for `params`, over every page, in its order, at most `limit`.

    `sort` replaces the page's own order (the feed is newest first, whatever the page shows).
    """
    asked = search_request(params)
    if sort is not None:
        asked = dataclasses.replace(asked, sort=sort)
    limit = min(limit, MAX_WINDOW)
    batch = max(1, min(BATCH, limit))
    service, views = SearchService(), []
    for number in range(1, math.ceil(limit / batch) + 1):
        results = service.search(dataclasses.replace(asked, page=number, per_page=batch))
        if results.request.page != number:  # past the deepest page the search serves
            break
        views.extend(presenters.hit_views(results))
        if not results.hits or len(views) >= min(results.total, limit):
            break
    return visible(views[:limit])


def _pk(view: HitView) -> int | None:
    pk = view.hit.key.partition(":")[2]
    return int(pk) if pk.isdecimal() else None


def _by_type(views: list[HitView]) -> dict[str, set[int]]:
    found = defaultdict(set)
    for view in views:
        if _pk(view) is not None:
            found[view.hit.content_type].add(_pk(view))
    return found


def visible(views: list[HitView]) -> list[HitView]:
    """The hits whose page or document is live and public now (the index may lag an unpublish by seconds)."""
    live = set()
    for label, pks in _by_type(views).items():
        source = registry.source(label)
        if source is not None:
            rows = source.queryset().prefetch_related(None).filter(pk__in=pks).values_list("pk", flat=True)
            live.update(key_for(label, pk) for pk in rows)
    return [view for view in views if view.hit.key in live]


def plain_text(html: str) -> str:
    """A highlighted passage as text: no <mark>, no entities, one line."""
    return " ".join(unescape(strip_tags(html or "")).split())


def first_passage(view: HitView) -> str:
    """The HTML of the first passage that matched; a summary only when the match was in it."""
    hit = view.hit
    if hit.passages:
        return hit.passages[0].html
    return hit.summary if "<mark>" in hit.summary else ""


def columns() -> list[Column]:
    return [
        Column("title", _("Title"), wide=True),
        Column("type", _("Content type")),
        Column("date", _("Date")),
        Column("issuer", _("Issuing body"), wide=True),
        Column("jurisdiction", _("Jurisdiction")),
        Column("doctype", _("Document type")),
        Column("language", _("Language")),
        Column("url", _("Address"), wide=True),
        Column("passage", _("Matching passage"), wide=True),
    ]


def _details(views: list[HitView]) -> dict[str, dict[str, str]]:
    """Record key -> the `DETAILS` columns its content type fills (a document's issuer, jurisdiction, type)."""
    found = {}
    for label, pks in _by_type(views).items():
        source = registry.source(label)
        if source is not None and source.export_details is not None:
            found.update({key_for(label, pk): values for pk, values in source.export_details(sorted(pks)).items()})
    return found


def rows(views: list[HitView], request: HttpRequest) -> Iterator[dict]:
    details = _details(views)
    languages = registry.facet_labels("language").get("language", {})
    empty = dict.fromkeys(DETAILS, "")
    for view in views:
        hit = view.hit
        yield {
            "title": hit.title,
            "type": view.type_label,
            "date": view.date,
            **empty,
            **details.get(hit.key, {}),
            "language": ", ".join(str(languages.get(code, code)) for code in hit.languages),
            "url": request.build_absolute_uri(hit.url) if hit.url else "",
            "passage": plain_text(first_passage(view)),
        }


def filename(extension: str) -> str:
    return f"search-results-{timezone.localdate():%Y-%m-%d}.{extension}"


def download(request: HttpRequest, extension: str) -> HttpResponse:
    """The current result set as a CSV or XLSX attachment (`extension` is one of `FORMATS`)."""
    views = matching_hits(request.GET, EXPORT_LIMIT)
    if extension == "xlsx":
        return xlsx_response(columns(), rows(views, request), _("Search results"), filename(extension))
    return csv_response(columns(), rows(views, request), filename(extension))

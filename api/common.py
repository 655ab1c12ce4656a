"""What every endpoint of the open data API shares: language, pagination, and refusing bad input.

Filters are read by the same parsers the web pages use (the tracker's form,
the events filter set, the library's filter reader, the catalogue form, site
search's request reader); where a page would ignore a bad value with a notice,
the API answers 422 with the same message, so a client never gets a silently
different selection.
"""

from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from typing import Literal

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, QueryDict
from django.utils import translation
from ninja import Schema
from ninja.errors import ValidationError
from wagtail.models import Locale, Page

Language = Literal["en", "zh-hans"]
# Deeper pages than this are refused by the schema; search stops earlier (see search.results.MAX_WINDOW).
MAX_PAGE = 10_000
MAX_PAGE_SIZE = 50
# Slugs as Django's SlugField writes them: checked before any lookup (PostgreSQL refuses a NUL in a query).
SLUG = r"^[-a-zA-Z0-9_]+$"


class Problem(Schema):
    """An error: `detail` is a sentence, or one entry per rejected parameter."""

    detail: str | list[dict]


class PageInfo(Schema):
    count: int
    page: int
    page_size: int
    pages: int


# Schemas more than one resource returns: the OpenAPI schema keeps one definition per name.


class TopicOut(Schema):
    slug: str
    name: str


class MilestoneOut(Schema):
    year: int
    value: float | None
    description: str


class FacetCount(Schema):
    value: str
    count: int
    selected: bool


@contextmanager
def language(code: str | None):
    """The `lang` parameter, else the site's default language.

    Accept-Language is not read: one address is one answer, which shared
    caches (the site's page cache among them) can keep without knowing the API.
    """
    with translation.override(code or settings.LANGUAGE_CODE):
        yield


def web_query(request: HttpRequest, names: Iterable[str]) -> QueryDict:
    """Only the named parameters of the request, all their values, as the web page's parser reads them."""
    query = QueryDict(mutable=True)
    for name in names:
        values = request.GET.getlist(name)
        if values:
            query.setlist(name, values)
    return query


def refuse(problems: Sequence[str]) -> None:
    """422 with the web page's own messages, when its parser would have ignored something."""
    if problems:
        raise ValidationError([{"loc": ["query"], "msg": str(problem), "type": "value_error"} for problem in problems])


def paginate(items, page: int, page_size: int) -> tuple[list, PageInfo]:
    """One page of a queryset or list; a page past the last one is empty rather than an error."""
    paginator = Paginator(items, page_size)
    count = paginator.count
    pages = paginator.num_pages if count else 0
    objects = list(paginator.page(page).object_list) if page <= pages else []
    return objects, PageInfo(count=count, page=page, page_size=page_size, pages=pages)


def search_page(results) -> dict:
    """The page figures of a search service's results (`search.results.SearchResults`), which paginate themselves."""
    return {
        "count": results.total,
        "page": results.request.page,
        "page_size": results.request.per_page,
        "pages": results.page_count,
    }


def facet_counts(results) -> dict[str, list[dict]]:
    return {
        name: [{"value": f.value, "count": f.count, "selected": f.selected} for f in values]
        for name, values in results.facets.items()
    }


def topics(obj) -> list[dict]:
    return [{"slug": topic.slug, "name": topic.name} for topic in obj.topics.all()]


def index_page(model: type[Page]) -> Page | None:
    """The live, public index page (events, briefs) of the response language, else the default language's."""
    pages = model.objects.live().public()
    for locale in (Locale.get_active(), Locale.get_default()):
        page = pages.filter(locale=locale).first()
        if page is not None:
            return page
    return None


def absolute(request: HttpRequest, url: str | None) -> str:
    return request.build_absolute_uri(url) if url else ""


ERRORS = {404: Problem, 422: Problem}

"""What the search page shows for a result set: labelled facets with toggle links, hits, pagination."""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from search import registry
from search.results import FACETS, Hit, SearchResults

FACET_LABELS = {
    "type": _("Content type"),
    "topic": _("Topic"),
    "doctype": _("Document type"),
    "jurisdiction": _("Jurisdiction"),
    "issuer": _("Issuing body"),
    "language": _("Language"),
    "year": _("Year"),
}
FACET_ORDER = ["type", "topic", "doctype", "jurisdiction", "issuer", "language", "year"]
FACET_LIMIT = 12


def _type_label(label: str) -> str:
    try:
        # capfirst, not str.capitalize, which would lower the rest: "EOD programmes" read "Eod programmes".
        return capfirst(str(apps.get_model(label)._meta.verbose_name_plural))
    except (LookupError, ValueError):
        return label


def toggled(params: QueryDict, name: str, value: str) -> str:
    """The query string with `value` added to or removed from filter `name`, back on page one."""
    params = params.copy()
    values = params.getlist(name)
    params.setlist(name, [v for v in values if v != value] if value in values else [*values, value])
    params.pop("page", None)
    return params.urlencode()


@dataclass
class FacetLink:
    value: str
    label: str
    count: int
    selected: bool
    query: str


@dataclass
class FacetGroup:
    name: str
    label: str
    links: list[FacetLink] = field(default_factory=list)


def facet_groups(
    results: SearchResults,
    params: QueryDict,
    titles: dict | None = None,
    labels: dict[str, dict[str, str]] | None = None,
    ordered: dict[str, list[str]] | None = None,
) -> list[FacetGroup]:
    """Facets in the order of `titles` (site search's by default), values labelled from `labels`
    (by default what the apps registered for site search's facets).

    Values come by count, selected ones first; facets named in `ordered` keep
    that order instead (size bands, stages).
    """
    if not results.facets:
        return []
    titles = titles or {name: FACET_LABELS[name] for name in FACET_ORDER}
    labels = registry.facet_labels() if labels is None else labels
    ordered = ordered or {}
    groups = []
    for name, title in titles.items():
        values = results.facets.get(name, [])
        if name == "year":
            values = sorted(values, key=lambda v: v.value, reverse=True)
        if name in ordered:
            rank = {value: index for index, value in enumerate(ordered[name])}
            values = sorted(values, key=lambda v: rank.get(v.value, len(rank)))
        else:
            values = [v for v in values if v.selected] + [v for v in values if not v.selected][:FACET_LIMIT]
        if not values:
            continue
        group = FacetGroup(name, str(title))
        for value in values:
            label = _type_label(value.value) if name == "type" else labels.get(name, {}).get(value.value, value.value)
            group.links.append(
                FacetLink(value.value, str(label), value.count, value.selected, toggled(params, name, value.value))
            )
        groups.append(group)
    return groups


@dataclass
class HitView:
    hit: Hit
    type_label: str
    date: datetime.date | None


def hit_views(results: SearchResults) -> list[HitView]:
    views = []
    for hit in results.hits:
        date = datetime.date.fromisoformat(hit.date[:10]) if hit.date else None
        source = registry.source(hit.content_type)
        if source is not None and source.localize_url is not None:
            hit.url = source.localize_url(hit.url)
        views.append(HitView(hit, str(_type_label(hit.content_type)), date))
    return views


def page_links(results: SearchResults, params: QueryDict) -> list[tuple[int, str]]:
    """(number, query string) for the pages around the current one."""
    current, last = results.request.page, results.page_count
    numbers = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)} - {0})
    links = []
    for number in numbers:
        query = params.copy()
        query["page"] = str(number)
        links.append((number, query.urlencode()))
    return links


def without_filters(params: QueryDict, keep: tuple[str, ...] = ("q", "sort")) -> str:
    query = QueryDict(mutable=True)
    for name in keep:
        if params.get(name):
            query[name] = params[name]
    return query.urlencode()


def with_query(params: QueryDict, text: str) -> str:
    query = params.copy()
    query["q"] = text
    query.pop("page", None)
    return query.urlencode()


def as_typed(params: QueryDict) -> str:
    """The same search with the words as typed: "Search instead for"."""
    query = params.copy()
    query["as_typed"] = "1"
    query.pop("page", None)
    return query.urlencode()


def sort_links(params: QueryDict, sorts: tuple[str, ...] = ("relevance", "date")) -> dict[str, str]:
    links = {}
    for sort in sorts:
        query = params.copy()
        query["sort"] = sort
        query.pop("page", None)
        links[sort] = query.urlencode()
    return links


__all__ = ["FACETS", "facet_groups", "hit_views", "page_links", "sort_links", "with_query", "without_filters"]

"""What a search asks for and what it answers, whichever backend ran it."""

import math
from dataclasses import dataclass, field

from search.query import ParsedQuery

# Facet name -> record field. Values within one facet are alternatives (OR);
# facets combine (AND). Each facet's counts apply every other facet's filter,
# so a visitor sees what choosing another value of it would give.
FACETS = {
    "type": "content_type",
    "issuer": "issuing_body",
    "jurisdiction": "jurisdiction",
    "doctype": "document_type",
    "language": "languages",
    "year": "year",
    "topic": "topics",
}
SORTS = ("relevance", "date")
PER_PAGE = 10
# Deeper pages than this are not served: nobody reads them, and they cost the cluster.
MAX_WINDOW = 1000


@dataclass
class SearchRequest:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    def __post_init__(self) -> None:
        self.filters = {name: list(values) for name, values in self.filters.items() if name in FACETS and values}
        if self.sort not in SORTS:
            self.sort = SORTS[0]
        self.per_page = max(1, min(int(self.per_page), 50))
        self.page = max(1, min(int(self.page), MAX_WINDOW // self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass
class Passage:
    html: str  # escaped text with <mark> around matches
    page: int | None = None  # PDF page number, for documents


@dataclass
class Hit:
    key: str
    content_type: str
    title: str
    title_html: str
    url: str
    date: str | None
    alt_title: str = ""
    summary: str = ""
    languages: list[str] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    request: SearchRequest
    query: ParsedQuery
    backend: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    took_ms: float | None = None  # the backend's own time, where it reports one
    suggestion: str = ""  # "did you mean", when nothing matched
    total_without_filters: int | None = None  # when filters hid every match
    degraded: bool = False  # the cluster was down and the database answered

    @property
    def searched(self) -> bool:
        return bool(self.query) or bool(self.request.filters)

    @property
    def page_count(self) -> int:
        return math.ceil(min(self.total, MAX_WINDOW) / self.request.per_page)

"""What a search asks for and what it answers, whichever backend ran it."""

import math
from dataclasses import dataclass, field
from decimal import Decimal

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
PER_PAGE = 10


@dataclass(frozen=True)
class Scope:
    """What one search page searches: which content, its facets, range filters and sorts.

    Site search's is `SITE`; an app defines its own for its pages (the EOD
    catalogue's is `initiatives.eod.catalogue.CATALOGUE`).

    `sorts` maps a sort name to record fields, "-" for descending; "_score"
    is relevance (the database backend's own score).
    """

    name: str
    facets: dict[str, str]
    sorts: dict[str, tuple[str, ...]]
    content_types: tuple[str, ...] = ()  # empty: everything
    ranges: dict[str, str] = field(default_factory=dict)  # range filter name -> numeric record field
    browsable: bool = False  # an empty query lists everything, as a catalogue does


SITE = Scope(
    "site",
    facets=FACETS,
    sorts={"relevance": ("_score", "-date"), "date": ("-date", "_score")},
)
SORTS = tuple(SITE.sorts)
# Deeper pages than this are not served: nobody reads them, and they cost the cluster.
MAX_WINDOW = 1000


@dataclass
class SearchRequest:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    scope: Scope = SITE
    # Range filter name -> (lowest, highest), either may be None; both inclusive.
    ranges: dict[str, tuple[Decimal | None, Decimal | None]] = field(default_factory=dict)
    # Record field -> accepted values, set by the page rather than the visitor (no facet counts).
    fixed: dict[str, list[str]] = field(default_factory=dict)
    exact: bool = False  # "exact words only": no synonyms, spelling corrections or matching by meaning
    as_typed: bool = False  # "search instead for": no spelling corrections
    language: str = ""  # the visitor's language: which version of a translated record represents it

    def __post_init__(self) -> None:
        facets = self.scope.facets
        self.filters = {name: list(values) for name, values in self.filters.items() if name in facets and values}
        self.ranges = {
            name: bounds
            for name, bounds in self.ranges.items()
            if name in self.scope.ranges and any(bound is not None for bound in bounds)
        }
        if self.sort not in self.scope.sorts:
            self.sort = next(iter(self.scope.sorts))
        self.per_page = max(1, min(int(self.per_page), 50))
        self.page = max(1, min(int(self.page), MAX_WINDOW // self.per_page))

    @property
    def narrowed(self) -> bool:
        """Whether any filter or range applies."""
        return bool(self.filters or self.ranges)

    def order(self, has_query: bool) -> tuple[str, ...]:
        """Sort fields; relevance means nothing without a query, so the next sort stands in."""
        fields = self.scope.sorts[self.sort]
        if fields[0] == "_score" and not has_query:
            fields = (*fields[1:], "_score")
        return fields

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass
class Passage:
    html: str  # escaped text with <mark> around matches
    page: int | None = None  # PDF page number, for documents
    by_meaning: bool = False  # chosen as closest in meaning, not for the words it holds


@dataclass(frozen=True)
class Match:
    """One reason a hit matched: a word as typed, or what stood in for it."""

    kind: str  # "typed", "synonym", "inner", "spelling" (see search.query), or "meaning"
    label: str  # what matched ("emissions trading")
    typed: str = ""  # what the visitor typed for it ("carbon trading"), when that differs


@dataclass
class Translation:
    key: str
    url: str
    title: str
    languages: list[str]


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
    matches: list[Match] = field(default_factory=list)  # why it matched, words first
    translations: list[Translation] = field(default_factory=list)  # the same record in other languages
    group: str = ""

    @property
    def by_meaning(self) -> bool:
        return any(match.kind == "meaning" for match in self.matches)

    @property
    def by_meaning_only(self) -> bool:
        return bool(self.matches) and all(match.kind == "meaning" for match in self.matches)


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
    corrected: str = ""  # "Showing results for": the query as searched, when spelling was corrected
    semantic: str = "off"  # matching by meaning: "on", "off" (exact words, or switched off) or "unavailable"

    @property
    def searched(self) -> bool:
        return bool(self.query) or self.request.narrowed

    @property
    def page_count(self) -> int:
        return math.ceil(min(self.total, MAX_WINDOW) / self.request.per_page)

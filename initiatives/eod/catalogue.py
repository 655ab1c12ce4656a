"""The EOD programme catalogue's search: the address bar read into a search, its results, saved-search helpers.

Its public services, which the financier area and the API build on: `parse`,
`canonical_querystring` and `describe` (a search kept and told in words),
`matching_programme_ids`, and `catalogue_page` / `catalogue_url` (where the
catalogue is, in the active language).

Everything goes through `SearchService` with the catalogue scope (facets,
range filters and sorts of `CATALOGUE`), so the catalogue
answers from Elasticsearch or the database like site search does. Only the
page of hits shown is then read from the database, for the figures a list
or a table shows.
"""

from dataclasses import dataclass, replace
from decimal import Decimal

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from initiatives.eod.bands import GAP_BANDS, SIZE_BANDS, labels
from initiatives.eod.matching import Mandate, MatchResult, match_programme, ranked
from initiatives.eod.models import EodCatalogPage, EodProgrammePage, EodSector, Instrument, ProgrammeStage
from initiatives.eod.models.taxonomy import category_labels
from members.models import Province
from portal.text import PlainTextFormMixin
from search.forms import clean_text
from search.query_text import MAX_QUERY_LENGTH
from search.results import MAX_WINDOW, Hit, Scope, SearchRequest, SearchResults
from search.service import SearchService

# The catalogue's search: a deal database for financiers, over EOD programmes' records.
CATALOGUE = Scope(
    "catalogue",
    facets={
        "province": "province",
        "sector": "sectors",
        "stage": "stage",
        "instrument": "instruments",
        "size": "size_band",
        "gapband": "gap_band",
        "category": "categories",
    },
    sorts={
        "relevance": ("_score", "-date"),
        "gap": ("-gap", "-date"),
        "size": ("-investment", "-date"),
        "newest": ("-date", "_score"),
    },
    content_types=("initiatives.eodprogrammepage",),
    ranges={"investment": "investment", "gap": "gap"},
    browsable=True,
)

FACET_FIELDS = ("province", "sector", "stage", "instrument", "size", "gapband", "category")
RANGE_FIELDS = {"investment": ("invest_min", "invest_max"), "gap": ("gap_min", "gap_max")}
SORT_CHOICES = [
    ("relevance", _("relevance")),
    ("gap", _("largest financing gap")),
    ("size", _("largest investment")),
    ("newest", _("newest")),
]
# Sorting by match needs the visitor's mandate: it is offered to financiers who set one, and otherwise
# stands for relevance. The search itself runs by relevance; `ranked_by_match` reorders its results.
MATCH_SORT = ("match", _("best match for your mandate"))
VIEWS = ("list", "table")
PER_PAGE = {"list": 10, "table": 25}
# Amounts are CNY million; a trillion is more than any programme.
MAX_AMOUNT = Decimal(1_000_000)


def facet_choices() -> dict[str, dict[str, str]]:
    """Facet name -> {value: label}, in the visitor's language."""
    return {
        "province": dict(Province.choices),
        "sector": dict(EodSector.choices),
        "stage": dict(ProgrammeStage.choices),
        "instrument": dict(Instrument.choices),
        "size": labels(SIZE_BANDS),
        "gapband": labels(GAP_BANDS),
        "category": category_labels(),
    }


FACET_TITLES = {
    "province": _("Province"),
    "sector": _("Sector"),
    "stage": _("Stage"),
    "instrument": _("Instrument sought"),
    "size": _("Total investment"),
    "gapband": _("Financing gap"),
    "category": _("Green catalogue category"),
}
# Bands and stages read best in their own order; the rest by count.
ORDERED_FACETS = {
    "size": [key for key, *_ in SIZE_BANDS],
    "gapband": [key for key, *_ in GAP_BANDS],
    "stage": list(ProgrammeStage.values),
}


def _amount_field(label) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=False, min_value=0, max_value=MAX_AMOUNT, max_digits=12, decimal_places=2
    )


class CatalogueForm(PlainTextFormMixin, forms.Form):
    """The catalogue's GET parameters. Invalid fields are reported and left out of the search."""

    q = forms.CharField(label=_("Search the catalogue"), required=False)
    province = forms.MultipleChoiceField(label=FACET_TITLES["province"], required=False)
    sector = forms.MultipleChoiceField(label=FACET_TITLES["sector"], required=False)
    stage = forms.MultipleChoiceField(label=FACET_TITLES["stage"], required=False)
    instrument = forms.MultipleChoiceField(label=FACET_TITLES["instrument"], required=False)
    size = forms.MultipleChoiceField(label=FACET_TITLES["size"], required=False)
    gapband = forms.MultipleChoiceField(label=FACET_TITLES["gapband"], required=False)
    category = forms.MultipleChoiceField(label=FACET_TITLES["category"], required=False)
    invest_min = _amount_field(_("Total investment from (CNY million)"))
    invest_max = _amount_field(_("Total investment to (CNY million)"))
    gap_min = _amount_field(_("Financing gap from (CNY million)"))
    gap_max = _amount_field(_("Financing gap to (CNY million)"))
    sort = forms.ChoiceField(label=_("Sort by"), choices=[*SORT_CHOICES, MATCH_SORT], required=False)
    exact = forms.BooleanField(label=_("Exact words only"), required=False)
    as_typed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, data: QueryDict, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name, choices in facet_choices().items():
            self.fields[name].choices = list(choices.items())

    def clean_q(self) -> str:
        return clean_text(self.cleaned_data["q"], MAX_QUERY_LENGTH)

    def clean(self):
        cleaned = super().clean()
        for low_name, high_name in RANGE_FIELDS.values():
            low, high = cleaned.get(low_name), cleaned.get(high_name)
            if low is not None and high is not None and low > high:
                message = _("The lower bound is above the upper bound, so this range was ignored.")
                self.add_error(low_name, message)
                self.add_error(high_name, message)
        return cleaned

    def problems(self) -> list[str]:
        """Each invalid field as "Label: message", for the notice above the results."""
        return [
            f"{self.fields[name].label}: {' '.join(errors)}" if name in self.fields else " ".join(errors)
            for name, errors in self.errors.items()
        ]

    def search_request(self, language: str, page: int = 1, per_page: int = PER_PAGE["list"]) -> SearchRequest:
        data = self.cleaned_data if self.is_bound else {}
        filters = {name: data[name] for name in FACET_FIELDS if data.get(name)}
        ranges = {
            name: (data.get(low), data.get(high))
            for name, (low, high) in RANGE_FIELDS.items()
            if data.get(low) is not None or data.get(high) is not None
        }
        return SearchRequest(
            text=data.get("q", ""),
            filters=filters,
            ranges=ranges,
            sort=self.search_sort,
            page=page,
            per_page=per_page,
            scope=CATALOGUE,
            fixed={"languages": [language]},
            exact=bool(data.get("exact")),
            as_typed=bool(data.get("as_typed")),
            language=language,
        )

    @property
    def by_match(self) -> bool:
        return self.is_bound and self.cleaned_data.get("sort") == MATCH_SORT[0]

    @property
    def search_sort(self) -> str:
        """The sort the search service runs: by relevance where the visitor asked for the best match."""
        sort = (self.cleaned_data.get("sort") if self.is_bound else "") or "relevance"
        return "relevance" if sort == MATCH_SORT[0] else sort

    def canonical(self) -> QueryDict:
        """The valid part of the search in field order, values sorted: what a saved search keeps."""
        data, query = self.cleaned_data, QueryDict(mutable=True)
        for name in self.fields:
            value = data.get(name)
            # Defaults say nothing: no empty values, unchecked switches or the default sort.
            if value in (None, "", []) or value is False or (name == "sort" and value == "relevance"):
                continue
            query.setlist(name, sorted(value) if isinstance(value, list) else [_plain(value)])
        return query


def _plain(value) -> str:
    if value is True:
        return "1"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def parse(data: QueryDict | str) -> CatalogueForm:
    form = CatalogueForm(QueryDict(data) if isinstance(data, str) else data)
    form.is_valid()
    return form


def canonical_querystring(data: QueryDict | str) -> str:
    """The normalised query string of a search: sorted, valid parts only, no page or view."""
    return parse(data).canonical().urlencode()


def describe(data: QueryDict | str) -> list[str]:
    """The search in words, one part per filter: names saved searches and heads alert emails."""
    form = parse(data)
    data, choices, parts = form.cleaned_data, facet_choices(), []
    if data.get("q"):
        parts.append(f"“{data['q']}”")
    for name in FACET_FIELDS:
        values = data.get(name) or []
        if values:
            names = ", ".join(str(choices[name].get(value, value)) for value in values)
            parts.append(f"{FACET_TITLES[name]}: {names}")
    for name, (low_name, high_name) in RANGE_FIELDS.items():
        low, high = data.get(low_name), data.get(high_name)
        title = FACET_TITLES["size" if name == "investment" else "gapband"]
        if low is not None and high is not None:
            parts.append(gettext("%(title)s %(low)s–%(high)s million") % _amounts(title, low, high))
        elif low is not None:
            parts.append(gettext("%(title)s ≥ %(low)s million") % _amounts(title, low, high))
        elif high is not None:
            parts.append(gettext("%(title)s ≤ %(high)s million") % _amounts(title, low, high))
    return parts


def _amounts(title, low, high) -> dict:
    return {
        "title": title,
        "low": _plain(low) if low is not None else "",
        "high": _plain(high) if high is not None else "",
    }


def search(form: CatalogueForm, language: str, page: int = 1, view: str = "list") -> SearchResults:
    request = form.search_request(language, page=page, per_page=PER_PAGE.get(view, PER_PAGE["list"]))
    return SearchService().search(request)


def programme_id(key: str) -> int:
    return int(key.rpartition(":")[2])


@dataclass
class Row:
    """A hit with its programme, for the list and the table, and how it fits the visitor's mandate."""

    hit: Hit
    programme: EodProgrammePage | None
    match: MatchResult | None = None


def rows(results: SearchResults, mandate: Mandate | None = None) -> list[Row]:
    """The page of hits with their programmes, in the order of the hits, scored against `mandate` if given."""
    ids = [programme_id(hit.key) for hit in results.hits]
    programmes = EodProgrammePage.objects.live().public().filter(pk__in=ids).select_related("hero_image")
    by_id = {programme.pk: programme for programme in programmes}
    found = [Row(hit, by_id.get(programme_id(hit.key))) for hit in results.hits]
    for row in found:
        row.match = match_programme(row.programme, mandate)
    return found


def ranked_by_match(
    form: CatalogueForm, language: str, mandate: Mandate, page: int = 1, view: str = "list"
) -> tuple[SearchResults, list[Row]]:
    """The search's results best match first, and the rows of the page asked for.

    A match is the visitor's own, so the search service cannot sort by it:
    every result (up to the search window) is read in order of relevance, scored
    and reordered, and the page is cut from that. Facets and totals are the search's.
    """
    per_page = 50
    first = SearchService().search(form.search_request(language, page=1, per_page=per_page))
    hits = list(first.hits)
    for number in range(2, MAX_WINDOW // per_page + 1):
        if len(hits) >= first.total:
            break
        more = SearchService().search(form.search_request(language, page=number, per_page=per_page)).hits
        if not more:
            break
        hits.extend(more)
    scored = rows(replace(first, hits=hits), mandate)
    scored = ranked(scored, lambda row: row.match)
    shown = form.search_request(language, page=page, per_page=PER_PAGE.get(view, PER_PAGE["list"]))
    shown.sort = MATCH_SORT[0]
    return replace(first, request=shown), scored[shown.offset : shown.offset + shown.per_page]


def best_matches(mandate: Mandate, language: str, limit: int = 20) -> list[tuple[EodProgrammePage, MatchResult]]:
    """The live programmes that meet at least one part of the mandate, best first, in `language` where translated."""
    programmes = EodProgrammePage.objects.live().public().select_related("locale", "hero_image").order_by("code", "pk")
    default = settings.LANGUAGE_CODE
    versions: dict = {}
    for programme in programmes:
        # One per programme: its version in `language`, else its original.
        kept = versions.get(programme.translation_key)
        code = programme.locale.language_code
        if kept is None or code == language or (code == default and kept.locale.language_code != language):
            versions[programme.translation_key] = programme
    # Ties go to the larger financing gap: more room for the financier's ticket.
    found = sorted(versions.values(), key=lambda programme: (-programme.financing_gap, programme.code))
    scored = [(programme, match_programme(programme, mandate)) for programme in found]
    scored = [(programme, result) for programme, result in scored if result and result.met]
    return ranked(scored, lambda pair: pair[1])[:limit]


def matching_programme_ids(data: QueryDict | str, language: str | None = None, per_page: int = 50) -> list[int]:
    """Page ids of every live programme the search matches, in the site's default language unless given.

    Walks the result pages the search serves, so it is bounded by
    `search.results.MAX_WINDOW` programmes: far more than the catalogue holds.
    """
    form, ids = parse(data), []
    language = language or settings.LANGUAGE_CODE
    for number in range(1, MAX_WINDOW // per_page + 1):
        results = SearchService().search(form.search_request(language, page=number, per_page=per_page))
        ids.extend(programme_id(hit.key) for hit in results.hits)
        if len(ids) >= results.total or not results.hits:
            break
    return ids


def catalogue_page() -> EodCatalogPage | None:
    """The live catalogue page in the active language, else the original one."""
    pages = EodCatalogPage.objects.live().public()
    try:
        active = Locale.get_active()
    except Locale.DoesNotExist:
        active = None
    page = pages.filter(locale=active).first() if active else None
    return page or pages.filter(locale=Locale.get_default()).first() or pages.order_by("path").first()


def catalogue_url(querystring: str) -> str:
    """The catalogue page showing this search, in the active language; "" without a catalogue."""
    page = catalogue_page()
    if page is None:
        return ""
    url = page.get_url() or page.url or "/"
    return f"{url}?{querystring}" if querystring else url

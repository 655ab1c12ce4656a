"""The public pledge tracker: which companies and pledges a set of filters
shows, in what order, page by page, and the headline figures over them.

Everything here reads approved data only (`Pledge.objects.public()`,
`ProgressReport.objects.public()`); the page, the exports and the company page
all go through these functions, so they can never disagree.

How filters combine
-------------------
- Company filters (sector, name search) narrow the companies.
- Pledge filters (type, target-year range, status, verification, scope
  coverage) apply together to each pledge: a company is listed when at least
  one of its public pledges meets all of them, and only those pledges are
  shown and exported for it. With no pledge filter, every company is listed,
  including those with no public pledge yet.

Headline figures (`headline()`), over the companies and pledges the filters
show, all pages together; withdrawn pledges never count:
- neutrality_companies: companies with at least one shown pledge of type
  operational carbon neutrality, supply-chain carbon neutrality or net zero
  (`NEUTRALITY_TYPES`).
- median_neutrality_year: the median target year of those shown pledges,
  each pledge counted once (a company with two such targets counts twice);
  the mean of the two middle years when their number is even.
- scope3_share: companies with at least one shown pledge covering Scope 3,
  as a whole-number percentage of all listed companies (companies without a
  pledge count in the denominator).
- peak_by_2030: shown emissions-peak pledges with a target year of 2030 or
  earlier (achieved ones included).
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model

from members.models import (
    NEUTRALITY_TYPES,
    MemberCompany,
    Milestone,
    Pledge,
    PledgeStatus,
    PledgeType,
    ProgressReport,
    PublicChange,
    Sector,
    Unit,
    Verification,
)
from members.tracker import trajectory
from members.tracker.pathways import alignment, snapshots
from portal.text import PlainTextFormMixin

PER_PAGE = 25
PEAK_DEADLINE = 2030
# Logo renditions used by the company page: prefetched with the image so the logo costs no query.
COMPANY_LOGO_SPECS = ("max-240x120", "max-480x240")


class SortOrder(models.TextChoices):
    NAME = "name", gettext_lazy("Company name (A–Z)")
    TARGET = "target", gettext_lazy("Earliest target year")
    NEWEST = "newest", gettext_lazy("Newest members first")


class ScopeCoverage(models.TextChoices):
    SCOPE_1 = "1", gettext_lazy("Covers Scope 1")
    SCOPE_2 = "2", gettext_lazy("Covers Scope 2")
    SCOPE_3 = "3", gettext_lazy("Covers Scope 3")
    ALL = "123", gettext_lazy("Covers Scopes 1, 2 and 3")


def _any(label):
    return [("", label)]


class TrackerFilterForm(PlainTextFormMixin, forms.Form):
    """The GET form of the tracker. Only used to validate and render; `Filters` carries the result."""

    q = forms.CharField(label=gettext_lazy("Company name"), max_length=100, required=False)
    sector = forms.ChoiceField(
        label=gettext_lazy("Sector"), choices=_any(gettext_lazy("All sectors")) + Sector.choices, required=False
    )
    pledge_type = forms.ChoiceField(
        label=gettext_lazy("Pledge type"), choices=_any(gettext_lazy("All types")) + PledgeType.choices, required=False
    )
    target_from = forms.IntegerField(
        label=gettext_lazy("Target year from"), min_value=1990, max_value=2100, required=False
    )
    target_to = forms.IntegerField(label=gettext_lazy("Target year to"), min_value=1990, max_value=2100, required=False)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), choices=_any(gettext_lazy("Any status")) + PledgeStatus.choices, required=False
    )
    verification = forms.ChoiceField(
        label=gettext_lazy("Verification"),
        choices=_any(gettext_lazy("Any verification")) + Verification.choices,
        required=False,
    )
    scope = forms.ChoiceField(
        label=gettext_lazy("Scope coverage"),
        choices=_any(gettext_lazy("Any scope")) + ScopeCoverage.choices,
        required=False,
    )
    disclosure = forms.ChoiceField(
        label=gettext_lazy("Disclosure of progress"),
        choices=_any(gettext_lazy("Any disclosure")) + alignment.Disclosure.choices,
        required=False,
    )
    sort = forms.ChoiceField(label=gettext_lazy("Sort by"), choices=SortOrder.choices, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "placeholder": gettext_lazy("English or Chinese")})
        for name in ("target_from", "target_to"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric"})
        self.fields["target_from"].widget.attrs["placeholder"] = gettext_lazy("from")
        self.fields["target_to"].widget.attrs["placeholder"] = gettext_lazy("to")
        # Shown above the results, outside the <form> element, and submitted with it.
        self.fields["sort"].widget.attrs["form"] = "tracker-filters"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("target_from"), cleaned.get("target_to")
        if start is not None and end is not None and start > end:
            self.add_error("target_to", _("It is before the “from” year (%(year)s).") % {"year": start})
        return cleaned


@dataclass(frozen=True)
class Filters:
    """A valid filter state: what the tracker shows, shareable as a query string."""

    q: str = ""
    sector: str = ""
    pledge_type: str = ""
    target_from: int | None = None
    target_to: int | None = None
    status: str = ""
    verification: str = ""
    scope: str = ""
    disclosure: str = ""
    sort: str = SortOrder.NAME

    PLEDGE_FIELDS = ("pledge_type", "target_from", "target_to", "status", "verification", "scope")

    @property
    def has_pledge_filters(self) -> bool:
        return any(getattr(self, name) not in ("", None) for name in self.PLEDGE_FIELDS)

    @property
    def is_filtered(self) -> bool:
        return any(value not in ("", None) for name, value in asdict(self).items() if name != "sort")

    def params(self) -> dict[str, str]:
        """The non-default values, in a stable order, as strings."""
        params = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if value in ("", None) or (field.name == "sort" and value == SortOrder.NAME):
                continue
            params[field.name] = str(value)
        return params

    def query_string(self, **extra) -> str:
        params = self.params()
        params.update({key: str(value) for key, value in extra.items() if value not in ("", None)})
        return urlencode(params)

    def initial(self) -> dict:
        return asdict(self)

    def pledge_q(self, prefix: str = "") -> Q:
        """The conditions one pledge must meet (`prefix` to use them from another model)."""
        q = Q()
        if self.pledge_type:
            q &= Q(**{f"{prefix}pledge_type": self.pledge_type})
        if self.target_from is not None:
            q &= Q(**{f"{prefix}target_year__gte": self.target_from})
        if self.target_to is not None:
            q &= Q(**{f"{prefix}target_year__lte": self.target_to})
        if self.status:
            q &= Q(**{f"{prefix}status": self.status})
        if self.verification:
            q &= Q(**{f"{prefix}verification": self.verification})
        for scope in self.scope:
            q &= Q(**{f"{prefix}scope_{scope}": True})
        return q

    @cached_property
    def disclosure_ids(self) -> set[int]:
        return disclosure_company_ids(self.disclosure)

    def company_q(self, prefix: str = "") -> Q:
        q = Q()
        if self.disclosure:
            q &= Q(**{f"{prefix}pk__in": self.disclosure_ids})
        if self.sector:
            q &= Q(**{f"{prefix}sector": self.sector})
        if self.q:
            q &= Q(**{f"{prefix}name_en__icontains": self.q}) | Q(**{f"{prefix}name_zh__icontains": self.q})
        return q


def disclosure_company_ids(status: str) -> set[int]:
    """Companies whose disclosure status (`alignment.disclosure`) is `status`, over all public pledges and reports."""
    pledges, reports = defaultdict(list), defaultdict(list)
    for pledge in public_pledges().only(
        "company_id", "pledge_type", "status", "unit", "scope_1", "scope_2", "scope_3", "baseline_year"
    ):
        pledges[pledge.company_id].append(pledge)
    for report in ProgressReport.objects.public().only(
        "company_id", "year", "scope_1", "scope_2_market", "scope_2_location", "scope_3", "renewable_share"
    ):
        reports[report.company_id].append(report)
    return {
        pk
        for pk in MemberCompany.objects.values_list("pk", flat=True)
        if alignment.disclosure(pledges[pk], reports[pk]) == status
    }


def parse(query: QueryDict) -> tuple[Filters, list[str]]:
    """The valid part of a query string, and a message for each parameter that was ignored."""
    form = TrackerFilterForm(query)
    form.is_valid()
    ignored = []
    for name, messages in form.errors.items():
        label = form.fields[name].label if name in form.fields else _("Filters")
        ignored.append(f"{label}: {' '.join(messages)}")
    values = {name: value for name, value in form.cleaned_data.items() if value not in ("", None)}
    return Filters(**values), ignored


def public_pledges() -> QuerySet[Pledge]:
    # Explicit ordering: the model's default ("company", ...) would join the company table.
    return Pledge.objects.public().order_by("target_year", "pledge_type", "pk")


def shown_pledges(filters: Filters) -> QuerySet[Pledge]:
    return public_pledges().filter(filters.pledge_q())


def companies(filters: Filters) -> QuerySet[MemberCompany]:
    """The companies the filters show, in the chosen order (all pages)."""
    queryset = MemberCompany.objects.filter(filters.company_q())
    matching = shown_pledges(filters).filter(company=OuterRef("pk"))
    if filters.has_pledge_filters:
        queryset = queryset.filter(Exists(matching))
    if filters.sort == SortOrder.TARGET:
        earliest = matching.exclude(status=PledgeStatus.WITHDRAWN).values("target_year")[:1]
        return queryset.annotate(earliest_target=Subquery(earliest)).order_by(
            F("earliest_target").asc(nulls_last=True), "name_en", "pk"
        )
    if filters.sort == SortOrder.NEWEST:
        return queryset.order_by("-member_since", "name_en", "pk")
    return queryset.order_by("name_en", "pk")


def logos(*specs: str) -> Prefetch:
    return Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(*specs))


def for_listing(queryset: QuerySet[MemberCompany], filters: Filters) -> QuerySet[MemberCompany]:
    """Prefetch what a page of the tracker shows: a fixed number of queries whatever the page size."""
    lookups = [
        Prefetch("pledges", queryset=shown_pledges(filters), to_attr="shown_pledges"),
        Prefetch("reports", queryset=ProgressReport.objects.public().order_by("year"), to_attr="public_reports"),
    ]
    if filters.has_pledge_filters:
        # The on-track label and "n more" use all public pledges, not only the matching ones.
        lookups.append(Prefetch("pledges", queryset=public_pledges(), to_attr="public_pledges"))
    return queryset.prefetch_related(*lookups)


def for_export(queryset: QuerySet[MemberCompany], filters: Filters) -> QuerySet[MemberCompany]:
    milestones = Prefetch("milestones", queryset=Milestone.objects.order_by("year", "sort_order", "pk"))
    return queryset.prefetch_related(
        Prefetch("pledges", queryset=shown_pledges(filters).prefetch_related(milestones), to_attr="shown_pledges")
    )


@dataclass(frozen=True)
class Labels:
    """Choice labels in the visitor's language, translated once per request.

    `get_FOO_display()` hashes every lazy choice label, so translates every
    choice, on each call: on a page of 25 companies or an export of thousands
    of pledges, that was most of the time spent.
    """

    sector: dict[str, str]
    pledge_type: dict[str, str]
    status: dict[str, str]
    verification: dict[str, str]
    unit: dict[str, str]

    @classmethod
    def current(cls) -> Labels:
        def table(choices):
            return {code: str(label) for code, label in choices.choices}

        return cls(table(Sector), table(PledgeType), table(PledgeStatus), table(Verification), table(Unit))


@dataclass(frozen=True)
class ShownPledge:
    pledge: Pledge
    type_label: str
    status_label: str
    verification_label: str


@dataclass(frozen=True)
class Row:
    company: MemberCompany
    sector_label: str
    pledges: list[ShownPledge]
    other_pledges: int
    progress: trajectory.CompanyProgress
    disclosure: str = ""
    disclosure_label: str = ""


def rows(page_companies) -> list[Row]:
    labels = Labels.current()
    disclosure_labels = {code: str(label) for code, label in alignment.Disclosure.choices}
    result = []
    for company in page_companies:
        shown = company.shown_pledges
        every = getattr(company, "public_pledges", shown)
        result.append(
            Row(
                company=company,
                sector_label=labels.sector.get(company.sector, company.sector),
                pledges=[
                    ShownPledge(
                        pledge,
                        labels.pledge_type[pledge.pledge_type],
                        labels.status[pledge.status],
                        labels.verification[pledge.verification],
                    )
                    for pledge in shown
                ],
                other_pledges=len(every) - len(shown),
                progress=trajectory.company_progress(every, company.public_reports),
                disclosure=(status := alignment.disclosure(every, company.public_reports)),
                disclosure_label=disclosure_labels[status],
            )
        )
    return result


@dataclass(frozen=True)
class Headline:
    companies: int
    pledges: int
    neutrality_companies: int
    neutrality_targets: int
    median_neutrality_year: Decimal | None
    scope3_companies: int
    peak_by_2030: int

    @property
    def scope3_share(self) -> int | None:
        if not self.companies:
            return None
        return round(self.scope3_companies * 100 / self.companies)


def headline(filters: Filters, company_count: int | None = None) -> Headline:
    """The figures above the list (see the module docstring for what each one counts)."""
    if company_count is None:
        company_count = companies(filters).count()
    pledges = list(
        Pledge.objects.public()
        .filter(filters.pledge_q(), filters.company_q("company__"))
        .values_list("company_id", "pledge_type", "target_year", "scope_3", "status")
        .order_by()
    )
    counted = [row for row in pledges if row[4] != PledgeStatus.WITHDRAWN]
    neutrality = [row for row in counted if row[1] in NEUTRALITY_TYPES]
    years = [row[2] for row in neutrality]
    return Headline(
        companies=company_count,
        pledges=len(pledges),
        neutrality_companies=len({row[0] for row in neutrality}),
        neutrality_targets=len(neutrality),
        median_neutrality_year=Decimal(str(statistics.median(years))) if years else None,
        scope3_companies=len({row[0] for row in counted if row[3]}),
        peak_by_2030=sum(1 for row in counted if row[1] == PledgeType.EMISSIONS_PEAK and row[2] <= PEAK_DEADLINE),
    )


# The company page -------------------------------------------------------------------------------

LADDER = (PledgeStatus.DECLARED, PledgeStatus.PLAN_PUBLISHED, PledgeStatus.IN_PROGRESS, PledgeStatus.ACHIEVED)


@dataclass(frozen=True)
class Step:
    label: str
    state: str  # "done", "current" or "todo"


def ladder(status: str) -> list[Step]:
    """The status ladder of a pledge; a withdrawn pledge has every step left undone."""
    position = LADDER.index(status) if status in LADDER else -1
    steps = []
    for index, step in enumerate(LADDER):
        state = "done" if index < position else "current" if index == position else "todo"
        steps.append(Step(str(step.label), state))
    return steps


@dataclass(frozen=True)
class PledgeView:
    pledge: Pledge
    description: str
    steps: list[Step]
    milestones: list[Milestone]
    is_reference: bool


@dataclass(frozen=True)
class ChartRow:
    year: int
    reported: Decimal | None
    expected: Decimal | None

    @property
    def gap(self) -> Decimal | None:
        return trajectory.gap_between(self.reported, self.expected)


@dataclass(frozen=True)
class CompanyPage:
    company: MemberCompany
    pledges: list[PledgeView]
    reports: list[ProgressReport]
    progress: trajectory.CompanyProgress
    chart_rows: list[ChartRow]
    milestones: list[tuple[int, Decimal]]
    changes: list

    @property
    def green_factories(self) -> int:
        return sum(1 for plant in self.company.plants.all() if plant.green_factory_year)


def company_page(slug: str, as_of: datetime.date | None = None) -> CompanyPage:
    """Everything the company page shows, approved data only, in a fixed number of queries.

    With `as_of`, the pledges, reports and history as they were public at the end of that day
    (`members.tracker.pathways.snapshots`)."""
    milestones = Prefetch("milestones", queryset=Milestone.objects.order_by("year", "sort_order", "pk"))
    queryset = MemberCompany.objects.prefetch_related(
        # The evidence document is review material for staff, not shown: the public source is source_url.
        Prefetch("pledges", queryset=public_pledges().prefetch_related(milestones), to_attr="public_pledges"),
        Prefetch("reports", queryset=ProgressReport.objects.public().order_by("year"), to_attr="public_reports"),
        "plants",
        Prefetch("public_changes", queryset=_public_changes()),
        logos(*COMPANY_LOGO_SPECS),
    )
    company = get_object_or_404(queryset, slug=slug)
    changes = list(company.public_changes.all())
    if as_of is not None:
        company.public_pledges, company.public_reports, changes = snapshots.public_on(company.pk, as_of)
    progress = trajectory.company_progress(company.public_pledges, company.public_reports)
    reference = progress.pledge
    pledges = [
        PledgeView(
            pledge,
            pledge.description,
            ladder(pledge.status),
            list(pledge.milestones.all()),
            pledge is reference,
        )
        for pledge in company.public_pledges
    ]
    reference_milestones = (
        [(m.year, m.value) for m in reference.milestones.all() if m.value is not None] if reference else []
    )
    return CompanyPage(
        company=company,
        pledges=pledges,
        reports=list(reversed(company.public_reports)),
        progress=progress,
        chart_rows=chart_rows(progress, reference_milestones),
        milestones=reference_milestones,
        changes=changes,
    )


def _public_changes():
    return PublicChange.objects.select_related("submitted_by", "revision").order_by("-published_at", "-pk")


def chart_rows(progress: trajectory.CompanyProgress, milestones: list[tuple[int, Decimal]]) -> list[ChartRow]:
    """The chart's figures as table rows: every reported year, plus the baseline, milestones and target."""
    years = set(progress.reported)
    line = progress.line
    if line is not None:
        years |= {line.baseline_year, line.target_year} | {year for year, _value in milestones}
    return [
        ChartRow(year, progress.reported.get(year), line.value_at(year) if line is not None else None)
        for year in sorted(years)
    ]

"""Member companies and their approved pledges and progress: the pledge tracker as data.

Reads through `members.tracker.queries`, like the tracker page, its exports and the
company page: approved values only, never drafts, submissions or evidence.
"""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema

from api.common import (
    ERRORS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    SLUG,
    Language,
    MilestoneOut,
    PageInfo,
    absolute,
    language,
    paginate,
    refuse,
    web_query,
)
from members.models import PledgeStatus, PledgeType, Sector, Verification
from members.tracker import queries, trajectory
from members.tracker.pathways import views_data
from members.tracker.pathways.alignment import Disclosure

router = Router(tags=["Companies and pledges"])

FILTER_NAMES = (
    "q",
    "sector",
    "pledge_type",
    "target_from",
    "target_to",
    "status",
    "verification",
    "scope",
    "disclosure",
    "sort",
)


class PledgeOut(Schema):
    id: int
    pledge_type: str
    type_label: str
    scopes: list[int]
    unit: str
    baseline_year: int | None
    baseline_value: float | None
    target_year: int
    target_value: float | None
    status: str
    status_label: str
    verification: str
    verification_label: str
    description: str
    source_url: str


class PledgeDetailOut(PledgeOut):
    milestones: list[MilestoneOut]
    is_reference: bool = Field(description="The pledge the on-track assessment measures against.")


class ProgressOut(Schema):
    status: str = Field(description="on_track, off_track or not_enough_data")
    label: str
    year: int | None = Field(description="The latest reported year assessed.")
    reported: float | None = Field(description="Reported Scope 1+2 emissions that year, tCO2e.")
    expected: float | None = Field(description="The trajectory value that year, tCO2e.")


class AlignmentYearOut(Schema):
    year: int = Field(description="A milestone year.")
    label: str = Field(description="A pathway code (1-5c, wb2c, china...), not_aligned or not_enough_data.")
    label_text: str
    direction: str = Field(description="first, up, down or unchanged since the previous assessment.")


class LatestReportOut(Schema):
    year: int
    provenance: dict = Field(
        description="Per figure: basis (reported, estimated, restated), document, page, assurance, assurer, earlier."
    )


class CompanyOut(Schema):
    slug: str
    name: str = Field(description="In the response language.")
    name_en: str
    name_zh: str
    sector: str
    sector_label: str
    headquarters_country: str
    member_since: int
    website: str
    provinces: list[str]
    url: str
    progress: ProgressOut
    methodology_version: str
    assessed_at: str | None = Field(description="When the alignment was last assessed (null: worked out now).")
    disclosure: str = Field(description="all, some, none or no_targets: progress reported on the targets.")
    alignment: list[AlignmentYearOut]
    latest_report: LatestReportOut | None


class CompanyListItem(CompanyOut):
    pledges: list[PledgeOut] = Field(description="The company's approved pledges that meet the pledge filters.")
    other_pledges: int = Field(description="Approved pledges left out by the pledge filters.")


class ReportOut(Schema):
    year: int
    provenance: dict = Field(description="Where each figure comes from (see latest_report).")
    scope_1: float | None
    scope_2_location: float | None
    scope_2_market: float | None
    scope_3: float | None
    scope_1_2: float | None
    renewable_share: float | None


class CompanyDetail(CompanyOut):
    profile: str
    green_factories: int
    pledges: list[PledgeDetailOut]
    reports: list[ReportOut] = Field(description="Approved yearly progress reports, newest first.")


class Headline(Schema):
    companies: int
    pledges: int
    neutrality_companies: int
    median_neutrality_year: float | None
    scope3_share: int | None
    peak_by_2030: int


class CompanyPage(PageInfo):
    headline: Headline
    results: list[CompanyListItem]


def pledge_data(pledge, labels: queries.Labels) -> dict:
    return {
        "id": pledge.pk,
        "pledge_type": pledge.pledge_type,
        "type_label": labels.pledge_type[pledge.pledge_type],
        "scopes": pledge.scopes,
        "unit": pledge.unit,
        "baseline_year": pledge.baseline_year,
        "baseline_value": pledge.baseline_value,
        "target_year": pledge.target_year,
        "target_value": pledge.target_value,
        "status": pledge.status,
        "status_label": labels.status[pledge.status],
        "verification": pledge.verification,
        "verification_label": labels.verification[pledge.verification],
        "description": pledge.description,
        "source_url": pledge.source_url,
    }


def progress_data(progress: trajectory.CompanyProgress) -> dict:
    assessment = progress.assessment
    return {
        "status": assessment.status.value,
        "label": str(assessment.label),
        "year": assessment.year,
        "reported": assessment.reported,
        "expected": assessment.expected,
    }


def company_data(request: HttpRequest, company, labels: queries.Labels, progress, open_data) -> dict:
    return open_data.record() | {
        "slug": company.slug,
        "name": company.name,
        "name_en": company.name_en,
        "name_zh": company.name_zh,
        "sector": company.sector,
        "sector_label": labels.sector.get(company.sector, company.sector),
        "headquarters_country": company.headquarters_country,
        "member_since": company.member_since,
        "website": company.website,
        "provinces": list(company.provinces or []),
        "url": absolute(request, reverse("tracker:company", args=[company.slug])),
        "progress": progress_data(progress),
    }


@router.get("/companies", response={200: CompanyPage, **ERRORS}, summary="Member companies with approved pledges")
def list_companies(
    request: HttpRequest,
    q: str | None = Query(None, max_length=100, description="Part of the English or Chinese name."),
    sector: Sector | None = None,
    pledge_type: PledgeType | None = None,
    target_from: int | None = Query(None, ge=1990, le=2100),
    target_to: int | None = Query(None, ge=1990, le=2100),
    status: PledgeStatus | None = None,
    verification: Verification | None = None,
    scope: queries.ScopeCoverage | None = Query(None, description="1, 2, 3, or 123 for all three."),
    disclosure: Disclosure | None = Query(None, description="all, some, none or no_targets."),
    sort: queries.SortOrder | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(queries.PER_PAGE, ge=1, le=MAX_PAGE_SIZE),
    lang: Language | None = None,
):
    """The pledge tracker (`/pledges/`): the same filters, combined the same way, in the same order.

    Pledge filters apply together to each pledge; a company is listed when one
    of its approved pledges meets them all, with only those pledges. Without a
    pledge filter every member is listed. `headline` holds the figures shown
    above the tracker, over all pages.
    """
    with language(lang):
        filters, problems = queries.parse(web_query(request, FILTER_NAMES))
        refuse(problems)
        companies, info = paginate(queries.for_listing(queries.companies(filters), filters), page, page_size)
        labels = queries.Labels.current()
        results = []
        page_rows = queries.rows(companies)
        open_data = views_data.open_data([row.company.pk for row in page_rows], timezone.localdate().year)
        for row in page_rows:
            data = company_data(request, row.company, labels, row.progress, open_data[row.company.pk])
            data["pledges"] = [pledge_data(shown.pledge, labels) for shown in row.pledges]
            data["other_pledges"] = row.other_pledges
            results.append(data)
        headline = queries.headline(filters, company_count=info.count)
        return {
            **info.model_dump(),
            "headline": {
                "companies": headline.companies,
                "pledges": headline.pledges,
                "neutrality_companies": headline.neutrality_companies,
                "median_neutrality_year": headline.median_neutrality_year,
                "scope3_share": headline.scope3_share,
                "peak_by_2030": headline.peak_by_2030,
            },
            "results": results,
        }


@router.get("/companies/{slug}", response={200: CompanyDetail, **ERRORS}, summary="One member company")
def get_company(
    request: HttpRequest, slug: str = Path(..., pattern=SLUG, max_length=200), lang: Language | None = None
):
    """The company page (`/pledges/<slug>/`): approved pledges with milestones, reports and the on-track label."""
    with language(lang):
        data = queries.company_page(slug)
        labels = queries.Labels.current()
        company = data.company
        open_data = views_data.open_data([company.pk], timezone.localdate().year)[company.pk]
        result = company_data(request, company, labels, data.progress, open_data)
        result.update(
            profile=company.profile,
            green_factories=data.green_factories,
            pledges=[
                {
                    **pledge_data(view.pledge, labels),
                    "milestones": [
                        {"year": m.year, "value": m.value, "description": m.description} for m in view.milestones
                    ],
                    "is_reference": view.is_reference,
                }
                for view in data.pledges
            ],
            reports=[
                {
                    "year": report.year,
                    "scope_1": report.scope_1,
                    "scope_2_location": report.scope_2_location,
                    "scope_2_market": report.scope_2_market,
                    "scope_3": report.scope_3,
                    "scope_1_2": report.scope_1_2,
                    "renewable_share": report.renewable_share,
                    "provenance": report.provenance or {},
                }
                for report in data.reports
            ],
        )
        return result

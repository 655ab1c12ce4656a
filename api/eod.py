"""EOD programmes: the catalogue's public side, searched as `/eod/` searches it.

Only `EodProgrammePage.public_facts()` is ever returned, whoever asks (with, for a signed-in approved
financier who set a mandate, how each programme fits it): contact
details, component costs, returns, risks (`RESTRICTED_FIELDS`) and documents
in restricted collections stay with the catalogue's pages for financiers.
"""

from datetime import date
from enum import Enum

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Field, Path, Query, Router, Schema

from api.common import (
    ERRORS,
    MAX_PAGE_SIZE,
    FacetCount,
    Language,
    PageInfo,
    absolute,
    facet_counts,
    language,
    refuse,
    search_page,
    web_query,
)
from initiatives.eod import catalogue
from initiatives.eod.bands import GAP_BANDS, SIZE_BANDS
from initiatives.eod.matching import mandate_for_user, match_programme
from initiatives.models import EodProgrammePage, EodSector, Instrument, ProgrammeStage
from members.models import Province
from search.results import MAX_WINDOW
from search.service import SearchService

router = Router(tags=["EOD programmes"])

SizeBand = Enum("SizeBand", {key: key for key, *_rest in SIZE_BANDS}, type=str)
GapBand = Enum("GapBand", {key: key for key, *_rest in GAP_BANDS}, type=str)
FILTER_NAMES = ("q", *catalogue.FACET_FIELDS, "invest_min", "invest_max", "gap_min", "gap_max", "sort")
AMOUNT = {"ge": 0, "le": float(catalogue.MAX_AMOUNT)}


class EnvironmentalOut(Schema):
    name: str
    kind: str
    outcome: str


class IndustrialOut(Schema):
    name: str
    sector: str


class GreenCategoryOut(Schema):
    edition: str = Field(
        description="gbepc-2021: Green Bond Endorsed Projects Catalogue (2021); gfspc-2025: Green Finance Support Project Catalogue (2025)."
    )
    code: str
    name_en: str
    name_zh: str


class TimelineOut(Schema):
    planning: date | None = Field(description="When each stage began or is planned to begin; null: unknown.")
    approval: date | None
    implementation: date | None
    evaluation: date | None


class CriterionOut(Schema):
    name: str = Field(description="province, sector, instrument, ticket, stage or proceeds.")
    outcome: str = Field(description="met, missed or unknown (the programme does not say).")
    reason: str


class MatchOut(Schema):
    met: int
    total: int
    summary: str
    criteria: list[CriterionOut]


class ProgrammeOut(Schema):
    id: int
    url: str
    title: str
    code: str
    province: str
    city: str
    lead_agency: str
    implementing_entity: str
    stage: str
    sectors: list[str]
    summary: str
    total_investment: float = Field(description="CNY million.")
    financing_sought: float
    financing_secured: float
    financing_gap: float
    instruments: list[str]
    proceeds_share: float | None = Field(description="Share of industrial proceeds fed back to conservation, %.")
    latitude: float | None
    longitude: float | None
    environmental_components: list[EnvironmentalOut]
    industrial_components: list[IndustrialOut]
    green_categories: list[GreenCategoryOut]
    notice_url: str | None = Field(description="The notice that listed the programme; null: unknown.")
    timeline: TimelineOut
    match: MatchOut | None = Field(
        None, description="How the programme fits the caller's mandate: signed-in approved financiers with one."
    )


class PublicDocument(Schema):
    title: str
    url: str


class ProgrammeDetail(ProgrammeOut):
    documents: list[PublicDocument] = Field(description="Documents open to everyone; restricted ones are not listed.")


class ProgrammeListPage(PageInfo):
    facets: dict[str, list[FacetCount]]
    results: list[ProgrammeOut]


def match_data(result) -> dict | None:
    if result is None:
        return None
    criteria = [{"name": c.name, "outcome": str(c.outcome), "reason": c.text} for c in result.criteria]
    return {"met": result.met, "total": result.total, "summary": result.summary, "criteria": criteria}


def programme_data(request: HttpRequest, programme: EodProgrammePage, mandate=None) -> dict:
    return {
        "id": programme.pk,
        "url": absolute(request, programme.get_url(request)),
        **programme.public_facts(),
        "match": match_data(match_programme(programme, mandate)),
    }


@router.get(
    "/eod/programmes", response={200: ProgrammeListPage, **ERRORS}, summary="Search the EOD programme catalogue"
)
def list_programmes(
    request: HttpRequest,
    q: str | None = Query(None, max_length=500, description="Words or a quoted phrase, in Chinese or English."),
    province: list[Province] | None = Query(None),
    sector: list[EodSector] | None = Query(None),
    stage: list[ProgrammeStage] | None = Query(None),
    instrument: list[Instrument] | None = Query(None),
    size: list[SizeBand] | None = Query(None, description="Total-investment band."),
    gapband: list[GapBand] | None = Query(None, description="Financing-gap band."),
    category: list[str] | None = Query(None, description="Green catalogue category, as <edition>:<code>."),
    invest_min: float | None = Query(None, **AMOUNT, description="Total investment from, CNY million."),
    invest_max: float | None = Query(None, **AMOUNT),
    gap_min: float | None = Query(None, **AMOUNT, description="Financing gap from, CNY million."),
    gap_max: float | None = Query(None, **AMOUNT),
    sort: str | None = Query(None, pattern="^(relevance|gap|size|newest)$"),
    page: int = Query(1, ge=1, le=MAX_WINDOW),
    page_size: int = Query(catalogue.PER_PAGE["list"], ge=1, le=MAX_PAGE_SIZE),
    lang: Language | None = None,
):
    """The catalogue search (`/eod/`) through the site's search service, with its facets, ranges and sorts.

    Values within one facet are alternatives, facets combine; each facet's
    counts apply the other facets. Results past the search window of 1,000
    programmes are not served: the page number is capped as on the site.
    """
    with language(lang):
        form = catalogue.parse(web_query(request, FILTER_NAMES))
        refuse(form.problems())
        results = SearchService().search(form.search_request(get_language(), page=page, per_page=page_size))
        rows = catalogue.rows(results)
        mandate = mandate_for_user(request.user)
        return {
            **search_page(results),
            "facets": facet_counts(results),
            "results": [programme_data(request, row.programme, mandate) for row in rows if row.programme is not None],
        }


@router.get("/eod/programmes/{programme_id}", response={200: ProgrammeDetail, **ERRORS}, summary="One EOD programme")
def get_programme(
    request: HttpRequest, programme_id: int = Path(..., ge=1, le=2**31 - 1), lang: Language | None = None
):
    with language(lang):
        programme = get_object_or_404(EodProgrammePage.objects.live().public(), pk=programme_id)
        documents = programme.documents.select_related("document__collection")
        return {
            **programme_data(request, programme, mandate_for_user(request.user)),
            "documents": [
                {"title": d.label, "url": absolute(request, d.document.url)} for d in documents if not d.restricted
            ],
        }

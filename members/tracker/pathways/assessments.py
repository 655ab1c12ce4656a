"""Recording alignment assessments: one each time a company's pledge or report is approved.

The labels come from `alignment.company_alignment` over the company's public
rows; the record keeps them with the methodology version, so the page can say
up, down or unchanged since the previous assessment, and the history survives
later changes of rule.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone

from members.models import AlignmentAssessment, Milestone, Pathway, PathwayKind, Pledge, ProgressReport
from members.tracker.pathways import alignment

ASSESSED_KINDS = (PathwayKind.CONTRACTION, PathwayKind.PEAK_THEN_NEUTRAL)


def benchmarks() -> list[alignment.Benchmark]:
    """The active pathways the labels use (sector intensity pathways are shown, not used)."""
    rows = Pathway.objects.filter(active=True, kind__in=ASSESSED_KINDS).order_by("ambition", "code")
    return [alignment.Benchmark.from_pathway(row) for row in rows]


def public_rows(company_id) -> tuple[list[Pledge], list[ProgressReport]]:
    milestones = Prefetch("milestones", queryset=Milestone.objects.order_by("year", "sort_order", "pk"))
    pledges = list(Pledge.objects.public().filter(company_id=company_id).prefetch_related(milestones).order_by("pk"))
    reports = list(ProgressReport.objects.public().filter(company_id=company_id).order_by("year"))
    return pledges, reports


def previous_ranks(assessment: AlignmentAssessment | None) -> dict[int, int] | None:
    if assessment is None:
        return None
    return {row["year"]: row["rank"] for row in assessment.results}


def latest(company_id) -> AlignmentAssessment | None:
    return AlignmentAssessment.objects.filter(company_id=company_id).order_by("-assessed_at", "-pk").first()


def record(company_id, trigger: str = "", when=None, rows=None) -> AlignmentAssessment:
    """Assess the company from its public rows (or the `rows` (pledges, reports) public at `when`)
    and keep the result, compared with the previous one."""
    when = when or timezone.now()
    previous = (
        AlignmentAssessment.objects.filter(company_id=company_id, assessed_at__lte=when)
        .order_by("-assessed_at", "-pk")
        .first()
    )
    pledges, reports = rows if rows is not None else public_rows(company_id)
    result = alignment.company_alignment(
        pledges, reports, benchmarks(), timezone.localdate(when).year, previous_ranks(previous)
    )
    head = result.headline
    return AlignmentAssessment.objects.create(
        company_id=company_id,
        assessed_at=when,
        methodology_version=alignment.METHODOLOGY_VERSION,
        trigger=trigger[:255],
        headline_year=head.year,
        headline=head.label,
        headline_rank=head.rank,
        direction=head.direction,
        disclosure=result.disclosure,
        results=[year.as_record() for year in result.years],
    )

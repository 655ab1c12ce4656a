"""What the tracker's pages show of alignment, disclosure, peers and provenance.

Built from already-loaded public rows (or the rows of a snapshot), so the
company page, its dated snapshot and the sector page agree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from wagtail.documents import get_document_model

from members.cache_tags import sector_tag
from members.models import AlignmentAssessment, MemberCompany, Milestone, Pledge, ProgressReport, provenance
from members.tracker import trajectory
from members.tracker.charts import Marked, Series
from members.tracker.pathways import alignment, assessments
from members.tracker.pathways.alignment import Direction, Disclosure
from portal import page_cache


@dataclass(frozen=True)
class YearRow:
    year: int
    label: str
    label_text: str
    reason: str
    direction: str
    direction_text: str
    is_headline: bool


@dataclass(frozen=True)
class AlignmentView:
    rows: list[YearRow]
    headline: YearRow
    disclosure: str
    disclosure_text: str
    assessment: AlignmentAssessment | None
    result: alignment.CompanyAlignment
    methodology_version: str

    @property
    def recorded(self) -> bool:
        return self.assessment is not None


def year_result(record: dict) -> alignment.YearResult:
    def number(value):
        return None if value is None else Decimal(value)

    return alignment.YearResult(
        year=record["year"],
        label=record["label"],
        rank=record["rank"],
        emissions=number(record.get("emissions")),
        source=record.get("source"),
        level=number(record.get("level")),
        pathway=record.get("pathway"),
        direction=record.get("direction", Direction.FIRST),
    )


def alignment_view(
    pledges, reports, benchmarks, today_year: int, assessment: AlignmentAssessment | None
) -> AlignmentView:
    """The latest recorded assessment's labels (with up / down / unchanged), or the labels worked out now
    when none is recorded yet; the path and base always come from the rows given."""
    result = alignment.company_alignment(pledges, reports, benchmarks, today_year)
    head_year = alignment.headline_year(today_year)  # the next milestone year as of the page's date
    if assessment is not None:
        years = [year_result(record) for record in assessment.results]
        disclosure, version = assessment.disclosure, assessment.methodology_version
    else:
        years, disclosure, version = result.years, result.disclosure, alignment.METHODOLOGY_VERSION
    rows = [
        YearRow(
            r.year,
            r.label,
            alignment.label_text(r.label, benchmarks),
            alignment.reason_text(r, benchmarks),
            r.direction,
            str(Direction(r.direction).label) if r.direction in Direction.values else "",
            r.year == head_year,
        )
        for r in years
    ]
    headline = next((row for row in rows if row.is_headline), rows[0])
    return AlignmentView(
        rows,
        headline,
        disclosure,
        str(Disclosure(disclosure).label) if disclosure in Disclosure.values else disclosure,
        assessment,
        result,
        version,
    )


def change_since_base(result: alignment.CompanyAlignment) -> Decimal | None:
    """Latest reported Scope 1+2 against the base, in whole percent (negative is a cut)."""
    if result.base is None or not result.path.reported or not result.base[1]:
        return None
    latest = result.path.reported[max(result.path.reported)]
    return ((Decimal(latest) - result.base[1]) * 100 / result.base[1]).quantize(Decimal(1), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Peer:
    company: MemberCompany
    latest_year: int | None
    latest: Decimal | None
    change: Decimal | None
    alignment: AlignmentView


def peers(sector: str, today_year: int) -> list[Peer]:
    """Every member of a sector with its latest emissions, change since its base and labels,
    the biggest cut first (companies without a change last)."""
    milestones = Prefetch("milestones", queryset=Milestone.objects.order_by("year", "sort_order", "pk"))
    latest_assessments = AlignmentAssessment.objects.filter(company__sector=sector).order_by(
        "company_id", "-assessed_at", "-pk"
    )
    recorded = {}
    for assessment in latest_assessments:
        recorded.setdefault(assessment.company_id, assessment)
    companies = MemberCompany.objects.filter(sector=sector).prefetch_related(
        Prefetch(
            "pledges",
            queryset=Pledge.objects.public().prefetch_related(milestones).order_by("pk"),
            to_attr="public_pledges",
        ),
        Prefetch("reports", queryset=ProgressReport.objects.public().order_by("year"), to_attr="public_reports"),
    )
    benchmarks = assessments.benchmarks()
    rows = []
    for company in companies.order_by("name_en", "pk"):
        view = alignment_view(
            company.public_pledges, company.public_reports, benchmarks, today_year, recorded.get(company.pk)
        )
        reported = view.result.path.reported
        year = max(reported) if reported else None
        rows.append(Peer(company, year, reported.get(year), change_since_base(view.result), view))
    rows.sort(key=lambda p: (p.change is None, p.change if p.change is not None else 0, p.company.name_en))
    return rows


@dataclass(frozen=True)
class Position:
    rank: int
    count: int


def position(sector: str, company_id, today_year: int) -> Position | None:
    """The company's place among its sector's peers that have a change since their base. Every company page of
    the sector shows the same ranking, so it is worked out once per change in the sector, not on each page."""
    ranked = page_cache.kept_per_tags(
        f"tracker:ranking:{sector}:{today_year}",
        [sector_tag(sector)],
        lambda: [peer.company.pk for peer in peers(sector, today_year) if peer.change is not None],
    )
    if company_id not in ranked:
        return None
    return Position(ranked.index(company_id) + 1, len(ranked))


def report_provenance(reports) -> list[dict]:
    """Each report with the provenance of its figures, newest first, for the page's table
    (reports without any provenance stated are left out)."""
    rows = [{"report": report, "figures": provenance.entries(report)} for report in reports if report.provenance]
    ids = {figure["document"] for row in rows for figure in row["figures"] if figure["document"]}
    titles = dict(get_document_model().objects.filter(pk__in=ids).values_list("pk", "title")) if ids else {}
    for row in rows:
        for figure in row["figures"]:
            figure["document_title"] = titles.get(figure["document"], "")
    return rows


def chart_series(view: AlignmentView, benchmarks, shown: set[str], last_year: int) -> list[Series]:
    """The shown pathways as chart series, each keeping its colour among all pathways."""
    result = view.result
    series = []
    for index, benchmark in enumerate(benchmarks):
        if benchmark.code not in shown:
            continue
        points = alignment.pathway_points(benchmark, result.base, result.path, last_year)
        if points:
            series.append(Series(benchmark.code, benchmark.label, points, index))
    return series


def marked_years(reports) -> dict[int, Marked]:
    """Years whose Scope 1+2 rests on an estimated or restated figure, with the earlier Scope 1+2 of a restatement."""
    marked = {}
    for report in reports:
        basis = provenance.scope_1_2_basis(report)
        if basis == provenance.Basis.ESTIMATED:
            marked[report.year] = Marked("estimated")
        elif basis == provenance.Basis.RESTATED:
            marked[report.year] = Marked("restated", earlier_scope_1_2(report))
    return marked


def earlier_scope_1_2(report) -> Decimal | None:
    """Scope 1+2 as first reported, from the earlier figures a restatement keeps."""
    if report.scope_1_2 is None:
        return None
    data = report.provenance or {}
    scope_2 = "scope_2_market" if report.scope_2_market is not None else "scope_2_location"
    total = Decimal(0)
    changed = False
    for name in ("scope_1", scope_2):
        earlier = (data.get(name) or {}).get("earlier")
        changed |= bool(earlier)
        total += Decimal(earlier) if earlier else Decimal(getattr(report, name))
    return total if changed else None


def earlier_targets(changes, pledges) -> list[trajectory.Line]:
    """Lines of targets as they were published before a later revision changed them."""
    current = {str(p.pk): trajectory.line_for(p) for p in pledges}
    pledge_type = ContentType.objects.get_for_model(Pledge).pk
    lines = []
    for change in changes:
        if change.revision is None or change.object_id not in current or change.content_type_id != pledge_type:
            continue
        line = trajectory.line_for(change.revision.as_object())
        if line is not None and line != current[change.object_id] and line not in lines:
            lines.append(line)
    return lines


@dataclass(frozen=True)
class OpenData:
    """A company's alignment, disclosure and latest report provenance, for the downloads and the API."""

    labels: dict[int, str]  # milestone year -> label code
    label_texts: dict[int, str]
    directions: dict[int, str]
    disclosure: str
    methodology_version: str
    assessed_at: object
    latest_report_year: int | None
    latest_provenance: dict

    def record(self) -> dict:
        return {
            "methodology_version": self.methodology_version,
            "assessed_at": self.assessed_at.isoformat(timespec="seconds") if self.assessed_at else None,
            "disclosure": self.disclosure,
            "alignment": [
                {
                    "year": year,
                    "label": self.labels[year],
                    "label_text": self.label_texts[year],
                    "direction": self.directions[year],
                }
                for year in sorted(self.labels)
            ],
            "latest_report": {"year": self.latest_report_year, "provenance": self.latest_provenance}
            if self.latest_report_year
            else None,
        }


def open_data(company_ids, today_year: int) -> dict[int, OpenData]:
    """Open data for many companies in a few queries: recorded assessments, worked out now where none is."""
    ids = list(company_ids)
    recorded = {}
    for assessment in AlignmentAssessment.objects.filter(company_id__in=ids).order_by(
        "company_id", "-assessed_at", "-pk"
    ):
        recorded.setdefault(assessment.company_id, assessment)
    latest_reports = {}
    for report in ProgressReport.objects.public().filter(company_id__in=ids).order_by("company_id", "-year"):
        latest_reports.setdefault(report.company_id, report)
    benchmarks = assessments.benchmarks()
    result = {}
    for pk in ids:
        assessment = recorded.get(pk)
        if assessment is not None:
            years = [year_result(record) for record in assessment.results]
            disclosure, version, when = assessment.disclosure, assessment.methodology_version, assessment.assessed_at
        else:
            pledges, reports = assessments.public_rows(pk)
            worked = alignment.company_alignment(pledges, reports, benchmarks, today_year)
            years, disclosure, version, when = worked.years, worked.disclosure, alignment.METHODOLOGY_VERSION, None
        report = latest_reports.get(pk)
        result[pk] = OpenData(
            labels={r.year: r.label for r in years},
            label_texts={r.year: alignment.label_text(r.label, benchmarks) for r in years},
            directions={r.year: r.direction for r in years},
            disclosure=disclosure,
            methodology_version=version,
            assessed_at=when,
            latest_report_year=report.year if report else None,
            latest_provenance=(report.provenance or {}) if report else {},
        )
    return result

"""Is a company's emissions path enough? The alignment rule, stated once.

Pure functions over plain values: the tracker, the recorded assessments, the
exports and the API all call `company_alignment`, and the rule is tested as a
table of cases (tests/members/test_alignment.py). The same rule is printed on
the methodology page from `RULE_TEXT`.

The rule:

- The company's path E(year) is its reported Scope 1+2 emissions for a year it
  has reported; for a year after its latest report, the lowest level any of its
  targets still ahead gives for that year, each drawn in straight lines from
  the latest reported figure through its remaining interim milestones to its
  target value (and flat after the target year); with no report yet, from the
  target's baseline. A target whose year has passed projects nothing. Targets count when they could serve for the trajectory:
  tCO2e, Scope 1 and 2 without Scope 3, with a baseline and a target value
  (`trajectory.is_reference_candidate`).
- The base is the baseline (year, value) of the target with the earliest
  baseline year, or the earliest report when there is no such target.
- An absolute contraction pathway at r % a year allows, in a year Y,
  base value × (1 − r/100 × (Y − base year)), and never less than zero.
- A peak-then-net-zero pathway (China's goals: peak by 2030, neutral by 2060)
  sets no level up to its peak year; after it, the company's own level in the
  peak year, falling in a straight line to zero in the net-zero year.
- For each milestone year the label is that of the most ambitious pathway
  (lowest ambition rank) whose level E(Y) is at or below; "not aligned" when
  it is above all of them; "not enough data" when E(Y) is unknown (no report
  for that year and no target reaching it, or a year before the base).
- Sector intensity pathways are published with their source but not used in
  the labels: progress reports carry no production figures to divide by.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import PathwayKind, PledgeStatus, Unit
from members.tracker import trajectory

METHODOLOGY_VERSION = "2026.1"
MILESTONE_YEARS = (2025, 2030, 2035, 2050)
NOT_ALIGNED = "not_aligned"
NOT_ENOUGH_DATA = "not_enough_data"


class Direction(models.TextChoices):
    FIRST = "first", gettext_lazy("First assessment")
    UP = "up", gettext_lazy("Up")
    DOWN = "down", gettext_lazy("Down")
    UNCHANGED = "unchanged", gettext_lazy("Unchanged")


class Disclosure(models.TextChoices):
    ALL = "all", gettext_lazy("Reports progress on all targets")
    SOME = "some", gettext_lazy("Reports progress on some targets")
    NONE = "none", gettext_lazy("Reports progress on no target")
    NO_TARGETS = "no_targets", gettext_lazy("No target to report on")


RULE_TEXT = [
    gettext_lazy(
        "The company’s path: its reported Scope 1+2 emissions for each year it has reported; for the years after its "
        "latest report, the lowest level any of its targets still ahead gives for that year, each drawn in straight "
        "lines from the latest reported figure through its remaining interim milestones to its target value, and "
        "staying at that value afterwards (from the target’s baseline when nothing is reported yet). Targets count "
        "when they are in tCO₂e and cover Scope 1 and 2 without Scope 3, with a baseline and a target value."
    ),
    gettext_lazy(
        "The base: the baseline year and value of the target with the earliest baseline, or the earliest report "
        "when the company has no such target."
    ),
    gettext_lazy(
        "An absolute contraction pathway that cuts r % a year allows, in a year Y, the base value × (1 − r % × (Y − base year)), "
        "never less than zero."
    ),
    gettext_lazy(
        "China’s pathway sets no level before its peak year (2030). After it, the company’s own level in 2030 is the "
        "most it may emit, falling in a straight line to zero in 2060."
    ),
    gettext_lazy(
        "For each milestone year the label is that of the most ambitious pathway the company’s path is at or below; "
        "“not aligned” when it is above every pathway; “not enough data” when the path is unknown for that year "
        "(no report for the year and no target reaching it)."
    ),
    gettext_lazy(
        "Each approval of a pledge or report records a new assessment. Up, down or unchanged compares the label for "
        "each milestone year with the previous assessment: a more ambitious pathway is up; not enough data ranks last."
    ),
]

DISCLOSURE_TEXT = gettext_lazy(
    "A target’s progress is reported when a published report for a year after its baseline year gives the figures "
    "the target covers: Scope 1, Scope 2 (market- or location-based) and Scope 3 for tCO₂e targets, the renewable "
    "share for renewable electricity targets. Intensity targets cannot be followed from the reports, which carry no "
    "production figures. Withdrawn targets do not count."
)


@dataclass(frozen=True)
class Benchmark:
    """A pathway's rule as plain values (from a `Pathway` row or a test's table)."""

    code: str
    label: str
    kind: str
    ambition: int
    annual_rate: Decimal | None = None
    peak_year: int | None = None
    neutral_year: int | None = None
    name: str = ""

    @classmethod
    def from_pathway(cls, pathway) -> Benchmark:
        return cls(
            pathway.code,
            pathway.label,
            pathway.kind,
            pathway.ambition,
            pathway.annual_rate,
            pathway.peak_year,
            pathway.neutral_year,
            pathway.name,
        )

    def level(self, year: int, base: tuple[int, Decimal] | None, path: Path) -> Decimal | None:
        """The most the company may emit in `year` on this pathway; None when the pathway sets no level
        that year (before the peak) and `UNKNOWN` when the company's data cannot anchor it."""
        if self.kind == PathwayKind.CONTRACTION:
            if base is None or year < base[0]:
                return UNKNOWN
            share = 1 - Decimal(self.annual_rate) / 100 * (year - base[0])
            return max(Decimal(0), Decimal(base[1]) * share)
        if self.kind == PathwayKind.PEAK_THEN_NEUTRAL:
            if year <= self.peak_year:
                return None
            peak = path.value_at(self.peak_year)
            if peak is None:
                return UNKNOWN
            if year >= self.neutral_year:
                return Decimal(0)
            return peak * (self.neutral_year - year) / (self.neutral_year - self.peak_year)
        return UNKNOWN


UNKNOWN = Decimal("-1")  # a level no emissions can be at or below


@dataclass(frozen=True)
class TargetPath:
    """One target as straight lines through (year, value) points, flat after the last."""

    points: tuple[tuple[int, Decimal], ...]

    def value_at(self, year: int) -> Decimal | None:
        if year < self.points[0][0]:
            return None
        for (y1, v1), (y2, v2) in zip(self.points, self.points[1:], strict=False):
            if y1 <= year <= y2:
                return v1 + (v2 - v1) * Decimal(year - y1) / Decimal(y2 - y1)
        return self.points[-1][1]


def target_path(pledge) -> TargetPath | None:
    if not trajectory.is_reference_candidate(pledge):
        return None
    points = {pledge.baseline_year: Decimal(pledge.baseline_value)}
    for milestone in pledge.milestones.all():
        if milestone.value is not None and pledge.baseline_year < milestone.year < pledge.target_year:
            points[milestone.year] = Decimal(milestone.value)
    points[pledge.target_year] = Decimal(pledge.target_value)
    return TargetPath(tuple(sorted(points.items())))


@dataclass(frozen=True)
class Path:
    """The company's path E(year): reported figures, then the lowest of its targets."""

    reported: Mapping[int, Decimal]
    targets: Sequence[TargetPath] = ()

    @property
    def latest_report(self) -> int | None:
        return max(self.reported) if self.reported else None

    def projections(self) -> list[TargetPath]:
        """Each target still ahead of the latest report, drawn from the latest reported figure
        through its remaining milestones to its target; every target as pledged when nothing is reported."""
        latest = self.latest_report
        if latest is None:
            return list(self.targets)
        start = (latest, Decimal(self.reported[latest]))
        return [
            TargetPath((start, *ahead))
            for target in self.targets
            if (ahead := tuple(point for point in target.points if point[0] > latest))
        ]

    def source_at(self, year: int) -> str | None:
        """ "reported", "target" or None (unknown)."""
        if year in self.reported:
            return "reported"
        if self.latest_report is not None and year < self.latest_report:
            return None
        return "target" if any(t.value_at(year) is not None for t in self.projections()) else None

    def value_at(self, year: int) -> Decimal | None:
        source = self.source_at(year)
        if source == "reported":
            return Decimal(self.reported[year])
        if source == "target":
            return min(v for t in self.projections() if (v := t.value_at(year)) is not None)
        return None


def base_of(path: Path, pledges: Iterable) -> tuple[int, Decimal] | None:
    candidates = [p for p in pledges if trajectory.is_reference_candidate(p)]
    if candidates:
        first = min(candidates, key=lambda p: (p.baseline_year, p.pk or 0))
        return first.baseline_year, Decimal(first.baseline_value)
    if path.reported:
        year = min(path.reported)
        return year, Decimal(path.reported[year])
    return None


@dataclass(frozen=True)
class YearResult:
    year: int
    label: str  # a pathway code, NOT_ALIGNED or NOT_ENOUGH_DATA
    rank: int
    emissions: Decimal | None = None
    source: str | None = None  # "reported" or "target"
    level: Decimal | None = None  # the met pathway's level, or the least ambitious one's when not aligned
    pathway: str | None = None  # the code `level` belongs to
    direction: str = Direction.FIRST

    def as_record(self) -> dict:
        def text(value):
            return None if value is None else str(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))

        return {
            "year": self.year,
            "label": self.label,
            "rank": self.rank,
            "emissions": text(self.emissions),
            "source": self.source,
            "level": text(self.level),
            "pathway": self.pathway,
            "direction": self.direction,
        }


def align(path: Path, base: tuple[int, Decimal] | None, benchmarks: Sequence[Benchmark], year: int) -> YearResult:
    """The label for one milestone year: the rule in the module docstring."""
    ordered = sorted(benchmarks, key=lambda b: (b.ambition, b.code))
    worst = len(ordered) + 2
    emissions = path.value_at(year)
    if emissions is None or base is None or year < base[0]:
        return YearResult(year, NOT_ENOUGH_DATA, worst)
    source = path.source_at(year)
    last = None
    for rank, benchmark in enumerate(ordered, start=1):
        level = benchmark.level(year, base, path)
        if level is None or emissions <= level:
            return YearResult(year, benchmark.code, rank, emissions, source, level, benchmark.code)
        if level != UNKNOWN:
            last = (level, benchmark.code)
    level, code = last if last else (None, None)
    return YearResult(year, NOT_ALIGNED, worst - 1, emissions, source, level, code)


def direction(previous_rank: int | None, rank: int) -> str:
    if previous_rank is None:
        return Direction.FIRST
    if rank < previous_rank:
        return Direction.UP
    if rank > previous_rank:
        return Direction.DOWN
    return Direction.UNCHANGED


def headline_year(today_year: int) -> int:
    """The first milestone year not yet past (the last one once all have passed)."""
    return next((year for year in MILESTONE_YEARS if year >= today_year), MILESTONE_YEARS[-1])


def covers_progress(pledge, report) -> bool:
    """Whether `report` gives the figures needed to follow `pledge`."""
    if pledge.baseline_year is not None and report.year <= pledge.baseline_year:
        return False
    if pledge.pledge_type == "intensity_reduction":
        return False
    if pledge.unit == Unit.PERCENT:
        return report.renewable_share is not None
    figures = {
        1: report.scope_1,
        2: report.scope_2_market if report.scope_2_market is not None else report.scope_2_location,
        3: report.scope_3,
    }
    return all(figures[scope] is not None for scope in pledge.scopes)


def disclosure(pledges: Iterable, reports: Iterable) -> str:
    """SBTi-style: does the company report progress on all, some or none of its targets?"""
    targets = [p for p in pledges if p.status != PledgeStatus.WITHDRAWN]
    if not targets:
        return Disclosure.NO_TARGETS
    reports = list(reports)
    followed = sum(1 for p in targets if any(covers_progress(p, r) for r in reports))
    if followed == len(targets):
        return Disclosure.ALL
    return Disclosure.SOME if followed else Disclosure.NONE


@dataclass(frozen=True)
class CompanyAlignment:
    path: Path
    base: tuple[int, Decimal] | None
    years: list[YearResult]
    headline: YearResult
    disclosure: str
    benchmarks: Sequence[Benchmark] = field(default_factory=tuple)


def company_alignment(
    pledges: Iterable,
    reports: Iterable,
    benchmarks: Sequence[Benchmark],
    today_year: int,
    previous: Mapping[int, int] | None = None,
) -> CompanyAlignment:
    """Every milestone year's label for a company, from its already-loaded public rows.

    `previous` maps milestone years to the ranks of the last assessment, for up / down / unchanged.
    """
    pledges, reports = list(pledges), list(reports)
    path = Path(
        trajectory.scope_1_2_by_year(reports),
        tuple(t for p in pledges if (t := target_path(p)) is not None),
    )
    base = base_of(path, pledges)
    years = []
    for year in MILESTONE_YEARS:
        result = align(path, base, benchmarks, year)
        before = previous.get(year) if previous is not None else None
        years.append(replace(result, direction=direction(before, result.rank)))
    head = next(r for r in years if r.year == headline_year(today_year))
    return CompanyAlignment(path, base, years, head, disclosure(pledges, reports), tuple(benchmarks))


def pathway_points(
    benchmark: Benchmark, base: tuple[int, Decimal] | None, path: Path, last_year: int
) -> tuple[tuple[int, Decimal], ...]:
    """The corners of a pathway's line for this company, up to `last_year`, for the chart."""
    if benchmark.kind == PathwayKind.CONTRACTION:
        if base is None or last_year <= base[0]:
            return ()
        zero_year = base[0] + math.ceil(Decimal(100) / Decimal(benchmark.annual_rate))
        end = min(last_year, zero_year)
        return ((base[0], Decimal(base[1])), (end, benchmark.level(end, base, path)))
    if benchmark.kind == PathwayKind.PEAK_THEN_NEUTRAL:
        peak = path.value_at(benchmark.peak_year)
        if peak is None or last_year <= benchmark.peak_year:
            return ()
        end = min(last_year, benchmark.neutral_year)
        return ((benchmark.peak_year, peak), (end, benchmark.level(end, base, path)))
    return ()


def label_text(code: str, benchmarks: Sequence[Benchmark]) -> str:
    if code == NOT_ALIGNED:
        return _("Not aligned")
    if code == NOT_ENOUGH_DATA:
        return _("Not enough data")
    for benchmark in benchmarks:
        if benchmark.code == code:
            return benchmark.label
    return code


def reason_text(result: YearResult, benchmarks: Sequence[Benchmark]) -> str:
    """Why a year got its label, in a sentence with the figures."""
    names = {b.code: b.name or b.label for b in benchmarks}
    values = {
        "year": result.year,
        "emissions": _tonnes(result.emissions),
        "level": _tonnes(result.level),
        "pathway": names.get(result.pathway or "", result.pathway or ""),
    }
    if result.label == NOT_ENOUGH_DATA:
        return (
            _("No report for %(year)s and no Scope 1+2 target in tCO₂e reaching %(year)s, so the path is unknown.")
            % values
        )
    what = (
        _("Reported Scope 1+2 in %(year)s: %(emissions)s tCO₂e")
        if result.source == "reported"
        else _("Level its targets give for %(year)s: %(emissions)s tCO₂e")
    ) % values
    if result.label == NOT_ALIGNED:
        if result.level is None:
            return what + "; " + _("above every pathway.")
        return what + "; " + _("above the %(level)s tCO₂e the least ambitious pathway allows (%(pathway)s).") % values
    if result.level is None:
        return what + "; " + _("the pathway “%(pathway)s” sets no level before its peak year.") % values
    return what + "; " + _("at or below the %(level)s tCO₂e allowed by the pathway “%(pathway)s”.") % values


def _tonnes(value: Decimal | None) -> str:
    if value is None:
        return "–"
    return number_format(value.quantize(Decimal(1), rounding=ROUND_HALF_UP), decimal_pos=0, force_grouping=True)

"""Is a company on track? Reported Scope 1+2 emissions against the straight line
from a pledge's baseline to its target.

Pure functions over plain values and already-loaded objects: no queries, so
the tracker can label a whole page of companies from prefetched rows, and the
rule is tested as a table of cases.

The rule, as printed on the company page (`RULE_TEXT`):

- The reference pledge is a public, not withdrawn pledge in tCO2e covering
  Scope 1 and Scope 2 and not Scope 3 (a baseline that includes Scope 3 cannot
  be compared with reported Scope 1+2), of type operational neutrality,
  supply-chain neutrality, net zero or absolute reduction (an emissions peak
  or an intensity target is not a straight line to a level), with a baseline
  year and value, a target value, and a target year after the baseline year.
  Of those, the first target still ahead of the latest report (earliest
  target year at or after it) is chosen; when every target year has passed,
  the latest one. Ties go to the earliest-created pledge.
- The trajectory is the straight line from (baseline year, baseline value) to
  (target year, target value), and stays at the target value after the
  target year.
- On track: the latest reported Scope 1+2 (a year after the baseline year) is
  at or below the trajectory value for that year. Off track: above it.
  Not enough data: no reference pledge, or no report after the baseline year
  with both Scope 1 and Scope 2 figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import PledgeStatus, PledgeType, Unit

TRAJECTORY_TYPES = (
    PledgeType.OPERATIONAL_NEUTRALITY,
    PledgeType.SUPPLY_CHAIN_NEUTRALITY,
    PledgeType.NET_ZERO,
    PledgeType.ABSOLUTE_REDUCTION,
)


class Progress(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    OFF_TRACK = "off_track", _("Off track")
    NOT_ENOUGH_DATA = "not_enough_data", _("Not enough data")


RULE_TEXT = [
    _(
        "Reference pledge: a published pledge in tCO2e that covers Scope 1 and Scope 2 but not Scope 3, "
        "of type operational carbon neutrality, supply-chain carbon neutrality, net zero or absolute reduction, "
        "with a baseline year and value and a target value. When there are several, the one with the earliest "
        "target year still ahead of the latest report is used (or the latest target, when all have passed)."
    ),
    _(
        "Trajectory: the straight line from the baseline (year, emissions) to the target (year, emissions); "
        "after the target year it stays at the target value."
    ),
    _(
        "On track when the latest reported Scope 1+2 emissions are at or below the trajectory for that year, "
        "off track when they are above it. Not enough data when there is no reference pledge or no report "
        "after the baseline year with both Scope 1 and Scope 2 figures."
    ),
    _(
        "Scope 1+2 is Scope 1 plus market-based Scope 2, or location-based Scope 2 when no market-based figure was reported."
    ),
]


@dataclass(frozen=True)
class Line:
    """A straight-line trajectory from a baseline to a target."""

    baseline_year: int
    baseline_value: Decimal
    target_year: int
    target_value: Decimal

    def value_at(self, year: int) -> Decimal | None:
        """The trajectory value for `year`: None before the baseline, the target value after the target year."""
        if year < self.baseline_year:
            return None
        if year >= self.target_year:
            return self.target_value
        share = Decimal(year - self.baseline_year) / Decimal(self.target_year - self.baseline_year)
        return self.baseline_value + (self.target_value - self.baseline_value) * share


def gap_between(reported: Decimal | None, expected: Decimal | None) -> Decimal | None:
    """Reported minus trajectory, in tCO2e: negative means below (better than) the trajectory."""
    if reported is None or expected is None:
        return None
    return reported - expected


@dataclass(frozen=True)
class Assessment:
    status: Progress
    year: int | None = None
    reported: Decimal | None = None
    expected: Decimal | None = None

    @property
    def label(self) -> str:
        return self.status.label

    @property
    def gap(self) -> Decimal | None:
        return gap_between(self.reported, self.expected)

    @property
    def gap_percent(self) -> Decimal | None:
        """The gap as a share of the trajectory value, rounded to a whole percent."""
        if self.gap is None or not self.expected:
            return None
        return (self.gap * 100 / self.expected).quantize(Decimal(1), rounding=ROUND_HALF_UP)

    @property
    def gap_abs(self) -> Decimal | None:
        return abs(self.gap) if self.gap is not None else None

    @property
    def gap_percent_abs(self) -> Decimal | None:
        return abs(self.gap_percent) if self.gap_percent is not None else None


NOT_ENOUGH_DATA = Assessment(Progress.NOT_ENOUGH_DATA)


def line_for(pledge) -> Line | None:
    """The trajectory of a pledge, or None when the pledge cannot serve as a Scope 1+2 reference."""
    if not is_reference_candidate(pledge):
        return None
    return Line(pledge.baseline_year, Decimal(pledge.baseline_value), pledge.target_year, Decimal(pledge.target_value))


def is_reference_candidate(pledge) -> bool:
    return (
        pledge.pledge_type in TRAJECTORY_TYPES
        and pledge.status != PledgeStatus.WITHDRAWN
        and pledge.unit == Unit.TONNES
        and pledge.scope_1
        and pledge.scope_2
        and not pledge.scope_3
        and pledge.baseline_year is not None
        and pledge.baseline_value is not None
        and pledge.target_value is not None
        and pledge.target_year is not None
        and pledge.target_year > pledge.baseline_year
    )


def choose_pledge(pledges: Iterable, latest_report_year: int | None):
    """The reference pledge among `pledges` (see the module docstring), or None."""
    candidates = [pledge for pledge in pledges if is_reference_candidate(pledge)]
    if not candidates:
        return None
    reference = latest_report_year if latest_report_year is not None else min(p.baseline_year for p in candidates)
    ahead = [p for p in candidates if p.target_year >= reference]
    if ahead:
        return min(ahead, key=lambda p: (p.target_year, p.pk or 0))
    return min(candidates, key=lambda p: (-p.target_year, p.pk or 0))


def assess(line: Line | None, reported: Mapping[int, Decimal | None]) -> Assessment:
    """On track, off track or not enough data, for reported Scope 1+2 by year against `line`."""
    if line is None:
        return NOT_ENOUGH_DATA
    years = [year for year, value in reported.items() if value is not None and year > line.baseline_year]
    if not years:
        return NOT_ENOUGH_DATA
    year = max(years)
    value = Decimal(reported[year])
    expected = line.value_at(year)
    status = Progress.ON_TRACK if value <= expected else Progress.OFF_TRACK
    return Assessment(status, year, value, expected)


def scope_1_2_by_year(reports: Iterable) -> dict[int, Decimal]:
    """Reported Scope 1+2 keyed by year, leaving out years where it cannot be computed."""
    return {report.year: report.scope_1_2 for report in reports if report.scope_1_2 is not None}


def latest_year(reported: Mapping[int, Decimal]) -> int | None:
    return max(reported) if reported else None


@dataclass(frozen=True)
class CompanyProgress:
    """What the tracker shows for a company: the reference pledge, its line, and the label."""

    pledge: object | None
    line: Line | None
    reported: dict[int, Decimal]
    assessment: Assessment

    @property
    def status(self) -> Progress:
        return self.assessment.status


def company_progress(pledges: Iterable, reports: Iterable) -> CompanyProgress:
    """Choose the reference pledge and assess the company, from already-loaded public rows."""
    reported = scope_1_2_by_year(reports)
    pledge = choose_pledge(pledges, latest_year(reported))
    line = line_for(pledge) if pledge is not None else None
    return CompanyProgress(pledge, line, reported, assess(line, reported))

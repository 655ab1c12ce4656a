"""The on-track rule, as a table of cases: pure functions, no database."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from members.models import ProgressReport
from members.tracker.trajectory import (
    Line,
    Progress,
    assess,
    choose_pledge,
    company_progress,
    is_reference_candidate,
    line_for,
    scope_1_2_by_year,
)

LINE = Line(baseline_year=2020, baseline_value=Decimal(100_000), target_year=2040, target_value=Decimal(0))


def pledge(**changes):
    """An unsaved pledge-like object with the attributes the rule reads."""
    values = {
        "pk": 1,
        "pledge_type": "operational_neutrality",
        "status": "in_progress",
        "unit": "tco2e",
        "scope_1": True,
        "scope_2": True,
        "scope_3": False,
        "baseline_year": 2020,
        "baseline_value": Decimal(100_000),
        "target_year": 2040,
        "target_value": Decimal(0),
    }
    values.update(changes)
    return SimpleNamespace(**values)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2019, None),  # before the baseline: no trajectory
        (2020, Decimal(100_000)),  # the baseline itself
        (2025, Decimal(75_000)),  # a quarter of the way
        (2030, Decimal(50_000)),
        (2040, Decimal(0)),  # the target
        (2045, Decimal(0)),  # after the target year it stays at the target
    ],
)
def test_trajectory_is_a_straight_line_from_baseline_to_target(year, expected):
    assert LINE.value_at(year) == expected


def test_trajectory_can_rise_for_a_target_above_the_baseline():
    line = Line(2020, Decimal(100), 2030, Decimal(200))
    assert line.value_at(2025) == Decimal(150)


@pytest.mark.parametrize(
    ("line", "reported", "status", "year"),
    [
        (None, {2023: Decimal(10)}, Progress.NOT_ENOUGH_DATA, None),  # no reference pledge
        (LINE, {}, Progress.NOT_ENOUGH_DATA, None),  # no report at all
        (LINE, {2019: Decimal(90_000), 2020: Decimal(1)}, Progress.NOT_ENOUGH_DATA, None),  # none after the baseline
        (LINE, {2025: None}, Progress.NOT_ENOUGH_DATA, None),  # a report without Scope 1+2
        (LINE, {2025: Decimal(70_000)}, Progress.ON_TRACK, 2025),  # below the line (75,000)
        (LINE, {2025: Decimal(75_000)}, Progress.ON_TRACK, 2025),  # exactly on the line
        (LINE, {2025: Decimal("75000.01")}, Progress.OFF_TRACK, 2025),  # just above
        (LINE, {2022: Decimal(99_000), 2025: Decimal(70_000)}, Progress.ON_TRACK, 2025),  # the latest year decides
        (LINE, {2022: Decimal(80_000), 2025: Decimal(80_000)}, Progress.OFF_TRACK, 2025),  # behind in the latest year
        (LINE, {2025: Decimal(70_000), 2026: None}, Progress.ON_TRACK, 2025),  # incomplete years are skipped
        (LINE, {2042: Decimal(1)}, Progress.OFF_TRACK, 2042),  # after the target year: compared with the target
        (LINE, {2042: Decimal(0)}, Progress.ON_TRACK, 2042),
    ],
)
def test_on_track_rule(line, reported, status, year):
    assessment = assess(line, reported)

    assert assessment.status == status
    assert assessment.year == year


def test_assessment_gives_the_gap_in_tonnes_and_percent():
    assessment = assess(LINE, {2030: Decimal(55_000)})

    assert assessment.expected == Decimal(50_000)
    assert assessment.gap == Decimal(5_000)
    assert assessment.gap_percent == Decimal(10)
    assert assessment.label == "Off track"


@pytest.mark.parametrize(
    ("changes", "eligible"),
    [
        ({}, True),
        ({"pledge_type": "net_zero"}, True),
        ({"pledge_type": "absolute_reduction", "target_value": Decimal(50_000)}, True),
        ({"pledge_type": "peak"}, False),  # a peak is not a line to a level
        ({"pledge_type": "intensity_reduction"}, False),
        ({"unit": "percent"}, False),
        ({"scope_3": True}, False),  # its baseline includes Scope 3
        ({"scope_2": False}, False),
        ({"status": "withdrawn"}, False),
        ({"baseline_year": None}, False),
        ({"baseline_value": None}, False),
        ({"target_value": None}, False),
        ({"target_year": 2020}, False),  # no time between baseline and target
    ],
)
def test_which_pledges_can_give_the_trajectory(changes, eligible):
    assert is_reference_candidate(pledge(**changes)) is eligible
    assert (line_for(pledge(**changes)) is not None) is eligible


def test_the_first_target_still_ahead_of_the_latest_report_is_chosen():
    soon = pledge(pk=1, pledge_type="absolute_reduction", target_year=2030, target_value=Decimal(50_000))
    later = pledge(pk=2, target_year=2040)
    passed = pledge(pk=3, pledge_type="absolute_reduction", target_year=2022, target_value=Decimal(90_000))
    scope_3 = pledge(pk=4, pledge_type="net_zero", target_year=2025, scope_3=True)

    assert choose_pledge([later, passed, scope_3, soon], latest_report_year=2024) is soon
    assert choose_pledge([later, passed, soon], latest_report_year=2031) is later
    # Every target has passed: the latest one.
    assert choose_pledge([passed, soon], latest_report_year=2035) is soon
    # No report yet: the earliest target.
    assert choose_pledge([later, soon, passed], latest_report_year=None) is passed
    assert choose_pledge([scope_3], latest_report_year=2024) is None


def test_ties_go_to_the_earliest_created_pledge():
    first, second = pledge(pk=7, pledge_type="net_zero"), pledge(pk=3)
    assert choose_pledge([first, second], 2024) is second


def test_company_progress_uses_scope_1_plus_market_based_scope_2():
    reports = [
        ProgressReport(
            year=2024, scope_1=Decimal(40_000), scope_2_market=Decimal(20_000), scope_2_location=Decimal(30_000)
        ),
        ProgressReport(year=2023, scope_1=Decimal(40_000), scope_2_location=Decimal(30_000)),  # location-based fallback
        ProgressReport(year=2022, scope_1=Decimal(40_000)),  # no Scope 2: left out
    ]
    assert scope_1_2_by_year(reports) == {2024: Decimal(60_000), 2023: Decimal(70_000)}

    progress = company_progress([pledge()], reports)

    assert progress.assessment.year == 2024
    assert progress.assessment.reported == Decimal(60_000)
    assert progress.assessment.expected == Decimal(80_000)  # 100,000 → 0 over 2020-2040: a fifth of the way in 2024
    assert progress.status == Progress.ON_TRACK

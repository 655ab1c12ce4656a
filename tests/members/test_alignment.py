"""The alignment rule as tables of cases: pure functions over plain values, no database."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from members.tracker.pathways.alignment import (
    NOT_ALIGNED,
    NOT_ENOUGH_DATA,
    Benchmark,
    Direction,
    Disclosure,
    Path,
    TargetPath,
    align,
    company_alignment,
    direction,
    disclosure,
    headline_year,
    reason_text,
)

BENCHMARKS = (
    Benchmark("1-5c", "Aligned with 1.5 °C", "contraction", 1, annual_rate=Decimal("4.2")),
    Benchmark("wb2c", "Below 2 °C", "contraction", 2, annual_rate=Decimal("2.5")),
    Benchmark("china", "China pathway", "peak_then_neutral", 3, peak_year=2030, neutral_year=2060),
)
BASE = (2020, Decimal(100))
D = Decimal


def path(reported=None, *targets):
    return Path({y: D(v) for y, v in (reported or {}).items()}, tuple(TargetPath(tuple(t)) for t in targets))


# 1.5 °C in 2025 allows 100 × (1 − 0.042 × 5) = 79; below 2 °C allows 87.5.
# China after 2030: the 2030 level falling to zero in 2060 (2035: 5/6 of it; 2050: 1/3).
NET_ZERO_2040 = ((2020, D(100)), (2040, D(0)))
CASES = [
    # (reported, targets, year, expected label, expected level)
    ({2025: 79}, (), 2025, "1-5c", D("79.0")),
    ({2025: 80}, (), 2025, "wb2c", D("87.50")),
    ({2025: 87.5}, (), 2025, "wb2c", D("87.50")),
    # above both contraction pathways in 2025, before China's peak: China sets no level yet
    ({2025: 95}, (), 2025, "china", None),
    # after the peak year without a 2030 figure or target: the China level cannot be anchored
    ({2035: 95}, (), 2035, NOT_ALIGNED, D("62.50")),
    # a target gives the path after the latest report
    ({2024: 90}, (NET_ZERO_2040,), 2030, "1-5c", D("58.0")),
    # milestones bend the target's line: 2030 at 90 is above 1.5 °C (58) and 2 °C (75), before China's peak
    ({2024: 95}, (((2020, D(100)), (2030, D(90)), (2050, D(0))),), 2030, "china", None),
    ({2024: 95}, (((2020, D(100)), (2030, D(70)), (2050, D(0))),), 2030, "wb2c", D("75.0")),
    # 2035: the target gives 52.5; 1.5 °C allows 37, below 2 °C 62.5
    ({2024: 95}, (((2020, D(100)), (2030, D(70)), (2050, D(0))),), 2035, "wb2c", D("62.50")),
    # China after 2030: the 2030 level falling to zero in 2060 (2035: 95 × 25/30 = 79.17)
    ({2024: 95}, (((2020, D(100)), (2030, D(95)), (2035, D(75)), (2060, D(0))),), 2035, "china", D("79.17")),
    ({2024: 95}, (((2020, D(100)), (2030, D(70)), (2035, D(65)), (2060, D(0))),), 2035, NOT_ALIGNED, D("58.33")),
    # the target is drawn from the latest report, not from its own baseline: 120 in 2024 to 0 in 2040 gives 75
    ({2024: 120}, (NET_ZERO_2040,), 2030, "wb2c", D("75.0")),
    ({2024: 130}, (NET_ZERO_2040,), 2030, "china", None),
    # a target whose year has passed projects nothing
    ({2024: 95}, (((2020, D(100)), (2023, D(90))),), 2030, NOT_ENOUGH_DATA, None),
    # with nothing reported, targets are drawn from their baseline
    ({}, (NET_ZERO_2040,), 2030, "1-5c", D("58.0")),
    # the lowest of several targets counts
    ({2024: 95}, (((2020, D(100)), (2050, D(80))), NET_ZERO_2040), 2050, "1-5c", D("0")),
    # no report for the year and no target reaching it
    ({2024: 95}, (), 2030, NOT_ENOUGH_DATA, None),
    # a year already reported past but not itself reported is not guessed
    ({2024: 95, 2026: 90}, (NET_ZERO_2040,), 2025, NOT_ENOUGH_DATA, None),
    ({}, (), 2025, NOT_ENOUGH_DATA, None),
]


@pytest.mark.parametrize(("reported", "targets", "year", "label", "level"), CASES)
def test_the_label_of_a_milestone_year(reported, targets, year, label, level):
    result = align(path(reported, *targets), BASE, BENCHMARKS, year)
    assert result.label == label
    if level is None:
        assert result.level is None
    else:
        assert result.level.quantize(D("0.01")) == level.quantize(D("0.01"))


def test_a_year_before_the_base_has_not_enough_data():
    assert align(path({2018: 50}), BASE, BENCHMARKS, 2018).label == NOT_ENOUGH_DATA


def test_contraction_never_allows_less_than_zero():
    result = align(path({}, ((2020, D(100)), (2050, D(0)))), BASE, BENCHMARKS, 2050)
    assert (result.label, result.level) == ("1-5c", D(0))


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (None, 3, Direction.FIRST),
        (3, 1, Direction.UP),
        (1, 3, Direction.DOWN),
        (2, 2, Direction.UNCHANGED),
        (5, 4, Direction.UP),  # from not enough data (last) to not aligned
    ],
)
def test_up_down_or_unchanged(before, after, expected):
    assert direction(before, after) == expected


@pytest.mark.parametrize(("today", "year"), [(2024, 2025), (2025, 2025), (2026, 2030), (2031, 2035), (2060, 2050)])
def test_the_headline_is_the_next_milestone_year(today, year):
    assert headline_year(today) == year


def pledge(**changes):
    values = {
        "pk": 1,
        "pledge_type": "operational_neutrality",
        "status": "in_progress",
        "unit": "tco2e",
        "scope_1": True,
        "scope_2": True,
        "scope_3": False,
        "baseline_year": 2020,
        "baseline_value": D(100),
        "target_year": 2040,
        "target_value": D(0),
        "milestones": SimpleNamespace(all=lambda: []),
    }
    values.update(changes)
    values["scopes"] = [n for n in (1, 2, 3) if values[f"scope_{n}"]]
    return SimpleNamespace(**values)


FIFTY, THIRTY = D(50), D(30)


def report(year, scope_1=FIFTY, scope_2_market=THIRTY, scope_2_location=None, scope_3=None, renewable_share=None):
    return SimpleNamespace(
        year=year,
        scope_1=scope_1,
        scope_2_market=scope_2_market,
        scope_2_location=scope_2_location,
        scope_3=scope_3,
        renewable_share=renewable_share,
        scope_1_2=scope_1 + (scope_2_market if scope_2_market is not None else scope_2_location)
        if scope_1 is not None
        else None,
    )


RENEWABLES = {"pledge_type": "renewable_electricity", "unit": "percent", "scope_1": False, "scope_2": True}
SCOPE_3 = {"pledge_type": "net_zero", "scope_3": True}
DISCLOSURE_CASES = [
    ([], [report(2024)], Disclosure.NO_TARGETS),
    ([pledge()], [], Disclosure.NONE),
    ([pledge()], [report(2024)], Disclosure.ALL),
    ([pledge()], [report(2020)], Disclosure.NONE),  # the baseline year itself is not progress
    ([pledge(), pledge(**SCOPE_3)], [report(2024)], Disclosure.SOME),
    ([pledge(), pledge(**SCOPE_3)], [report(2024, scope_3=D(900))], Disclosure.ALL),
    ([pledge(**RENEWABLES)], [report(2024)], Disclosure.NONE),
    ([pledge(**RENEWABLES)], [report(2024, renewable_share=D(40))], Disclosure.ALL),
    ([pledge(pledge_type="intensity_reduction")], [report(2024)], Disclosure.NONE),
    ([pledge(), pledge(status="withdrawn", **SCOPE_3)], [report(2024)], Disclosure.ALL),
    ([pledge()], [report(2024, scope_2_market=None, scope_2_location=D(20))], Disclosure.ALL),
    ([pledge()], [report(2024, scope_1=None)], Disclosure.NONE),
]


@pytest.mark.parametrize(("pledges", "reports", "expected"), DISCLOSURE_CASES)
def test_disclosure_status(pledges, reports, expected):
    assert disclosure(pledges, reports) == expected


def test_a_company_is_assessed_for_every_milestone_year_with_reasons():
    milestone = SimpleNamespace(year=2030, value=D(50))
    pledges = [pledge(baseline_year=2020, milestones=SimpleNamespace(all=lambda: [milestone]))]
    result = company_alignment(pledges, [report(2024, D(60), D(20))], BENCHMARKS, 2026, previous={2030: 3})
    labels = {r.year: r.label for r in result.years}
    # 2025: no report for 2025 and 2024 is the latest, so the target gives 2025 (75): 1.5 °C allows 79
    assert labels == {2025: "1-5c", 2030: "1-5c", 2035: "1-5c", 2050: "1-5c"}
    assert result.headline.year == 2030
    assert result.headline.direction == Direction.UP
    assert result.base == (2020, D(100))
    assert result.disclosure == Disclosure.ALL
    text = reason_text(result.headline, BENCHMARKS)
    assert "2030" in text
    assert "Aligned with 1.5 °C" in text
    assert "50" in text


def test_the_reason_for_not_enough_data_names_the_year():
    result = align(path({}), BASE, BENCHMARKS, 2035)
    assert "2035" in reason_text(result, BENCHMARKS)

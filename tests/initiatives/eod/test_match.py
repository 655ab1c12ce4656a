"""The match of a programme against a financier's mandate, as a table of cases.

`match` is a pure function of a programme's terms and a mandate: no database, no request.
Every page, alert, export and API answer calls it, so the cases here are what they all show.
"""

from decimal import Decimal

import pytest
from django.utils import translation

from initiatives.eod.matching import Mandate, Outcome, Terms, match, match_programme, ranked

D = Decimal
JIANGXI_ECO_TOURISM = Terms(
    province="JX",
    sectors=("eco-tourism", "green-agriculture"),
    instruments=("loan", "bond"),
    stage="seeking-financing",
    financing_gap=D(1500),
    proceeds_share=D(40),
)
FULL_MANDATE = Mandate(
    provinces=frozenset({"JX", "HB"}),
    sectors=frozenset({"eco-tourism"}),
    instruments=frozenset({"loan", "equity"}),
    ticket_min=D(1000),
    ticket_max=D(3000),
    stages=frozenset({"seeking-financing"}),
    min_proceeds_share=D(30),
)


def outcomes(result) -> dict[str, str]:
    return {criterion.name: str(criterion.outcome) for criterion in result.criteria}


CASES = [
    # (case, terms, mandate, (met, total), {criterion: outcome})
    (
        "every part met",
        JIANGXI_ECO_TOURISM,
        FULL_MANDATE,
        (6, 6),
        dict.fromkeys(("province", "sector", "instrument", "ticket", "stage", "proceeds"), "met"),
    ),
    (
        "other province",
        Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "province": "YN"}),
        FULL_MANDATE,
        (5, 6),
        {"province": "missed"},
    ),
    (
        "no instrument in common",
        Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "instruments": ("ppp",)}),
        FULL_MANDATE,
        (5, 6),
        {"instrument": "missed"},
    ),
    (
        "gap below the smallest ticket",
        Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "financing_gap": D(999)}),
        FULL_MANDATE,
        (5, 6),
        {"ticket": "missed"},
    ),
    (
        "gap above the largest ticket",
        Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "financing_gap": D("3000.01")}),
        FULL_MANDATE,
        (5, 6),
        {"ticket": "missed"},
    ),
    (
        "gap on the bounds counts",
        Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "financing_gap": D(3000)}),
        FULL_MANDATE,
        (6, 6),
        {"ticket": "met"},
    ),
    (
        "fully financed fits no ticket",
        Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "financing_gap": D(0)}),
        Mandate(ticket_max=D(500)),
        (0, 1),
        {"ticket": "missed"},
    ),
    (
        "share of proceeds below the least",
        Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "proceeds_share": D("29.99")}),
        FULL_MANDATE,
        (5, 6),
        {"proceeds": "missed"},
    ),
    (
        "other stage",
        Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "stage": "operating"}),
        FULL_MANDATE,
        (5, 6),
        {"stage": "missed"},
    ),
    (
        "unknown share and instruments: neither met nor missed",
        Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "proceeds_share": None, "instruments": ()}),
        FULL_MANDATE,
        (4, 6),
        {"proceeds": "unknown", "instrument": "unknown"},
    ),
    (
        "everything unknown",
        Terms(),
        FULL_MANDATE,
        (0, 6),
        dict.fromkeys(("province", "sector", "instrument", "ticket", "stage", "proceeds"), "unknown"),
    ),
    (
        "only the parts the mandate sets count",
        JIANGXI_ECO_TOURISM,
        Mandate(provinces=frozenset({"JX"}), instruments=frozenset({"equity"})),
        (1, 2),
        {"province": "met", "instrument": "missed"},
    ),
    ("an open-ended ticket", JIANGXI_ECO_TOURISM, Mandate(ticket_min=D(100)), (1, 1), {"ticket": "met"}),
    ("an empty mandate counts nothing", JIANGXI_ECO_TOURISM, Mandate(), (0, 0), {}),
]


@pytest.mark.parametrize(
    ("terms", "mandate", "score", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_match(terms, mandate, score, expected):
    result = match(terms, mandate)
    assert (result.met, result.total) == score
    assert result.met + result.missed + result.unknown == result.total
    got = outcomes(result)
    for name, outcome in expected.items():
        assert got[name] == outcome, name
    if len(expected) == result.total:
        assert got == expected


def test_reasons_read_like_the_issue_in_english_and_chinese():
    terms = Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "instruments": ("bond",)})
    mandate = Mandate(**{**FULL_MANDATE.__dict__, "instruments": frozenset({"equity"})})
    result = match(terms, mandate)
    with translation.override("en"):
        assert result.summary == (
            "Matches 5 of 6: Jiangxi, Eco-tourism, CNY 1 billion–CNY 3 billion, Seeking financing, "
            "40% of proceeds to conservation; not: Equity"
        )
    with translation.override("zh-hans"):
        summary = result.summary
        assert "江西" in summary and "10亿元–30亿元" in summary and "股权" in summary
        assert "Matches" not in summary and "not:" not in summary


def test_missed_reasons_say_what_the_programme_has_or_lacks():
    terms = Terms(
        **{**JIANGXI_ECO_TOURISM.__dict__, "province": "YN", "financing_gap": D(400), "proceeds_share": D(20)}
    )
    with translation.override("en"):
        reasons = match(terms, FULL_MANDATE).missed_reasons
    assert reasons == [
        "Yunnan",
        "ticket CNY 1 billion–CNY 3 billion (gap CNY 400 million)",
        "20% of proceeds to conservation (at least 30%)",
    ]


def test_unknown_is_never_silent():
    result = match(Terms(province="JX"), Mandate(sectors=frozenset({"fisheries"})))
    assert result.criteria[0].outcome == Outcome.UNKNOWN
    with translation.override("en"):
        assert result.summary == "Matches 0 of 1; unknown: sectors not given"


def test_no_mandate_no_score():
    assert match_programme(JIANGXI_ECO_TOURISM, None) is None
    assert match_programme(JIANGXI_ECO_TOURISM, Mandate()) is None


def test_ranking_puts_the_larger_share_first_and_keeps_ties_in_order():
    mandate = FULL_MANDATE
    results = {
        "five": match(Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "province": "YN"}), mandate),
        "six": match(JIANGXI_ECO_TOURISM, mandate),
        "four and an unknown": match(Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "province": "", "stage": "x"}), mandate),
        "four and two misses": match(
            Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "province": "YN", "stage": "x"}), mandate
        ),
        "five again": match(Terms(**{**JIANGXI_ECO_TOURISM.__dict__, "stage": "operating"}), mandate),
    }
    order = ranked([*results, "no result"], lambda name: results.get(name))
    assert order == ["six", "five", "five again", "four and an unknown", "four and two misses", "no result"]

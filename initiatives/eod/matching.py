"""How well an EOD programme fits a financier's mandate: one pure function, `match`, with its reasons.

A mandate says what a financier finances (provinces, sectors, instruments, a
ticket size range, stages, a least share of proceeds fed back to
conservation); each part it sets is one criterion, and a part left empty
accepts anything and is not counted. For each criterion the programme either
meets it, misses it, or does not say (unknown): an unknown is neither a match
nor a miss, and the reasons name it. The catalogue's list, table and sort, the
programme page, the "best matches" page, alert emails, exports and the API all
call `match` (through `match_programme` for a page), so they agree.

The rules:
- province, stage: the programme's is one of the mandate's;
- sectors, instruments: the programme names at least one of the mandate's;
- ticket size: the financing still sought (the gap) lies within the range, bounds included; a
  programme fully financed fits no ticket;
- proceeds: the programme feeds back at least the mandate's share.

Mandates live with financiers' accounts (`initiatives.financiers`), which this
package does not import: the financier app registers `mandate_for_user` from
its `ready()`, as a plain `Mandate`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext as _

from initiatives.eod.amounts import cny
from initiatives.eod.choices import EodSector, Instrument, ProgrammeStage
from members.models import Province


@dataclass(frozen=True)
class Mandate:
    """What a financier finances. Empty parts accept anything; amounts are CNY million, shares percent."""

    provinces: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()
    ticket_min: Decimal | None = None
    ticket_max: Decimal | None = None
    min_proceeds_share: Decimal | None = None

    @property
    def is_set(self) -> bool:
        """Whether it says anything at all: an empty mandate scores nothing."""
        return bool(
            self.provinces
            or self.sectors
            or self.instruments
            or self.stages
            or self.ticket_min is not None
            or self.ticket_max is not None
            or self.min_proceeds_share is not None
        )


@dataclass(frozen=True)
class Terms:
    """What the match reads of a programme. None or empty: the programme does not say."""

    province: str = ""
    sectors: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    stage: str = ""
    financing_gap: Decimal | None = None
    proceeds_share: Decimal | None = None

    @classmethod
    def of(cls, programme) -> "Terms":
        sought = getattr(programme, "financing_sought", None)
        return cls(
            province=programme.province or "",
            sectors=tuple(programme.sectors or ()),
            instruments=tuple(programme.instruments or ()),
            stage=programme.stage or "",
            financing_gap=programme.financing_gap if sought is not None else None,
            proceeds_share=programme.proceeds_share,
        )


class Outcome(StrEnum):
    MET = "met"
    MISSED = "missed"
    UNKNOWN = "unknown"


# The criteria in the order reasons are given.
CRITERIA = ("province", "sector", "instrument", "ticket", "stage", "proceeds")


@dataclass(frozen=True)
class Criterion:
    name: str  # one of CRITERIA
    outcome: Outcome
    # Met: what of the programme's matched; missed: the programme's province or stage, or the
    # sectors or instruments the mandate asks for that it lacks; unknown: nothing.
    values: tuple[str, ...] = ()
    amount: Decimal | None = None  # the programme's gap or share, where it has one
    low: Decimal | None = None  # the mandate's bounds, for the ticket and the share
    high: Decimal | None = None

    @property
    def text(self) -> str:
        """The reason in the active language: "Jiangxi", "Equity", "share of proceeds not given"."""
        return reason_text(self)


@dataclass(frozen=True)
class MatchResult:
    criteria: tuple[Criterion, ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return len(self.criteria)

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for criterion in self.criteria if criterion.outcome == outcome)

    @property
    def met(self) -> int:
        return self._count(Outcome.MET)

    @property
    def missed(self) -> int:
        return self._count(Outcome.MISSED)

    @property
    def unknown(self) -> int:
        return self._count(Outcome.UNKNOWN)

    @property
    def percent(self) -> int:
        return round(100 * self.met / self.total) if self.total else 0

    @property
    def sort_key(self) -> tuple:
        """Best first: the larger share met, then fewer misses (an unknown may yet fit)."""
        return (-self.met / self.total if self.total else 0, self.missed)

    def of(self, outcome: Outcome) -> list[Criterion]:
        return [criterion for criterion in self.criteria if criterion.outcome == outcome]

    @property
    def met_reasons(self) -> list[str]:
        return [criterion.text for criterion in self.of(Outcome.MET)]

    @property
    def missed_reasons(self) -> list[str]:
        return [criterion.text for criterion in self.of(Outcome.MISSED)]

    @property
    def unknown_reasons(self) -> list[str]:
        return [criterion.text for criterion in self.of(Outcome.UNKNOWN)]

    @property
    def headline(self) -> str:
        return _("Matches %(met)s of %(total)s") % {"met": self.met, "total": self.total}

    @property
    def summary(self) -> str:
        """One line, in the active language: "Matches 5 of 6: Jiangxi, …; not: Equity; unknown: …"."""
        parts = [self.headline]
        if self.met:
            parts[0] += ": " + ", ".join(self.met_reasons)
        if self.missed:
            parts.append(_("not: %(reasons)s") % {"reasons": ", ".join(self.missed_reasons)})
        if self.unknown:
            parts.append(_("unknown: %(reasons)s") % {"reasons": ", ".join(self.unknown_reasons)})
        return "; ".join(parts)


def _among(name: str, value: str, wanted: frozenset[str]) -> Criterion:
    if not value:
        return Criterion(name, Outcome.UNKNOWN)
    # Either way the reason names the programme's own value: "Jiangxi", or "not: Yunnan".
    return Criterion(name, Outcome.MET if value in wanted else Outcome.MISSED, (value,))


def _overlap(name: str, values: Iterable[str], wanted: frozenset[str]) -> Criterion:
    values = tuple(values)
    if not values:
        return Criterion(name, Outcome.UNKNOWN)
    common = wanted.intersection(values)
    if common:
        return Criterion(name, Outcome.MET, _ordered(common, name))
    return Criterion(name, Outcome.MISSED, _ordered(wanted, name))


def _ticket(gap: Decimal | None, low: Decimal | None, high: Decimal | None) -> Criterion:
    if gap is None:
        return Criterion("ticket", Outcome.UNKNOWN, low=low, high=high)
    fits = gap > 0 and (low is None or gap >= low) and (high is None or gap <= high)
    return Criterion("ticket", Outcome.MET if fits else Outcome.MISSED, amount=gap, low=low, high=high)


def _proceeds(share: Decimal | None, least: Decimal) -> Criterion:
    if share is None:
        return Criterion("proceeds", Outcome.UNKNOWN, low=least)
    return Criterion("proceeds", Outcome.MET if share >= least else Outcome.MISSED, amount=share, low=least)


def match(terms: Terms, mandate: Mandate) -> MatchResult:
    """How the programme's terms fit the mandate: a criterion per part the mandate sets, in `CRITERIA` order."""
    criteria = []
    if mandate.provinces:
        criteria.append(_among("province", terms.province, mandate.provinces))
    if mandate.sectors:
        criteria.append(_overlap("sector", terms.sectors, mandate.sectors))
    if mandate.instruments:
        criteria.append(_overlap("instrument", terms.instruments, mandate.instruments))
    if mandate.ticket_min is not None or mandate.ticket_max is not None:
        criteria.append(_ticket(terms.financing_gap, mandate.ticket_min, mandate.ticket_max))
    if mandate.stages:
        criteria.append(_among("stage", terms.stage, mandate.stages))
    if mandate.min_proceeds_share is not None:
        criteria.append(_proceeds(terms.proceeds_share, mandate.min_proceeds_share))
    return MatchResult(tuple(criteria))


def match_programme(programme, mandate: Mandate | None) -> MatchResult | None:
    """`match` for a programme page (or anything with its fields); None without a mandate that says anything."""
    if mandate is None or not mandate.is_set or programme is None:
        return None
    return match(Terms.of(programme), mandate)


# --- Words -------------------------------------------------------------------------------------------

CHOICES = {"province": Province, "sector": EodSector, "instrument": Instrument, "stage": ProgrammeStage}


def _ordered(values: Iterable[str], name: str) -> tuple[str, ...]:
    """Values in the order of their vocabulary, so reasons read the same every time."""
    order = {value: index for index, value in enumerate(CHOICES[name].values)}
    return tuple(sorted(values, key=lambda value: (order.get(value, len(order)), value)))


def _label(name: str, value: str) -> str:
    return str(dict(CHOICES[name].choices).get(value, value))


def _amount(value: Decimal) -> str:
    return cny(value)


def amount_range(low: Decimal | None, high: Decimal | None) -> str:
    if low is not None and high is not None:
        return _("%(low)s–%(high)s") % {"low": _amount(low), "high": _amount(high)}
    if low is not None:
        return _("at least %(low)s") % {"low": _amount(low)}
    return _("at most %(high)s") % {"high": _amount(high)}


def percent(value: Decimal) -> str:
    return f"{value.normalize():f}%"


UNKNOWN_TEXTS = {
    "province": lambda: _("province not given"),
    "sector": lambda: _("sectors not given"),
    "instrument": lambda: _("instruments sought not given"),
    "ticket": lambda: _("financing gap not given"),
    "stage": lambda: _("stage not given"),
    "proceeds": lambda: _("share of proceeds to conservation not given"),
}


def reason_text(criterion: Criterion) -> str:
    name, outcome = criterion.name, criterion.outcome
    if outcome == Outcome.UNKNOWN:
        return UNKNOWN_TEXTS[name]()
    if name in CHOICES:
        return " / ".join(_label(name, value) for value in criterion.values)
    if name == "ticket":
        if outcome == Outcome.MET:
            return amount_range(criterion.low, criterion.high)
        return _("ticket %(range)s (gap %(gap)s)") % {
            "range": amount_range(criterion.low, criterion.high),
            "gap": _amount(criterion.amount),
        }
    if outcome == Outcome.MET:
        return _("%(share)s of proceeds to conservation") % {"share": percent(criterion.amount)}
    return _("%(share)s of proceeds to conservation (at least %(least)s)") % {
        "share": percent(criterion.amount),
        "least": percent(criterion.low),
    }


# --- Whose mandate -------------------------------------------------------------------------------------

MandateLookup = Callable[[object], Mandate | None]
_lookup: list[MandateLookup] = []


def register_mandate_lookup(lookup: MandateLookup) -> None:
    """The financier app says how a signed-in user's mandate is found (from its `ready()`)."""
    _lookup[:] = [lookup]


def mandate_for_user(user) -> Mandate | None:
    """The mandate of an approved financier who set one; None for anyone else."""
    if not _lookup or user is None or not getattr(user, "is_authenticated", False):
        return None
    return _lookup[0](user)


def ranked(items: list, result_of: Callable[[object], MatchResult | None]) -> list:
    """`items` best match first; ties keep their order (relevance, or the gap). Items without a result go last."""

    def key(item):
        result = result_of(item)
        return (1, 0, 0) if result is None else (0, *result.sort_key)

    return sorted(items, key=key)

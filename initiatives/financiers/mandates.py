"""Financiers' mandates: kept on their account, read by the catalogue to score programmes.

`register()` (from the app's `ready()`) tells `initiatives.eod.matching` how to
find a signed-in user's mandate, so the EOD pages score programmes without
importing this app. Only approved, active financiers are scored.
"""

from django.utils.translation import gettext as _

from initiatives.eod import matching
from initiatives.eod.choices import EodSector, Instrument, ProgrammeStage
from initiatives.eod.matching import Mandate
from initiatives.financiers.accounts import financier_for
from initiatives.financiers.models import Financier, FinancierMandate
from members.models import Province


def mandate_of(financier: Financier | None) -> Mandate | None:
    """The financier's mandate, if they are approved and set one that says anything."""
    if financier is None or not financier.is_approved:
        return None
    stored = FinancierMandate.objects.filter(financier=financier).first()
    mandate = stored.as_mandate() if stored else None
    return mandate if mandate and mandate.is_set else None


def mandate_for_user(user) -> Mandate | None:
    # Read once per request: a page scores many programmes against it.
    cached = getattr(user, "_eod_mandate", None)
    if cached is None:
        cached = (mandate_of(financier_for(user)),)
        user._eod_mandate = cached
    return cached[0]


def stored_or_new(financier: Financier) -> FinancierMandate:
    """The financier's stored mandate, or a new empty one for the form to fill."""
    return FinancierMandate.objects.filter(financier=financier).first() or FinancierMandate(financier=financier)


def describe(mandate: Mandate | None) -> list[str]:
    """The mandate in words, one part per criterion it sets, in the active language."""
    if mandate is None:
        return []
    parts = []
    for title, values, choices in (
        (_("Provinces"), mandate.provinces, Province),
        (_("Sectors"), mandate.sectors, EodSector),
        (_("Instruments"), mandate.instruments, Instrument),
        (_("Stages"), mandate.stages, ProgrammeStage),
    ):
        if values:
            names = [str(label) for value, label in choices.choices if value in values]
            parts.append(f"{title}: {', '.join(names)}")
    if mandate.ticket_min is not None or mandate.ticket_max is not None:
        parts.append(_("Ticket: %(range)s") % {"range": matching.amount_range(mandate.ticket_min, mandate.ticket_max)})
    if mandate.min_proceeds_share is not None:
        parts.append(
            _("At least %(share)s of proceeds to conservation")
            % {"share": matching.percent(mandate.min_proceeds_share)}
        )
    return parts


def register() -> None:
    matching.register_mandate_lookup(mandate_for_user)

"""Financiers' mandates: kept on their account, read by the catalogue to score programmes.

`register()` (from the app's `ready()`) tells `initiatives.eod.matching` how to
find a signed-in user's mandate, so the EOD pages score programmes without
importing this app. Only approved, active financiers are scored.
"""

from initiatives.eod import matching
from initiatives.eod.matching import Mandate
from initiatives.financiers.accounts import financier_for
from initiatives.financiers.models import Financier, FinancierMandate


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


def register() -> None:
    matching.register_mandate_lookup(mandate_for_user)

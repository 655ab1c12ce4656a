"""Amounts of the EOD catalogue (CNY million) in the words a reader of the active language expects."""

from decimal import Decimal

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def _number(value: Decimal, places: int) -> str:
    """Grouped for the active language, with no trailing zeros after the point."""
    text = formats.number_format(round(value, places), places, use_l10n=True, force_grouping=True)
    separator = formats.get_format("DECIMAL_SEPARATOR")
    if separator in text:
        text = text.rstrip("0").rstrip(separator)
    return text


def cny(amount: Decimal | None) -> str:
    """A CNY-million amount in words a reader of the page's language expects.

    Chinese counts in 亿 (100 million) and 万 (10,000): 1,250 million is
    "12.5亿元", 80 million "8,000万元". English says "CNY 1.25 billion".
    """
    if amount is None:
        return ""
    amount = Decimal(amount)
    if (get_language() or "").startswith("zh"):
        # Chinese units, only ever shown in Chinese: nothing to translate.
        if abs(amount) >= 100:
            return f"{_number(amount / 100, 2)}亿元"
        return f"{_number(amount * 100, 0)}万元"
    if abs(amount) >= 1000:
        return _("CNY %(amount)s billion") % {"amount": _number(amount / 1000, 2)}
    return _("CNY %(amount)s million") % {"amount": _number(amount, 2)}

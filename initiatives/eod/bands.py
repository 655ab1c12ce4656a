"""Size bands of EOD programmes, in CNY million: the catalogue's investment-size and financing-gap facets.

Bands are stored in the search record as keys, so both backends count them
as plain facet values; the range filters work on the amounts themselves.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

# (key, label, lowest inclusive, highest exclusive); None: unbounded.
SIZE_BANDS = [
    ("under-500m", _("Under 500 million"), None, Decimal(500)),
    ("500m-1bn", _("500 million to 1 billion"), Decimal(500), Decimal(1000)),
    ("1bn-3bn", _("1 to 3 billion"), Decimal(1000), Decimal(3000)),
    ("3bn-5bn", _("3 to 5 billion"), Decimal(3000), Decimal(5000)),
    ("over-5bn", _("5 billion and more"), Decimal(5000), None),
]
GAP_BANDS = [
    ("none", _("Fully financed"), None, Decimal("0.01")),
    ("under-100m", _("Under 100 million"), Decimal("0.01"), Decimal(100)),
    ("100m-500m", _("100 to 500 million"), Decimal(100), Decimal(500)),
    ("500m-1bn", _("500 million to 1 billion"), Decimal(500), Decimal(1000)),
    ("over-1bn", _("1 billion and more"), Decimal(1000), None),
]


def band(amount: Decimal | None, bands: list) -> str:
    if amount is None:
        return ""
    for key, _label, low, high in bands:
        if (low is None or amount >= low) and (high is None or amount < high):
            return key
    return ""


def labels(bands: list) -> dict[str, str]:
    return {key: label for key, label, _low, _high in bands}

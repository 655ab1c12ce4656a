"""Amounts as each language states them, stage colours and structured data for EOD programme pages."""

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from initiatives.eod.models import EodProgrammePage, ProgrammeStage
from portal import jsonld

register = template.Library()

STAGE_BADGES = {
    ProgrammeStage.CONCEPT: "",
    ProgrammeStage.APPROVED: "badge--blue",
    ProgrammeStage.SEEKING_FINANCING: "badge--amber",
    ProgrammeStage.FINANCING_CLOSED: "badge--green",
    ProgrammeStage.UNDER_CONSTRUCTION: "badge--blue",
    ProgrammeStage.OPERATING: "badge--green",
}


def _number(value: Decimal, places: int) -> str:
    """Grouped for the active language, with no trailing zeros after the point."""
    text = formats.number_format(round(value, places), places, use_l10n=True, force_grouping=True)
    separator = formats.get_format("DECIMAL_SEPARATOR")
    if separator in text:
        text = text.rstrip("0").rstrip(separator)
    return text


@register.filter
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


@register.filter
def stage_badge(stage: str) -> str:
    return STAGE_BADGES.get(stage, "")


@register.simple_tag(takes_context=True)
def eod_jsonld(context: template.Context) -> SafeString:
    """schema.org data from the programme's public facts only."""
    page: EodProgrammePage = context["page"]
    request = context.get("request")
    facts = page.public_facts()
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": facts["title"],
        "identifier": facts["code"],
        "description": facts["summary"],
        "url": page.get_full_url(request) or "",
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": f"{facts['city']}, {page.get_province_display()}",
        },
        "keywords": [str(label) for label in page.sector_labels()],
    }
    if facts["latitude"] is not None:
        data["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(facts["latitude"]),
                "longitude": float(facts["longitude"]),
            },
        }
    if page.hero_image:
        data["image"] = jsonld.image_urls(request, page.hero_image)
    return jsonld.script(data)

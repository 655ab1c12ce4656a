"""Amounts as each language states them, stage colours and structured data for EOD programme pages."""

from django import template
from django.utils.safestring import SafeString

from initiatives.eod.amounts import cny
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


# Amounts in the reader's words: the filter is the EOD package's own `cny`, which the match reasons use too.
register.filter("cny", cny)


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

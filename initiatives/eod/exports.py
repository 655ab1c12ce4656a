"""CSV and XLSX of a catalogue result set, with the financier-only columns (callers check who asks)."""

from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from initiatives.eod.catalogue import facet_choices
from initiatives.eod.matching import Mandate, match_programme, ranked
from initiatives.eod.models import EodProgrammePage
from initiatives.eod.models.programmes import TIMELINE_FIELDS as TIMELINE
from portal.spreadsheets import Column, csv_response, number, xlsx_response


def columns(with_match: bool = False) -> list[Column]:
    match = [Column("match", _("Match")), Column("match_reasons", _("Match reasons"), wide=True)]
    return [*(match if with_match else []), *_columns()]


def _columns() -> list[Column]:
    return [
        Column("code", _("Code")),
        Column("title", _("Programme"), wide=True),
        Column("province", _("Province")),
        Column("city", _("City or county")),
        Column("stage", _("Stage")),
        Column("sectors", _("Sectors"), wide=True),
        Column("instruments", _("Instruments sought"), wide=True),
        Column("total_investment", _("Total investment (CNY million)")),
        Column("financing_sought", _("Financing sought (CNY million)")),
        Column("financing_secured", _("Financing secured (CNY million)")),
        Column("financing_gap", _("Financing gap (CNY million)")),
        Column("proceeds_share", _("Share of proceeds to conservation (%)")),
        Column("irr", _("IRR (%)")),
        Column("payback_years", _("Payback (years)")),
        Column("lead_agency", _("Lead government agency"), wide=True),
        Column("implementing_entity", _("Implementing entity"), wide=True),
        Column("contact_name", _("Contact")),
        Column("contact_role", _("Contact role")),
        Column("contact_email", _("Contact email"), wide=True),
        Column("contact_phone", _("Contact phone")),
        Column("green_categories", _("Green catalogue categories"), wide=True),
        Column("notice_url", _("Notice listing the programme"), wide=True),
        Column("planning_date", _("Planning")),
        Column("approval_date", _("Approval")),
        Column("implementation_date", _("Implementation")),
        Column("evaluation_date", _("Evaluation")),
        Column("url", _("Page"), wide=True),
    ]


def programme_rows(
    ids: list[int], request: HttpRequest, mandate: Mandate | None = None, *, by_match: bool = False
) -> Iterator[dict]:
    """One labelled row per programme, in the order of `ids` (the search's order), or best match first.

    With a mandate, each row opens with how the programme fits it ("Matches 5 of 6") and the reasons.
    """
    found = (
        EodProgrammePage.objects.live()
        .public()
        .filter(pk__in=ids)
        .prefetch_related("environmental_components__green_category", "industrial_components__green_category")
    )
    programmes = {programme.pk: programme for programme in found}
    # Unpublished since it was indexed: left out.
    ordered = [programmes[pk] for pk in ids if pk in programmes]
    matches = {programme.pk: match_programme(programme, mandate) for programme in ordered}
    if mandate and by_match:
        ordered = ranked(ordered, lambda programme: matches[programme.pk])
    choices = facet_choices()
    for programme in ordered:
        result = matches[programme.pk]
        yield {
            "match": result.headline if result else "",
            "match_reasons": result.summary if result else "",
            "code": programme.code,
            "title": programme.title,
            "province": str(choices["province"].get(programme.province, programme.province)),
            "city": programme.city,
            "stage": str(choices["stage"].get(programme.stage, programme.stage)),
            "sectors": ", ".join(map(str, programme.sector_labels())),
            "instruments": ", ".join(map(str, programme.instrument_labels())),
            "total_investment": number(programme.total_investment),
            "financing_sought": number(programme.financing_sought),
            "financing_secured": number(programme.financing_secured),
            "financing_gap": number(programme.financing_gap),
            "proceeds_share": number(programme.proceeds_share),
            "irr": number(programme.irr),
            "payback_years": number(programme.payback_years),
            "lead_agency": programme.lead_agency,
            "implementing_entity": programme.implementing_entity,
            "contact_name": programme.contact_name,
            "contact_role": programme.contact_role,
            "contact_email": programme.contact_email,
            "contact_phone": programme.contact_phone,
            "green_categories": "; ".join(category.label for category in programme.green_categories()),
            "notice_url": programme.notice_url,
            **{name: _date(getattr(programme, name)) for name in TIMELINE},
            "url": programme.get_full_url(request) or "",
        }


def _date(value) -> str:
    return value.isoformat() if value else ""  # empty: unknown


def xlsx_or_csv(extension: str, rows, sheet_title: str, filename: str, *, with_match: bool = False) -> HttpResponse:
    if extension == "xlsx":
        return xlsx_response(columns(with_match), rows, sheet_title, filename)
    return csv_response(columns(with_match), rows, filename)

"""CSV and XLSX of a catalogue result set, with the financier-only columns (callers check who asks)."""

from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from initiatives.eod.catalogue import facet_choices
from initiatives.eod.models import EodProgrammePage
from portal.spreadsheets import Column, csv_response, number, xlsx_response


def columns() -> list[Column]:
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
        Column("url", _("Page"), wide=True),
    ]


def programme_rows(ids: list[int], request: HttpRequest) -> Iterator[dict]:
    """One labelled row per programme, in the order of `ids` (the search's order)."""
    programmes = EodProgrammePage.objects.live().public().filter(pk__in=ids).in_bulk()
    choices = facet_choices()
    for pk in ids:
        programme = programmes.get(pk)
        if programme is None:  # unpublished since it was indexed
            continue
        yield {
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
            "url": programme.get_full_url(request) or "",
        }


def xlsx_or_csv(extension: str, rows, sheet_title: str, filename: str) -> HttpResponse:
    if extension == "xlsx":
        return xlsx_response(columns(), rows, sheet_title, filename)
    return csv_response(columns(), rows, filename)

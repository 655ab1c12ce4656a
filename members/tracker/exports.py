"""Downloads of exactly what the tracker shows: one row per public pledge, all pages.

The rows come from `queries.companies()` and the same pledge filter as the page,
so a download can never hold a pledge the page would not show (and never an
unapproved one). Labels (sector, type, status...) are in the visitor's language;
the JSON also carries the stable codes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import MemberCompany, Pledge
from members.tracker import queries
from portal.spreadsheets import JSON_TYPE, Column, attachment, csv_response, number, xlsx_response


def columns() -> list[Column]:
    return [
        Column("company_name_en", _("Company (English)"), wide=True),
        Column("company_name_zh", _("Company (Chinese)")),
        Column("sector", _("Sector")),
        Column("pledge_type", _("Pledge type")),
        Column("scopes", _("Scopes")),
        Column("baseline_year", _("Baseline year")),
        Column("baseline_value", _("Baseline value")),
        Column("target_year", _("Target year")),
        Column("target_value", _("Target value")),
        Column("unit", _("Unit")),
        Column("status", _("Status")),
        Column("verification", _("Verification")),
        Column("source_url", _("Source"), wide=True),
        Column("milestones", _("Milestones"), wide=True),
    ]


def filename(extension: str) -> str:
    return f"member-pledges-{timezone.localdate():%Y-%m-%d}.{extension}"


def milestone_text(pledge: Pledge) -> str:
    """Milestones in one cell: "2025: 80000 (Halve coal use); 2030: 50000"."""
    parts = []
    for milestone in pledge.milestones.all():
        text = str(milestone.year)
        if milestone.value is not None:
            text += f": {number(milestone.value)}"
        if milestone.description:
            text += f" ({milestone.description})"
        parts.append(text)
    return "; ".join(parts)


def pledges(filters: queries.Filters) -> Iterator[tuple[MemberCompany, Pledge]]:
    """Every (company, pledge) the tracker shows for `filters`, in the page's order."""
    for company in queries.for_export(queries.companies(filters), filters):
        for pledge in company.shown_pledges:
            yield company, pledge


def row(company: MemberCompany, pledge: Pledge, labels: queries.Labels) -> dict:
    """One pledge as labelled values (CSV and XLSX)."""
    return {
        "company_name_en": company.name_en,
        "company_name_zh": company.name_zh,
        "sector": labels.sector.get(company.sector, company.sector),
        "pledge_type": labels.pledge_type[pledge.pledge_type],
        "scopes": ", ".join(str(scope) for scope in pledge.scopes),
        "baseline_year": pledge.baseline_year,
        "baseline_value": number(pledge.baseline_value),
        "target_year": pledge.target_year,
        "target_value": number(pledge.target_value),
        "unit": labels.unit[pledge.unit],
        "status": labels.status[pledge.status],
        "verification": labels.verification[pledge.verification],
        "source_url": pledge.source_url,
        "milestones": milestone_text(pledge),
    }


def record(company: MemberCompany, pledge: Pledge, labels: queries.Labels) -> dict:
    """One pledge for JSON: typed values, codes next to their labels, milestones as a list."""
    return {
        "company_name_en": company.name_en,
        "company_name_zh": company.name_zh,
        "company_slug": company.slug,
        "sector": company.sector,
        "sector_label": labels.sector.get(company.sector, company.sector),
        "pledge_type": pledge.pledge_type,
        "pledge_type_label": labels.pledge_type[pledge.pledge_type],
        "scopes": pledge.scopes,
        "baseline_year": pledge.baseline_year,
        "baseline_value": number(pledge.baseline_value),
        "target_year": pledge.target_year,
        "target_value": number(pledge.target_value),
        "unit": pledge.unit,
        "status": pledge.status,
        "status_label": labels.status[pledge.status],
        "verification": pledge.verification,
        "verification_label": labels.verification[pledge.verification],
        "source_url": pledge.source_url,
        "milestones": [
            {"year": m.year, "value": number(m.value), "description": m.description} for m in pledge.milestones.all()
        ],
    }


def _rows(filters: queries.Filters) -> Iterator[dict]:
    labels = queries.Labels.current()
    for company, pledge in pledges(filters):
        yield row(company, pledge, labels)


def as_csv(filters: queries.Filters) -> HttpResponse:
    return csv_response(columns(), _rows(filters), filename("csv"))


def as_xlsx(filters: queries.Filters) -> HttpResponse:
    return xlsx_response(columns(), _rows(filters), _("Pledges"), filename("xlsx"))


def as_json(filters: queries.Filters, source: str) -> HttpResponse:
    labels = queries.Labels.current()
    records = [record(company, pledge, labels) for company, pledge in pledges(filters)]
    document = {
        "source": source,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "filters": filters.params(),
        "count": len(records),
        "pledges": records,
    }
    content = json.dumps(document, ensure_ascii=False, indent=2).encode()
    return attachment(content, JSON_TYPE, filename("json"))

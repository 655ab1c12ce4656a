"""Downloads of exactly what the tracker shows: one row per public pledge, all pages.

The rows come from `tracker.companies()` and the same pledge filter as the page,
so a download can never hold a pledge the page would not show (and never an
unapproved one). Labels (sector, type, status...) are in the visitor's language;
the JSON also carries the stable codes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from members import tracker
from members.models import MemberCompany, Pledge

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON_TYPE = "application/json"
# Text a spreadsheet would run as a formula (CSV injection); in CSV such cells get a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    key: str
    label: str


def columns() -> list[Column]:
    return [
        Column("company_name_en", _("Company (English)")),
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
        Column("source_url", _("Source")),
        Column("milestones", _("Milestones")),
    ]


def number(value: Decimal | None) -> int | float | None:
    """A stored decimal as a plain JSON/spreadsheet number (100000, not "100000.00")."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


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


def pledges(filters: tracker.Filters) -> Iterator[tuple[MemberCompany, Pledge]]:
    """Every (company, pledge) the tracker shows for `filters`, in the page's order."""
    for company in tracker.for_export(tracker.companies(filters), filters):
        for pledge in company.shown_pledges:
            yield company, pledge


def row(company: MemberCompany, pledge: Pledge, labels: tracker.Labels) -> dict:
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


def record(company: MemberCompany, pledge: Pledge, labels: tracker.Labels) -> dict:
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


def safe_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def filename(extension: str) -> str:
    return f"member-pledges-{timezone.localdate():%Y-%m-%d}.{extension}"


def attachment(content: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(extension)}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def as_csv(filters: tracker.Filters) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    cols, labels = columns(), tracker.Labels.current()
    writer.writerow([column.label for column in cols])
    for company, pledge in pledges(filters):
        values = row(company, pledge, labels)
        writer.writerow(["" if values[c.key] is None else safe_text(values[c.key]) for c in cols])
    # UTF-8 with a byte-order mark, so Excel opens Chinese names correctly.
    return attachment(buffer.getvalue().encode("utf-8-sig"), CSV_TYPE, "csv")


def as_xlsx(filters: tracker.Filters) -> HttpResponse:
    # Write-only mode streams rows out: flat time per row, however many pledges are exported.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Pledges")[:31])
    cols, labels = columns(), tracker.Labels.current()
    for index, column in enumerate(cols, start=1):
        width = 32 if column.key in ("company_name_en", "source_url", "milestones") else 14
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in cols:
        cell = WriteOnlyCell(sheet, value=column.label)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for company, pledge in pledges(filters):
        values = row(company, pledge, labels)
        sheet.append([text_cell(sheet, values[c.key]) for c in cols])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(buffer.getvalue(), XLSX_TYPE, "xlsx")


def text_cell(sheet, value):
    """A value for a spreadsheet row; text that starts with "=" is stored as text, never as a formula."""
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def as_json(filters: tracker.Filters, source: str) -> HttpResponse:
    labels = tracker.Labels.current()
    records = [record(company, pledge, labels) for company, pledge in pledges(filters)]
    document = {
        "source": source,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "filters": filters.params(),
        "count": len(records),
        "pledges": records,
    }
    content = json.dumps(document, ensure_ascii=False, indent=2).encode()
    return attachment(content, JSON_TYPE, "json")

"""CSV and XLSX downloads of labelled rows: what every export of the site shares.

Text a spreadsheet would run as a formula (CSV injection) is neutralised:
in CSV with a leading apostrophe, in XLSX by storing the cell as text. The
admin's listing downloads go through the same functions
(`portal.admin_exports`).
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON_TYPE = "application/json"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    wide: bool = False  # a wider XLSX column, for names and addresses


def number(value: Decimal | None) -> int | float | None:
    """A stored decimal as a plain JSON/spreadsheet number (100000, not "100000.00")."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def safe_text(value):
    """A value for a CSV cell: text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_text(value):
    """A value a worksheet can hold: forms accept control characters it cannot (openpyxl raises), so they are dropped."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def as_text(cell: WriteOnlyCell) -> WriteOnlyCell:
    """The cell kept as text where openpyxl took it for a formula (text that starts with "=")."""
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def text_cell(sheet, value):
    """A value for a spreadsheet row; text that starts with "=" is stored as text, never as a formula."""
    value = xlsx_text(value)
    if isinstance(value, str) and value.startswith("="):
        return as_text(WriteOnlyCell(sheet, value=value))
    return value


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def csv_response(columns: list[Column], rows: Iterable[dict], filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.label for column in columns])
    for values in rows:
        writer.writerow(["" if values[c.key] is None else safe_text(values[c.key]) for c in columns])
    # UTF-8 with a byte-order mark, so Excel opens Chinese names correctly.
    return attachment(buffer.getvalue().encode("utf-8-sig"), CSV_TYPE, filename)


def xlsx_response(columns: list[Column], rows: Iterable[dict], sheet_title: str, filename: str) -> HttpResponse:
    # Write-only mode streams rows out: flat time per row, however many are exported.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = 32 if column.wide else 14
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.label)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for values in rows:
        sheet.append([text_cell(sheet, values[c.key]) for c in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(buffer.getvalue(), XLSX_TYPE, filename)

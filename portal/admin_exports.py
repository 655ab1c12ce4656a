"""The admin listings' CSV and XLSX downloads (Wagtail's `list_export`), made the way every export of the site is.

Wagtail's `SpreadsheetExportMixin` writes values as they were typed: a CSV
cell such as `=HYPERLINK(...)` from a public form would run as a formula
when staff open the file (CSV injection), and a control character makes the
XLSX fail. Every admin listing with `list_export` bases its index view on
`ExportIndexView` (or adds `SafeExportMixin` to its own), which passes each
value through `portal.spreadsheets`; tests/security/test_admin_exports.py
finds every such listing and fails for one that does not.

Like the site's other downloads, too: times in the project's zone, a field
with choices as its label (as the listing shows it), CSV in UTF-8 with a
byte-order mark so that Excel reads Chinese names, a dated filename.

`list_export` names attributes, read by dotted path ("financier.email"),
not ORM lookups ("financier__user__email" fails on every row).
"""

import codecs
import datetime

from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from portal.spreadsheets import CSV_TYPE, as_text, safe_text, xlsx_text


def local_naive(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets have no time zones: the project's local time, as the staff reading it expect."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def local_minutes(value: datetime.datetime) -> str:
    return f"{local_naive(value):%Y-%m-%d %H:%M}"


class SafeExportMixin(SpreadsheetExportMixin):
    """Every value of a download passes through `portal.spreadsheets` on its way into the file."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: local_minutes,
            SpreadsheetExportMixin.FORMAT_XLSX: local_naive,
        },
    }

    @cached_property
    def choice_fields(self) -> frozenset[str]:
        model = getattr(self, "model", None)
        if model is None:
            return frozenset()
        return frozenset(field.name for field in model._meta.get_fields() if getattr(field, "choices", None))

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name in row.keys() & self.choice_fields:
            row[name] = getattr(item, f"get_{name}_display")()
        return row

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_text(value) if export_format == self.FORMAT_CSV else xlsx_text(value)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # Wagtail keeps formula-like text as text too; said again so that no download depends on it.
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            yield as_text(cell)

    def stream_csv(self, queryset):
        yield codecs.BOM_UTF8
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = CSV_TYPE
        return response

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"


class ExportIndexView(SafeExportMixin, IndexView):
    """A model listing whose downloads are safe to open: the base of every admin listing with `list_export`."""

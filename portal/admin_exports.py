"""The admin listings' CSV and XLSX downloads (Wagtail's `list_export`), made the way every export of the site is.

Wagtail's `SpreadsheetExportMixin` writes values as they were typed: a CSV
cell such as `=HYPERLINK(...)` from a public form would run as a formula
when staff open the file (CSV injection), and a control character makes the
XLSX fail. `protect_spreadsheet_exports` (run once at start-up) makes the
mixin itself pass each value through `portal.spreadsheets`, so every
download the admin offers is safe: the project's listings, Wagtail's own
reports and form submissions, and any export added later, which cannot
forget it. tests/security/test_admin_exports.py walks every such listing.

Every admin listing of the project with `list_export` also bases its index
view on `ExportIndexView` (or adds `SafeExportMixin` to its own), which
makes its downloads read like the site's others: times in the project's zone,
a field with choices as its label (as the listing shows it), CSV in UTF-8
with a byte-order mark so that Excel reads Chinese names, a dated filename.

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

    def stream_csv(self, queryset):
        yield codecs.BOM_UTF8
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = CSV_TYPE
        return response

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"


def protect_spreadsheet_exports() -> None:
    """Make every admin download neutralise formulas and drop what a worksheet cannot hold.

    Wagtail's reports (site history, aging and locked pages, workflows), form
    submissions and redirects export through the same mixin as the project's
    listings, with no setting to pass their values through a function of ours;
    wrapping the mixin's two per-value steps once reaches them all.
    """
    mixin = SpreadsheetExportMixin
    if getattr(mixin, "_portal_protected", False):
        return
    preprocess, xlsx_row = mixin.preprocess_field_value, mixin.generate_xlsx_row

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return safe_text(value) if export_format == mixin.FORMAT_CSV else xlsx_text(value)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # Wagtail keeps formula-like text as text too; said again so that no download depends on it.
        for cell in xlsx_row(self, worksheet, row_dict, date_format=date_format):
            yield as_text(cell)

    mixin.preprocess_field_value = preprocess_field_value
    mixin.generate_xlsx_row = generate_xlsx_row
    mixin._portal_protected = True


class ExportIndexView(SafeExportMixin, IndexView):
    """A model listing whose downloads are safe to open: the base of every admin listing with `list_export`."""

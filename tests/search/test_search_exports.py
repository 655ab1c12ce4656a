"""Downloading a site search (CSV, XLSX) and subscribing to it (Atom), on both backends.

Both are the search page's own address with ``format=``: the same query,
filters and sort, read the same way. The corpus is the contract tests' one,
plus a restricted page and a title a spreadsheet would run as a formula.
"""

import csv
import io
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from search import exports, feeds, synonyms
from search.backends import DatabaseBackend
from search.records import all_records
from search.results import SearchRequest
from search.service import SearchService
from tests.portal.factories import StandardPageFactory
from tests.search import corpus

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HEADER = [
    "Title",
    "Content type",
    "Date",
    "Issuing body",
    "Jurisdiction",
    "Document type",
    "Language",
    "Address",
    "Matching passage",
]
FORMULA_TITLE = '=HYPERLINK("http://example.invalid","click for prices")'


@pytest.fixture(scope="module")
def made(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        objects = corpus.build()
        home = objects["title_match"].get_parent().get_parent()
        objects["restricted"] = StandardPageFactory(parent=home, title="Hydrogen notes for members only")
        PageViewRestriction.objects.create(page=objects["restricted"], restriction_type=PageViewRestriction.LOGIN)
        objects["formula"] = StandardPageFactory(parent=home, title=FORMULA_TITLE, introduction="A spreadsheet trap.")
        DatabaseBackend().replace_all(all_records())
        yield objects
        transaction.set_rollback(True)


@pytest.fixture
def site_search(backend, settings):
    """The search page and its formats answer from `backend`; returns the service, to compare with."""
    settings.SEARCH_BACKEND = backend.name
    synonyms.forget()
    return SearchService(backend)


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="search-results-')
    assert response["Content-Disposition"].endswith('.csv"')
    reader = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    header, *rows = list(reader)
    assert header == HEADER
    return [dict(zip(header, row, strict=True)) for row in rows]


def xlsx_rows(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert header == HEADER
    return [dict(zip(header, row, strict=True)) for row in rows]


def feed_entries(response) -> tuple[ET.Element, list[ET.Element]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


def titles(rows: list[dict]) -> list[str]:
    return [row["Title"] for row in rows]


def all_titles(service: SearchService, text: str, **options) -> list[str]:
    """Every title the service gives for a search, in its order (one deep page)."""
    return [hit.title for hit in service.search(SearchRequest(text=text, per_page=50, **options)).hits]


# --- CSV and XLSX ---------------------------------------------------------------


def test_csv_holds_every_match_in_the_page_order(client, site_search, made):
    rows = csv_rows(client.get("/search/", {"q": "hydrogen", "format": "csv"}))

    assert titles(rows) == all_titles(site_search, "hydrogen")
    assert len(rows) > 3
    assert "Hydrogen in steelmaking" in titles(rows)
    assert "Industrial policy update" in titles(rows)  # a body match
    assert "Our dual carbon commitments" not in titles(rows)  # no hydrogen in it
    brief = next(row for row in rows if row["Title"] == "Industrial policy update")
    assert brief["Content type"] == "Policy briefs"
    assert brief["Date"] == "2025-01-10"
    assert brief["Language"] == "English"
    assert brief["Address"].startswith("http://testserver/")
    assert brief["Address"].endswith("/")
    assert "pilot plant will test hydrogen for direct reduction" in brief["Matching passage"]
    assert "<mark>" not in brief["Matching passage"]
    assert brief["Issuing body"] == brief["Jurisdiction"] == brief["Document type"] == ""


def test_xlsx_holds_the_same_rows_as_the_csv(client, site_search, made):
    params = {"q": "hydrogen"}
    from_csv = csv_rows(client.get("/search/", {**params, "format": "csv"}))
    from_xlsx = xlsx_rows(client.get("/search/", {**params, "format": "xlsx"}))

    assert titles(from_xlsx) == titles(from_csv)
    for sheet_row, text_row in zip(from_xlsx, from_csv, strict=True):
        date = sheet_row.pop("Date")
        assert (date.date().isoformat() if date else "") == text_row.pop("Date")
        assert {key: value or "" for key, value in sheet_row.items()} == text_row


def test_documents_carry_their_issuer_jurisdiction_type_languages_and_page_passage(client, site_search, made):
    rows = csv_rows(client.get("/search/", {"type": "portal.policydocument", "format": "csv"}))

    by_title = {row["Title"]: row for row in rows}
    assert set(by_title) == {"关于推进工业领域碳达峰的实施方案", "城市绿色发展指南"}  # the draft is left out
    guide = by_title["城市绿色发展指南"]
    assert guide["Issuing body"] == "Shanghai Municipal Government"
    assert guide["Jurisdiction"] == "City"
    assert guide["Document type"] == "Guideline"
    assert guide["Language"] == "Chinese, English"
    assert guide["Content type"] == "Policy documents"

    found = csv_rows(client.get("/search/", {"q": "hydrogen metallurgy", "format": "csv"}))
    plan = next(row for row in found if row["Title"] == "关于推进工业领域碳达峰的实施方案")
    assert plan["Document type"] == "Plan"
    assert "hydrogen metallurgy pilots" in plan["Matching passage"]
    assert "<" not in plan["Matching passage"]


def test_filters_and_sort_are_the_pages(client, site_search, made):
    params = {"q": "hydrogen", "type": "portal.policybriefpage", "sort": "date", "page": "2"}

    rows = csv_rows(client.get("/search/", {**params, "format": "csv"}))

    assert titles(rows) == all_titles(
        site_search, "hydrogen", filters={"type": ["portal.policybriefpage"]}, sort="date"
    )
    assert {row["Content type"] for row in rows} == {"Policy briefs"}
    assert titles(rows).index("Industrial policy update") < titles(rows).index("Hydrogen in steelmaking")
    dates = [row["Date"] for row in rows]
    assert dates == sorted(dates, reverse=True)
    assert "Reporting rules" not in titles(rows)  # a page, filtered out


def test_restricted_unpublished_and_draft_content_never_appears(client, site_search, made):
    params = {"q": "hydrogen"}
    names = set(titles(csv_rows(client.get("/search/", {**params, "format": "csv"}))))
    names |= set(titles(xlsx_rows(client.get("/search/", {**params, "format": "xlsx"}))))
    _, entries = feed_entries(client.get("/search/", {**params, "format": "atom"}))
    names |= {entry.findtext(f"{ATOM}title") for entry in entries}

    assert "Hydrogen in steelmaking" in names
    assert "Withdrawn hydrogen brief" not in names
    assert "Unreleased hydrogen strategy" not in names
    assert "Hydrogen notes for members only" not in names


def test_a_page_unpublished_since_it_was_indexed_is_left_out(client, site_search, made):
    # Unpublished without the signals that would update the index: the index still holds it.
    Page.objects.filter(pk=made["title_match"].pk).update(live=False)

    page = client.get("/search/", {"q": "hydrogen steelmaking"}).content.decode()
    rows = csv_rows(client.get("/search/", {"q": "hydrogen", "format": "csv"}))
    _, entries = feed_entries(client.get("/search/", {"q": "hydrogen", "format": "atom"}))

    assert "steelmaking" in page  # the stale index still answers the page
    assert "Hydrogen in steelmaking" not in titles(rows)
    assert "Industrial policy update" in titles(rows)
    assert "Hydrogen in steelmaking" not in [entry.findtext(f"{ATOM}title") for entry in entries]


def test_formulas_are_neutralised(client, site_search, made):
    text_row = next(
        row for row in csv_rows(client.get("/search/", {"q": "spreadsheet trap", "format": "csv"}))
        if "HYPERLINK" in row["Title"]
    )  # fmt: skip
    response = client.get("/search/", {"q": "spreadsheet trap", "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cell = next(row[0] for row in sheet.iter_rows(min_row=2) if "HYPERLINK" in str(row[0].value))

    assert text_row["Title"] == "'" + FORMULA_TITLE
    assert cell.value == FORMULA_TITLE
    assert cell.data_type == "s"  # text, not a formula


def test_bad_parameters_export_what_the_page_shows(client, site_search, made):
    good = titles(csv_rows(client.get("/search/", {"q": "hydrogen", "format": "csv"})))
    bad = {"q": "hydrogen\x00", "year": ["20x4", "２０２４"], "page": "-3", "sort": "bogus", "language": ""}

    page = client.get("/search/", bad)
    rows = csv_rows(client.get("/search/", {**bad, "format": "csv"}))
    sheet = xlsx_rows(client.get("/search/", {**bad, "format": "xlsx"}))
    _, entries = feed_entries(client.get("/search/", {**bad, "format": "atom"}))

    assert page.status_code == 200
    assert titles(rows) == titles(sheet) == good
    assert len(entries) == len(good)


def test_an_unknown_filter_value_or_no_search_exports_an_empty_sheet(client, site_search, made):
    assert csv_rows(client.get("/search/", {"q": "hydrogen", "type": "no.such", "format": "csv"})) == []
    assert csv_rows(client.get("/search/", {"format": "csv"})) == []
    assert xlsx_rows(client.get("/search/", {"format": "xlsx"})) == []
    _, entries = feed_entries(client.get("/search/", {"format": "atom"}))
    assert entries == []


def test_an_unknown_format_is_the_page(client, site_search, made):
    response = client.get("/search/", {"q": "hydrogen", "format": "pdf"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "<mark>Hydrogen</mark> in steelmaking" in response.content.decode()


def test_exports_stop_at_the_cap_in_the_page_order(client, site_search, made, monkeypatch):
    everything = all_titles(site_search, "hydrogen")
    assert len(everything) > 3
    monkeypatch.setattr(exports, "EXPORT_LIMIT", 3)
    monkeypatch.setattr(exports, "BATCH", 2)  # so the export walks two result pages, the second cut short

    rows = csv_rows(client.get("/search/", {"q": "hydrogen", "format": "csv"}))
    html = client.get("/search/", {"q": "hydrogen"}).content.decode()

    assert titles(rows) == everything[:3]
    assert "the first 3 results, in the order shown" in html


# --- The feed -------------------------------------------------------------------


def test_feed_lists_the_newest_matches_with_link_date_and_passage(client, site_search, made):
    params = {"q": "hydrogen", "type": "portal.policybriefpage", "sort": "relevance", "page": "3"}

    root, entries = feed_entries(client.get("/search/", {**params, "format": "atom"}))

    names = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert names == all_titles(site_search, "hydrogen", filters={"type": ["portal.policybriefpage"]}, sort="date")
    assert names.index("Industrial policy update") < names.index("Hydrogen in steelmaking")
    published = [entry.findtext(f"{ATOM}published") for entry in entries]
    assert published == sorted(published, reverse=True)
    entry = entries[names.index("Industrial policy update")]
    assert entry.findtext(f"{ATOM}published").startswith("2025-01-10T00:00:00")
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "<mark>hydrogen</mark> for direct reduction" in summary.text
    assert "hydrogen" in root.findtext(f"{ATOM}title")
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"].startswith("http://testserver/search/?")
    assert "format=atom" in links["self"] and "page=" not in links["self"]
    assert "sort=date" in links["alternate"] and "type=portal.policybriefpage" in links["alternate"]
    assert "format=" not in links["alternate"]


def test_feed_holds_the_latest_results_only(client, site_search, made, monkeypatch):
    newest = all_titles(site_search, "hydrogen", sort="date")
    monkeypatch.setattr(feeds, "FEED_LENGTH", 2)

    _, entries = feed_entries(client.get("/search/", {"q": "hydrogen", "format": "atom"}))

    assert [entry.findtext(f"{ATOM}title") for entry in entries] == newest[:2]
    assert feeds.FEED_LENGTH != 50 and len(newest) > 2


# --- The page offers them ---------------------------------------------------------


def test_page_links_the_downloads_and_the_feed_with_its_query(client, site_search, made):
    html = client.get("/search/", {"q": "hydrogen", "type": "portal.policybriefpage", "page": "1"}).content.decode()

    assert 'href="?q=hydrogen&amp;type=portal.policybriefpage&amp;format=csv"' in html
    assert 'href="?q=hydrogen&amp;type=portal.policybriefpage&amp;format=xlsx"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/search/?q=hydrogen&amp;type=portal.policybriefpage&amp;format=atom"' in html
    assert "up to 1,000 results" in html
    assert exports.EXPORT_LIMIT == 1000


def test_nothing_found_still_offers_the_feed_but_no_download(client, site_search, made):
    html = client.get("/search/", {"q": "electrolyser"}).content.decode()

    assert "Nothing matches" in html
    assert "Subscribe to this search" in html
    assert "format=atom" in html
    assert "format=csv" not in html


def test_first_visit_offers_neither(client, site_search, made):
    html = client.get("/search/").content.decode()

    assert "format=csv" not in html
    assert "format=atom" not in html


def test_downloads_and_feeds_are_cached_with_their_own_type(client, site_search, made, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    for params, content_type in [
        ({"q": "hydrogen", "format": "csv"}, "text/csv; charset=utf-8"),
        ({"q": "hydrogen", "format": "atom"}, "application/atom+xml; charset=utf-8"),
        ({"q": "hydrogen"}, "text/html; charset=utf-8"),
    ]:
        first = client.get("/search/", params)
        second = client.get("/search/", params)

        assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
        assert second["Content-Type"] == content_type
        assert second.content == first.content
        assert second.get("Content-Disposition") == first.get("Content-Disposition")

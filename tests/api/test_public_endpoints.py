"""The open data API says what the web pages say: same filters, same order, same pages, nothing restricted."""

import json

import pytest
from django.contrib.auth.models import Group

from initiatives.eod.access import FINANCIERS_GROUP
from initiatives.models import RESTRICTED_FIELDS
from tests.api.conftest import SECRET_CONTACT
from tests.members.factories import UserFactory
from tests.portal.library.factories import PolicyDocumentFactory

pytestmark = pytest.mark.django_db


def api(client, path, **headers):
    response = client.get(f"/api/v1/{path}", **headers)
    assert response.status_code == 200, response.content
    return response.json()


def web(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.context


# --- Companies and pledges (the tracker) -------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "sector=automotive",
        "pledge_type=net_zero",
        "scope=3",
        "target_from=2030&target_to=2045",
        "sort=target",
        "q=bright",
    ],
)
def test_companies_are_the_trackers_rows_with_the_same_pledges_and_headline(client, site, query):
    data = api(client, f"companies?{query}")
    page = web(client, f"/pledges/?{query}")
    rows = page["rows"]
    assert [c["slug"] for c in data["results"]] == [row.company.slug for row in rows]
    assert [[p["id"] for p in c["pledges"]] for c in data["results"]] == [
        [shown.pledge.pk for shown in row.pledges] for row in rows
    ]
    assert [c["progress"]["status"] for c in data["results"]] == [row.progress.status for row in rows]
    assert data["count"] == page["page_obj"].paginator.count
    assert data["page_size"] == page["page_obj"].paginator.per_page
    assert data["headline"]["pledges"] == page["headline"].pledges
    assert data["headline"]["scope3_share"] == page["headline"].scope3_share


def test_unapproved_pledges_never_reach_the_api(client, site):
    listing = client.get("/api/v1/companies").content.decode()
    detail = api(client, "companies/castellan")
    assert "UNAPPROVED DRAFT" not in listing
    assert detail["pledges"] == []
    assert site["draft"].pk not in [p["id"] for c in json.loads(listing)["results"] for p in c["pledges"]]
    # Evidence documents are review material: no field of the API carries them.
    assert "evidence" not in listing


def test_a_company_is_its_page_with_milestones_reports_and_progress(client, site):
    data = api(client, "companies/aldermoor")
    page = web(client, "/pledges/aldermoor/")
    assert [p["id"] for p in data["pledges"]] == [view.pledge.pk for view in page["data"].pledges]
    neutrality = next(p for p in data["pledges"] if p["pledge_type"] == "operational_neutrality")
    assert neutrality["milestones"] == [
        {"year": 2030, "value": 50000.0, "description": "Halve Scope 1 and 2 emissions"}
    ]
    assert neutrality["is_reference"] is True
    assert [r["year"] for r in data["reports"]] == [2024, 2020]  # not the 2025 report in review
    assert data["progress"]["status"] == page["progress"].status == "off_track"
    assert client.get("/api/v1/companies/no-such-company").status_code == 404


def test_names_and_labels_follow_the_lang_parameter_only(client, site):
    chinese = api(client, "companies/castellan?lang=zh-hans")
    assert chinese["name"] == "卡斯特兰能源"
    assert chinese["sector_label"] == "能源与公用事业"
    assert chinese["url"].endswith("/zh-hans/pledges/castellan/")
    # One address, one answer: the browser's language does not change it.
    assert api(client, "companies/castellan", HTTP_ACCEPT_LANGUAGE="zh-hans")["name"] == "Castellan Energy"
    assert client.get("/api/v1/companies?lang=fr").status_code == 422


def test_pages_are_bounded_and_past_the_last_page_is_empty(client, site):
    first = api(client, "companies?page_size=2")
    second = api(client, "companies?page_size=2&page=2")
    assert (first["count"], first["pages"], len(first["results"]), len(second["results"])) == (3, 2, 2, 1)
    assert api(client, "companies?page=9")["results"] == []
    assert client.get("/api/v1/companies?page_size=51").status_code == 422
    assert client.get("/api/v1/companies?page=0").status_code == 422


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("companies?target_from=2050&target_to=2000", "It is before the “from” year (2050)."),
        ("companies?sector=shipbuilding", "Input should be"),
        ("events?month=2026-13", "is not a month"),
        ("events?city=Atlantis", "is not one of the choices"),
        ("briefs?topic=no-such-topic", "is not a topic"),
        ("documents?topic=no-such-topic", "is not one of the choices"),
        ("eod/programmes?invest_min=900&invest_max=100", "lower bound is above the upper bound"),
        ("search?sort=alphabetical", "String should match pattern"),
    ],
)
def test_bad_parameters_are_a_422_that_says_why(client, site, path, message):
    response = client.get(f"/api/v1/{path}")
    assert response.status_code == 422
    assert message in json.dumps(response.json()["detail"], ensure_ascii=False)


# --- Events ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["", "when=past", "kind=forum", "city=Beijing", "attendance=online", "topic=hydrogen", "page_size=12"]
)
def test_events_are_the_listings_events_in_the_same_order(client, site, query):
    data = api(client, f"events?{query}")
    page = web(client, f"/events/?{query}")
    assert [e["id"] for e in data["results"]] == [event.pk for event in page["events"]]
    assert data["count"] == page["page_obj"].paginator.count


def test_an_event_says_when_where_and_how_to_register(client, site):
    seminar = next(e for e in api(client, "events")["results"] if e["title"] == "Hydrogen seminar")
    assert seminar["city"] == "Shanghai"
    assert seminar["topics"] == [{"slug": "hydrogen", "name": "Hydrogen"}]
    assert seminar["registration_status"] == "open"
    assert seminar["registration_url"].endswith("/events/hydrogen-seminar/#register")


# --- Briefs and documents -----------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "topic=hydrogen"])
def test_briefs_are_the_briefs_page(client, site, query):
    data = api(client, f"briefs?{query}")
    page = web(client, f"/briefs/?{query}")
    assert [b["id"] for b in data["results"]] == [brief.pk for brief in page["briefs"]]


def test_chinese_briefs_are_the_chinese_pages(client, site):
    data = api(client, "briefs?lang=zh-hans")
    assert [b["title"] for b in data["results"]] == ["碳市场意味着什么"]
    assert data["results"][0]["url"].endswith("/zh-hans/briefs/what-the-carbon-market-means/")


@pytest.mark.parametrize("query", ["", "type=regulation", "language=en", "year=2024", "topic=hydrogen"])
def test_documents_are_the_librarys_listing(client, site, query):
    data = api(client, f"documents?{query}")
    page = web(client, f"/library/?{query}")
    assert [d["slug"] for d in data["results"]] == [document.slug for document in page["documents"]]


def test_unknown_metadata_is_null_and_undated_documents_come_last(client, site):
    unknown = {"issuing_body": "", "issuing_body_zh": "", "jurisdiction": "", "document_type": "", "issued_on": None}
    PolicyDocumentFactory(title="导入的通知", slug="imported", **unknown)

    listing = api(client, "documents")
    document = api(client, "documents/imported")

    assert [d["slug"] for d in listing["results"]][-1] == "imported"
    assert [d["slug"] for d in listing["results"]] == [d.slug for d in web(client, "/library/")["documents"]]
    assert [document[name] for name in ("issuing_body", "jurisdiction", "document_type", "issued_on")] == [None] * 4
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["DocumentOut"]["properties"]
    assert "null when unknown" in schema["issued_on"]["description"].lower()


def test_documents_are_metadata_and_drafts_stay_out(client, site):
    listing = api(client, "documents")
    assert "draft-notice" not in [d["slug"] for d in listing["results"]]
    assert client.get("/api/v1/documents/draft-notice").status_code == 404
    plan = api(client, "documents/peaking-plan")
    assert plan["file_format"] == "PDF"
    assert plan["number"] == "国发〔2021〕23号"
    assert plan["url"].endswith("/library/peaking-plan/")
    assert plan["topics"] == [{"slug": "hydrogen", "name": "Hydrogen"}]
    assert "/documents/" not in json.dumps(plan)  # no file address: files are downloaded from the library page


# --- EOD programmes --------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "province=HN", "sort=gap", "invest_min=1000", "q=river", "stage=concept"])
def test_programmes_are_the_catalogues_results(client, site, query):
    data = api(client, f"eod/programmes?{query}")
    page = web(client, f"/eod/?{query}")
    assert [p["id"] for p in data["results"]] == [row.programme.pk for row in page["rows"]]
    assert data["count"] == page["results"].total
    assert data["facets"]["province"] == [
        {"value": f.value, "count": f.count, "selected": f.selected} for f in page["results"].facets["province"]
    ]


@pytest.mark.parametrize("who", ["anonymous", "financier"])
def test_programmes_never_carry_the_restricted_side(client, site, who):
    if who == "financier":
        # The API is the public side for everyone: financiers read the rest on the catalogue's pages.
        user = UserFactory()
        user.groups.add(Group.objects.get_or_create(name=FINANCIERS_GROUP)[0])
        client.force_login(user)
    river = site["river"].pk
    for path in ("eod/programmes", f"eod/programmes/{river}", "eod/programmes?q=Ganjiang", "search?q=Ganjiang"):
        body = client.get(f"/api/v1/{path}").content.decode()
        assert SECRET_CONTACT not in body
        assert "Feasibility study" not in body  # the restricted document's title
        for name in (*RESTRICTED_FIELDS, "cost", "annual_revenue", "component_costs"):
            assert f'"{name}"' not in body, (path, name)
    detail = api(client, f"eod/programmes/{river}")
    assert [d["title"] for d in detail["documents"]] == ["Public summary"]
    assert detail["financing_gap"] == 300.0


def test_an_unpublished_or_unknown_programme_is_404(client, site):
    hidden = site["hidden_programme"].pk
    assert client.get(f"/api/v1/eod/programmes/{hidden}").status_code == 404
    assert hidden not in [p["id"] for p in api(client, "eod/programmes")["results"]]
    assert client.get("/api/v1/eod/programmes/999999").status_code == 404


# --- Search ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["q=carbon", "q=carbon&type=portal.policydocument", "q=carbon&sort=date", "q=", "q=carbon&page=2"]
)
def test_search_answers_what_the_search_page_shows(client, site, query):
    data = api(client, f"search?{query}")
    page = web(client, f"/search/?{query}")
    assert [h["key"] for h in data["results"]] == [view.hit.key for view in page["hits"]]
    assert data["count"] == page["results"].total


# --- Schema and documentation ------------------------------------------------------------------------


def test_the_schema_is_served_at_a_stable_address_and_lists_every_endpoint(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/companies",
        "/api/v1/companies/{slug}",
        "/api/v1/events",
        "/api/v1/briefs",
        "/api/v1/documents",
        "/api/v1/documents/{slug}",
        "/api/v1/eod/programmes",
        "/api/v1/eod/programmes/{programme_id}",
        "/api/v1/search",
        "/api/v1/me",
        "/api/v1/me/pledges",
        "/api/v1/me/pledges/{pledge_id}",
        "/api/v1/me/pledges/{pledge_id}/submit",
    } <= set(schema["paths"])
    # Only representatives' endpoints ask for the session.
    assert "security" not in schema["paths"]["/api/v1/companies"]["get"]
    assert schema["paths"]["/api/v1/me/pledges"]["get"]["security"]


def test_the_documentation_page_loads_nothing_from_another_site(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert 'src="http' not in html and 'href="http' not in html

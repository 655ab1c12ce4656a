"""A financier's mandate and what it changes: the form and its refusals, the score on every page that shows
programmes, sorting and the best-matches page, alerts, exports and the API; and the green catalogue facet,
the notice link and the timeline on programmes."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from initiatives.eod import catalogue
from initiatives.financiers import alerts
from initiatives.models import (
    EodEnvironmentalComponent,
    EodIndustrialComponent,
    Financier,
    FinancierMandate,
    GreenCategory,
)
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.initiatives.financiers.factories import FinancierFactory, SavedSearchFactory, reindex
from tests.members.factories import RepresentativeFactory

pytestmark = pytest.mark.django_db

MANDATE_URL = "/financiers/mandate/"
MATCHES_URL = "/financiers/matches/"
GOOD_MANDATE = {
    "provinces": ["JX"],
    "sectors": ["eco-tourism"],
    "instruments": ["loan"],
    "stages": ["seeking-financing"],
    "ticket_min": "100",
    "ticket_max": "500",
    "min_proceeds_share": "",
}


@pytest.fixture(autouse=True)
def _english_and_database_search(settings):
    settings.SEARCH_BACKEND = "database"
    with translation.override("en"):
        yield


@pytest.fixture
def shelf(home_page):
    """Three programmes, the best fit for the mandate made first, so no other order puts it first by chance."""
    shelf = EodCatalogPageFactory(parent=home_page)
    ecological, clean_energy = (GreenCategory.objects.get(edition="gbepc-2021", code=code) for code in ("4", "3"))
    best = EodProgrammePageFactory(parent=shelf, title="Ganjiang eco-tourism", province="JX")  # fits 5 of 5
    worst = EodProgrammePageFactory(
        parent=shelf,
        title="Datong solar on mine land",
        province="SX",
        sectors=["clean-energy"],
        instruments=["equity"],
        stage="operating",
        financing_secured=Decimal(800),  # fully financed: fits no ticket
    )
    second = EodProgrammePageFactory(parent=shelf, title="Erhai wetland tourism", province="YN")  # 4 of 5
    EodEnvironmentalComponent.objects.create(
        page=best, name="Riverbank restoration", kind="river-restoration", cost=Decimal(100), green_category=ecological
    )
    EodIndustrialComponent.objects.create(
        page=second, name="Lakeside lodges", sector="eco-tourism", cost=Decimal(100), green_category=ecological
    )
    EodIndustrialComponent.objects.create(
        page=second, name="Solar boats", sector="clean-energy", cost=Decimal(50), green_category=clean_energy
    )
    for programme in (best, worst, second):
        programme.save_revision().publish()
    reindex()
    shelf.programmes = {"best": best, "second": second, "worst": worst}
    return shelf


@pytest.fixture
def financier():
    financier = FinancierFactory(full_name="Li Na", organisation="Yangtze Green Bank")
    FinancierMandate.objects.create(
        financier=financier,
        provinces=["JX"],
        sectors=["eco-tourism"],
        instruments=["loan"],
        stages=["seeking-financing"],
        ticket_min=Decimal(100),
        ticket_max=Decimal(500),
    )
    return financier


def titles_in_order(html: str, titles: list[str]) -> list[str]:
    return sorted((title for title in titles if title in html), key=html.index)


# --- The mandate form ---------------------------------------------------------------------------------


def test_a_financier_sets_their_mandate_and_lands_on_their_best_matches(client):
    financier = FinancierFactory()
    client.force_login(financier.user)
    assert "Your financing mandate" in client.get(MANDATE_URL).content.decode()

    response = client.post(MANDATE_URL, GOOD_MANDATE)

    assert response.status_code == 302 and response.url.endswith(MATCHES_URL)
    mandate = FinancierMandate.objects.get(financier=financier)
    assert (mandate.provinces, mandate.ticket_min, mandate.ticket_max) == (["JX"], Decimal(100), Decimal(500))
    assert mandate.min_proceeds_share is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ticket_min": "3000", "ticket_max": "1000"}, "ticket_max", "The largest ticket is below the smallest one"),
        ({"min_proceeds_share": "120"}, "min_proceeds_share", "Enter a percentage from 0 to 100."),
        ({"ticket_min": "-5"}, "ticket_min", "Enter an amount above zero."),
        ({"ticket_max": "lots"}, "ticket_max", "Enter an amount in CNY million"),
        ({"provinces": ["XX"]}, "provinces", "Select a valid choice"),
    ],
)
def test_bad_mandates_are_refused_with_a_reason_and_nothing_changes(client, financier, changes, field, message):
    before = FinancierMandate.objects.values().get(financier=financier)
    client.force_login(financier.user)

    response = client.post(MANDATE_URL, {**GOOD_MANDATE, "provinces": ["HB"], **changes})

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert "Nothing was saved" in response.content.decode()
    assert FinancierMandate.objects.values().get(financier=financier) == before


def test_the_database_refuses_a_reversed_range_too():
    mandate = FinancierMandate(financier=FinancierFactory(), ticket_min=Decimal(10), ticket_max=Decimal(5))
    with pytest.raises(ValidationError, match="largest ticket is below"):
        mandate.full_clean()


@pytest.mark.parametrize("status", [Financier.Status.PENDING, Financier.Status.SUSPENDED])
def test_financiers_not_approved_can_neither_see_nor_set_a_mandate(client, status):
    financier = FinancierFactory(status=status)
    client.force_login(financier.user)

    assert client.get(MANDATE_URL).status_code == 403
    assert client.post(MANDATE_URL, GOOD_MANDATE).status_code == 403
    assert client.get(MATCHES_URL).status_code == 403
    assert not FinancierMandate.objects.exists()


def test_people_who_are_not_financiers_are_refused(client):
    for url in (MANDATE_URL, MATCHES_URL):
        response = client.get(url)
        assert response.status_code == 302 and "/financiers/login/" in response.url
    client.force_login(RepresentativeFactory().user)
    assert client.post(MANDATE_URL, GOOD_MANDATE).status_code == 403
    assert client.get(MATCHES_URL).status_code == 403
    assert not FinancierMandate.objects.exists()


# --- The score where programmes are shown ---------------------------------------------------------------------


def test_best_matches_come_best_first_and_leave_out_what_fits_nothing(client, shelf, financier):
    client.force_login(financier.user)
    html = client.get(MATCHES_URL).content.decode()

    assert titles_in_order(html, ["Ganjiang eco-tourism", "Erhai wetland tourism", "Datong solar on mine land"]) == [
        "Ganjiang eco-tourism",
        "Erhai wetland tourism",
    ]
    assert "Matches 5 of 5" in html and "Matches 4 of 5" in html
    assert "Yunnan" in html  # the miss is named


def test_best_matches_ask_for_a_mandate_first(client):
    client.force_login(FinancierFactory().user)
    assert "You have not set a mandate yet." in client.get(MATCHES_URL).content.decode()


def test_the_catalogue_sorts_by_match_and_shows_the_reasons(client, shelf, financier):
    client.force_login(financier.user)
    html = client.get(shelf.url, {"sort": "match"}).content.decode()

    assert titles_in_order(html, ["Ganjiang eco-tourism", "Erhai wetland tourism", "Datong solar on mine land"]) == [
        "Ganjiang eco-tourism",
        "Erhai wetland tourism",
        "Datong solar on mine land",
    ]
    assert "Matches 5 of 5" in html and "Matches 0 of 5" in html
    assert '<option value="match" selected>' in html
    table = client.get(shelf.url, {"sort": "match", "view": "table"}).content.decode()
    assert "Matches 4 of 5" in table


def test_the_catalogue_in_chinese_gives_the_reasons_in_chinese(client, shelf, financier):
    client.force_login(financier.user)
    html = client.get("/zh-hans" + shelf.url, {"sort": "match"}).content.decode()
    assert "符合 5 项中的 5 项" in html and "江西" in html


def test_visitors_without_a_mandate_see_no_score_and_cannot_sort_by_one(client, shelf):
    html = client.get(shelf.url, {"sort": "match"}).content.decode()
    assert "Matches" not in html and 'value="match"' not in html
    assert "Ganjiang eco-tourism" in html


def test_the_programme_page_shows_the_fit_to_its_financier_only(client, shelf, financier):
    url = shelf.programmes["second"].url
    assert "Fit with your mandate" not in client.get(url).content.decode()
    client.force_login(financier.user)
    html = client.get(url).content.decode()
    assert "Fit with your mandate" in html and "Matches 4 of 5" in html and "Yunnan" in html


def test_the_alert_email_says_how_each_programme_fits(shelf, financier):
    saved = SavedSearchFactory(financier=financier, querystring="sector=eco-tourism", last_run_at=None)
    digest = alerts.check_search(saved.pk)

    body = alerts.build_digest(digest).body

    assert "Ganjiang eco-tourism" in body
    assert "Matches 5 of 5: Jiangxi, Eco-tourism, Loan" in body
    assert "Matches 4 of 5" in body and "not: Yunnan" in body


def test_the_export_opens_with_the_match_and_its_reasons_best_first(client, shelf, financier):
    client.force_login(financier.user)
    response = client.get(shelf.url + "export/csv/", {"sort": "match"})

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0])[:2] == ["Match", "Match reasons"]
    assert [row["Programme"] for row in rows] == [
        "Ganjiang eco-tourism",
        "Erhai wetland tourism",
        "Datong solar on mine land",
    ]
    assert rows[0]["Match"] == "Matches 5 of 5"
    assert rows[2]["Match reasons"].startswith("Matches 0 of 5; not: Shanxi")
    assert rows[1]["Green catalogue categories"] == "3 Clean energy (2021); 4 Ecological environment (2021)"
    assert rows[0]["Notice listing the programme"] == ""  # unknown stays empty


def test_the_api_gives_the_match_to_the_financier_only(client, shelf, financier):
    url = f"/api/v1/eod/programmes/{shelf.programmes['best'].pk}"
    assert client.get(url).json()["match"] is None
    client.force_login(financier.user)
    data = client.get(url).json()
    assert (data["match"]["met"], data["match"]["total"]) == (5, 5)
    assert {criterion["outcome"] for criterion in data["match"]["criteria"]} == {"met"}


# --- Taxonomy, notice and timeline ------------------------------------------------------------------------------------


def test_the_category_facet_counts_programmes_and_filters(client, shelf):
    results = catalogue.search(catalogue.parse(""), "en")
    counts = {value.value: value.count for value in results.facets["category"]}
    assert counts == {"gbepc-2021:4": 2, "gbepc-2021:3": 1}

    html = client.get(shelf.url, {"category": "gbepc-2021:3"}).content.decode()
    assert "1 programme" in html and "Erhai wetland tourism" in html and "Ganjiang eco-tourism" not in html
    assert "3 Clean energy (2021)" in html


def test_the_programme_page_shows_categories_notice_and_timeline(client, shelf):
    programme = shelf.programmes["best"]
    programme.notice_url = "https://sthjt.jiangxi.gov.cn/notice/eod-2025"
    programme.planning_date = "2024-03-01"
    programme.approval_date = "2025-01-15"
    programme.save_revision().publish()

    html = client.get(programme.url).content.decode()

    assert "4 Ecological environment (2021)" in html
    assert 'href="https://sthjt.jiangxi.gov.cn/notice/eod-2025"' in html
    assert 'datetime="2024-03-01"' in html and 'datetime="2025-01-15"' in html
    assert html.count("date not known") == 2  # implementation and evaluation
    assert "Notice not known" in client.get(shelf.programmes["second"].url).content.decode()


def test_a_stage_cannot_begin_before_the_one_before_it(shelf):
    programme = shelf.programmes["best"]
    programme.planning_date = "2025-06-01"
    programme.approval_date = "2025-01-01"
    with pytest.raises(ValidationError) as refused:
        programme.full_clean()
    assert "approval_date" in refused.value.message_dict


def test_best_matches_in_chinese_show_untranslated_programmes_in_their_original(client, shelf, financier):
    client.force_login(financier.user)
    html = client.get("/zh-hans" + MATCHES_URL).content.decode()
    assert "Ganjiang eco-tourism" in html and "符合 5 项中的 5 项" in html


def test_editors_see_the_notice_timeline_and_project_categories_in_the_admin(client, shelf, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.com", "pw-long-enough-1"))
    html = client.get(f"/admin/pages/{shelf.programmes['best'].pk}/edit/").content.decode()
    assert 'name="notice_url"' in html and 'name="approval_date"' in html
    assert 'name="environmental_components-0-green_category"' in html

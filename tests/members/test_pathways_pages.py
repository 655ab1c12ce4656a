"""The public side: company page alignment and chart pathways, methodology, peers, dated snapshots, the API."""

import datetime

import pytest
from django.utils import timezone, translation

from members.models import PublicChange
from members.tracker.pathways import assessments
from members.tracker.pathways.alignment import METHODOLOGY_VERSION
from tests.members.factories import MemberCompanyFactory, PledgeFactory, ProgressReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def publish(obj, day):
    """Publish `obj`'s current values as an approval does, dated `day` (a revision and its public change)."""
    if obj.pk is None:
        obj.save()
    revision = obj.save_revision()
    revision.publish()
    stamp = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    PublicChange.objects.filter(revision=revision).update(published_at=stamp)
    return revision


@pytest.fixture
def company():
    company = MemberCompanyFactory(slug="kestrel", name_en="Kestrel Chemicals")
    pledge = PledgeFactory.build(company=company, live=False, baseline_year=2020, baseline_value=100_000)
    pledge.target_year, pledge.target_value = 2050, 0
    publish(pledge, datetime.date(2021, 3, 1))
    pledge.target_year = 2040  # brought forward: the 2050 target becomes an "earlier target"
    publish(pledge, datetime.date(2023, 3, 1))
    report = ProgressReportFactory.build(
        company=company, year=2024, scope_1=60_000, scope_2_market=10_000, live=False,
        provenance={"scope_1": {"basis": "estimated", "assurance": "limited", "assurer": "LRQA"}},
    )  # fmt: skip
    publish(report, datetime.date(2025, 5, 1))
    assessments.record(company.pk)
    return company


def test_the_company_page_shows_labels_reasons_pathways_and_provenance(client, company):
    html = client.get("/pledges/kestrel/").content.decode()
    assert 'id="alignment"' in html
    assert "Aligned with 1.5 °C" in html
    assert "Reported Scope 1+2 in 2024" not in html  # milestone years are 2025 and later: the targets give them
    assert "Level its targets give for 2030" in html
    assert f"methodology {METHODOLOGY_VERSION}" in html
    for code in ("1-5c", "wb2c", "china"):
        assert f'class="pathway pathway--{code}"' in html
    assert "Earlier target: 0 tCO2e by 2050" in html  # the revised target stays in the chart
    assert "2024: 70,000 tCO2e, estimated" in html  # drawn as an estimate and said so
    assert "Limited, by LRQA" in html
    assert "Reports progress on all targets" in html
    assert "/pledges/kestrel/as-of/" in html  # cite this page as of today
    assert "<script>" not in html.split("</head>")[1]  # no inline script in the body


def test_pathways_can_be_switched_off_without_script(client, company):
    html = client.get("/pledges/kestrel/?chart=1&pathway=china").content.decode()
    assert 'class="pathway pathway--china"' in html
    assert 'class="pathway pathway--1-5c"' not in html
    assert 'value="1-5c">' in html and 'value="china" checked>' in html


def test_a_snapshot_shows_the_page_as_it_stood(client, company):
    html = client.get("/pledges/kestrel/as-of/2022-06-30/").content.decode()
    assert "This is the page as it stood on" in html
    assert "by 2050" in html and "by 2040" not in html
    assert "No progress report has been published yet." in html
    later = client.get("/pledges/kestrel/as-of/2025-06-30/").content.decode()
    assert "by 2040" in later and "70,000" in later


@pytest.mark.parametrize("day", ["2022-13-40", "yesterday", "2999-01-01"])
def test_a_bad_or_future_snapshot_date_is_not_found(client, company, day):
    assert client.get(f"/pledges/kestrel/as-of/{day}/").status_code == 404


def test_the_methodology_page_names_every_pathway_with_its_source_in_both_languages(client):
    html = client.get("/pledges/methodology/").content.decode()
    assert "4.2 %" in html and "2.5 %" in html and "2060" in html
    assert "Science Based Targets initiative" in html and "(2021)" in html
    assert "Sectors without a sector pathway" in html
    chinese = client.get("/zh-hans/pledges/methodology/").content.decode()
    assert "基准路径" in chinese


def test_the_sector_page_compares_peers(client, company):
    other = MemberCompanyFactory(name_en="Halvorsen Chemicals")
    ProgressReportFactory(company=other, year=2020, scope_1=50_000, scope_2_market=0)
    ProgressReportFactory(company=other, year=2024, scope_1=60_000, scope_2_market=0)
    html = client.get("/pledges/sectors/chemicals/").content.decode()
    assert html.index("Kestrel Chemicals") < html.index("Halvorsen Chemicals")  # the bigger cut first
    assert "+20 %" in html and "-30 %" in html
    assert client.get("/pledges/sectors/steel/").status_code == 404
    page = client.get("/pledges/kestrel/").content.decode()
    assert "1 of 2 members in Chemicals" in page


def test_the_ranking_kept_for_the_company_pages_follows_a_peers_new_report(
    client, company, django_capture_on_commit_callbacks
):
    other = MemberCompanyFactory(name_en="Halvorsen Chemicals")
    ProgressReportFactory(company=other, year=2020, scope_1=50_000, scope_2_market=0)
    ProgressReportFactory(company=other, year=2024, scope_1=60_000, scope_2_market=0)
    assert "1 of 2 members in Chemicals" in client.get("/pledges/kestrel/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        ProgressReportFactory(company=other, year=2025, scope_1=10_000, scope_2_market=0)  # -80 %: now ahead
    assert "2 of 2 members in Chemicals" in client.get("/pledges/kestrel/").content.decode()


def test_a_target_revised_again_shows_at_once_among_the_earlier_targets(
    client, company, django_capture_on_commit_callbacks
):
    assert "Earlier target: 0 tCO2e by 2040" not in client.get("/pledges/kestrel/").content.decode()
    pledge = company.pledges.get()
    pledge.target_year = 2035
    with django_capture_on_commit_callbacks(execute=True):
        publish(pledge, datetime.date(2025, 6, 1))
    html = client.get("/pledges/kestrel/").content.decode()
    assert "Earlier target: 0 tCO2e by 2040" in html and "Earlier target: 0 tCO2e by 2050" in html


def test_the_api_gives_alignment_disclosure_and_provenance(client, company):
    data = client.get("/api/v1/companies/kestrel").json()
    assert data["methodology_version"] == METHODOLOGY_VERSION
    assert data["disclosure"] == "all"
    assert [row["year"] for row in data["alignment"]] == [2025, 2030, 2035, 2050]
    assert data["latest_report"]["provenance"]["scope_1"]["assurer"] == "LRQA"
    assert data["reports"][0]["provenance"]["scope_1"]["basis"] == "estimated"
    listed = client.get("/api/v1/companies?disclosure=all").json()
    assert [c["slug"] for c in listed["results"]] == ["kestrel"]
    assert client.get("/api/v1/companies?disclosure=most").status_code == 422

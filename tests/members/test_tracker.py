"""The public pledge tracker and company pages: what a visitor sees, and what they must never see."""

import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents.models import Document

from demo.logos import draw_logo
from members import tracker
from members.models import Plant, PublicChange
from portal.images import save_image
from tests.members.factories import (
    MemberCompanyFactory,
    MilestoneFactory,
    PledgeFactory,
    ProgressReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/pledges/"


def listed(response) -> list[str]:
    """The slugs of the companies listed on a tracker page, in order."""
    assert response.status_code == 200
    return re.findall(r'class="company-cell__name" href="/(?:zh-hans/)?pledges/([^/?]+)/', response.content.decode())


@pytest.fixture
def world():
    """Four companies whose pledges make every filter give a different answer."""
    acme = MemberCompanyFactory(
        name_en="Acme Chemicals", name_zh="艾克美化学", slug="acme", sector="chemicals", member_since=2010
    )
    borealis = MemberCompanyFactory(
        name_en="Borealis Energy", name_zh="北极能源", slug="borealis", sector="energy", member_since=2020
    )
    cobalt = MemberCompanyFactory(
        name_en="Cobalt Motors", name_zh="钴汽车", slug="cobalt", sector="automotive", member_since=2015
    )
    delta = MemberCompanyFactory(
        name_en="Delta Foods", name_zh="德尔塔食品", slug="delta", sector="food", member_since=2022
    )
    PledgeFactory(
        company=acme,
        pledge_type="net_zero",
        scope_3=True,
        target_year=2050,
        status="plan_published",
        verification="sbti",
    )
    PledgeFactory(company=acme, pledge_type="peak", target_year=2028, target_value=None, status="declared")
    PledgeFactory(
        company=borealis,
        pledge_type="operational_neutrality",
        target_year=2040,
        status="in_progress",
        verification="third_party",
    )
    PledgeFactory(company=borealis, pledge_type="absolute_reduction", target_year=2025, status="withdrawn")
    PledgeFactory(
        company=cobalt,
        pledge_type="renewable_electricity",
        scope_1=False,
        unit="percent",
        baseline_value=20,
        target_year=2030,
        target_value=100,
        status="achieved",
    )
    # A draft that staff have not approved: it must change nothing.
    PledgeFactory(company=delta, pledge_type="net_zero", target_year=2031, live=False)
    return {"acme": acme, "borealis": borealis, "cobalt": cobalt, "delta": delta}


def test_every_company_is_listed_by_name_including_those_without_a_public_pledge(client, world):
    response = client.get(URL)

    assert listed(response) == ["acme", "borealis", "cobalt", "delta"]
    html = response.content.decode()
    assert "No public pledge yet" in html
    assert "Operational carbon neutrality" in html and "Renewable electricity share" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=energy", ["borealis"]),
        ("pledge_type=net_zero", ["acme"]),  # the draft net-zero pledge of Delta does not count
        ("target_from=2035", ["acme", "borealis"]),
        ("target_to=2030", ["acme", "borealis", "cobalt"]),  # Borealis through its withdrawn 2025 pledge
        ("target_from=2029&target_to=2045", ["borealis", "cobalt"]),
        ("status=achieved", ["cobalt"]),
        ("status=withdrawn", ["borealis"]),
        ("verification=third_party", ["borealis"]),
        ("verification=sbti", ["acme"]),
        ("scope=1", ["acme", "borealis"]),
        ("scope=3", ["acme"]),
        ("scope=123", ["acme"]),
        ("q=borealis", ["borealis"]),
        ("q=BOREALIS+energy", ["borealis"]),
        ("q=北极", ["borealis"]),
        ("q=化学", ["acme"]),
        ("q=nobody", []),
        # Pledge filters apply together to one pledge: Acme's peak does not cover Scope 3.
        ("pledge_type=peak&scope=3", []),
        ("pledge_type=net_zero&scope=3&sector=chemicals", ["acme"]),
        ("pledge_type=net_zero&target_to=2031", []),  # only the draft would match
    ],
)
def test_each_filter_narrows_the_list(client, world, query, expected):
    assert listed(client.get(f"{URL}?{query}")) == expected


def test_a_pledge_filter_shows_only_matching_pledges_and_counts_the_others(client, world):
    html = client.get(f"{URL}?pledge_type=peak").content.decode()

    assert "Emissions peak" in html
    assert "2050" not in html.split('class="table tracker-table"')[1]
    assert "+ 1 other pledge" in html


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["acme", "borealis", "cobalt", "delta"]),
        # Earliest target year, withdrawn pledges left out (Borealis's 2025), no pledge last.
        ("target", ["acme", "cobalt", "borealis", "delta"]),
        ("newest", ["delta", "borealis", "cobalt", "acme"]),
    ],
)
def test_sorting(client, world, sort, expected):
    assert listed(client.get(f"{URL}?sort={sort}")) == expected


def test_chinese_visitors_see_chinese_names_first(client, world):
    html = client.get(f"/zh-hans{URL}?q=能源").content.decode()

    assert re.search(r'class="company-cell__name" href="/zh-hans/pledges/borealis/\?q=[^"]+">北极能源</a>', html)
    assert '<span class="company-cell__alt" lang="en">Borealis Energy</span>' in html


def test_pagination_keeps_the_filters(client):
    MemberCompanyFactory.create_batch(30, sector="chemicals")
    MemberCompanyFactory(sector="energy")

    first = client.get(f"{URL}?sector=chemicals")
    second = client.get(f"{URL}?sector=chemicals&page=2")

    assert len(listed(first)) == 25
    assert len(listed(second)) == 5
    assert not set(listed(first)) & set(listed(second))
    assert 'href="?sector=chemicals&amp;page=2"' in first.content.decode()
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>2</span>' in second.content.decode()
    # Company links carry the list's state, so the company page can link back to it.
    assert f'/pledges/{listed(second)[0]}/?sector=chemicals&amp;page=2"' in second.content.decode()


@pytest.mark.parametrize(
    ("page", "shown", "message"),
    [
        ("abc", 25, "is not a page number, so the first page is shown"),
        ("0", 25, "there is no page 0, so the first page is shown"),
        ("9", 5, "there is no page 9, so the last page is shown"),
    ],
)
def test_a_bad_page_number_shows_a_page_and_says_why(client, page, shown, message):
    MemberCompanyFactory.create_batch(30)

    response = client.get(f"{URL}?page={page}")

    assert len(listed(response)) == shown
    assert message in response.content.decode()


def test_invalid_parameters_are_ignored_with_a_message(client, world):
    response = client.get(f"{URL}?sector=moon&target_from=soon&scope=7&sort=random&status=&q=")

    assert listed(response) == ["acme", "borealis", "cobalt", "delta"]
    notice = response.content.decode().split('class="tracker-notice"')[1].split("</div>")[0]
    for label in ("Sector", "Target year from", "Scope coverage", "Sort by"):
        assert label in notice


def test_a_reversed_year_range_drops_the_upper_bound(client, world):
    response = client.get(f"{URL}?target_from=2045&target_to=2030")

    assert listed(response) == ["acme"]
    assert "It is before the “from” year (2045)." in response.content.decode()


def test_filters_are_valid_in_the_form_and_only_valid_ones_reach_the_links(client, world):
    html = client.get(f"{URL}?sector=energy&target_from=x").content.decode()

    assert '<option value="energy" selected>' in html
    assert 'href="/pledges/export.csv?sector=energy"' in html
    assert 'href="/pledges/export.xlsx?sector=energy"' in html
    assert 'href="/pledges/export.json?sector=energy"' in html


def test_headline_figures_count_what_the_filters_show(world):
    everything = tracker.headline(tracker.Filters())
    # Acme (net zero 2050) and Borealis (operational neutrality 2040); Borealis's withdrawn pledge never counts.
    assert everything.companies == 4
    assert everything.pledges == 5
    assert everything.neutrality_companies == 2
    assert everything.neutrality_targets == 2
    assert everything.median_neutrality_year == Decimal(2045)
    assert everything.scope3_companies == 1
    assert everything.scope3_share == 25  # Delta, with no public pledge, is in the denominator
    assert everything.peak_by_2030 == 1

    energy = tracker.headline(tracker.Filters(sector="energy"))
    assert (energy.companies, energy.neutrality_companies, energy.median_neutrality_year) == (1, 1, Decimal(2040))
    assert (energy.scope3_share, energy.peak_by_2030) == (0, 0)

    nothing = tracker.headline(tracker.Filters(q="nobody"))
    assert (nothing.companies, nothing.median_neutrality_year, nothing.scope3_share) == (0, None, None)


def test_median_of_an_even_number_of_targets_is_the_mean_of_the_middle_two(world):
    PledgeFactory(company=world["cobalt"], pledge_type="supply_chain_neutrality", target_year=2060, scope_3=True)
    PledgeFactory(company=world["cobalt"], pledge_type="net_zero", target_year=2055, scope_3=True)
    PledgeFactory(company=world["cobalt"], pledge_type="peak", target_year=2031)

    figures = tracker.headline(tracker.Filters())

    assert figures.neutrality_targets == 4
    assert figures.median_neutrality_year == Decimal("2052.5")  # 2040, 2050, 2055, 2060
    assert figures.neutrality_companies == 3
    assert figures.scope3_share == 50
    assert figures.peak_by_2030 == 1  # 2031 is too late


def test_headline_figures_are_on_the_page(client, world):
    html = client.get(URL).content.decode()

    figures = re.findall(r'<dd class="figure__value">(.*?)</dd>', html)
    assert [re.sub(r"<[^>]+>", "", figure) for figure in figures] == ["2", "2045", "25%", "1"]
    assert "How these figures are counted" in html


# The company page ---------------------------------------------------------------------------------


@pytest.fixture
def reporting_company():
    company = MemberCompanyFactory(
        name_en="Helvion Chemicals",
        name_zh="赫尔维昂化学",
        slug="helvion",
        provinces=["JS", "SH"],
        website="https://helvion.example.com/",
        profile_en="Makes coatings in Jiangsu.",
    )
    pledge = PledgeFactory(
        company=company,
        pledge_type="operational_neutrality",
        baseline_year=2020,
        baseline_value=100_000,
        target_year=2040,
        target_value=0,
        status="in_progress",
        verification="third_party",
        source_url="https://helvion.example.com/climate-report.pdf",
        description_en="Neutral own operations.",
        description_zh="自身运营碳中和。",
    )
    MilestoneFactory(pledge=pledge, year=2030, value=50_000, description="Halve Scope 1 and 2 emissions")
    for year, scope_1 in ((2020, 60_000), (2022, 50_000), (2024, 45_000)):
        ProgressReportFactory(company=company, year=year, scope_1=scope_1, scope_2_market=30_000)
    Plant.objects.create(
        company=company, name="Nanjing coatings plant", city="Nanjing", province="JS", green_factory_year=2021
    )
    Plant.objects.create(company=company, name="Jinshan site", city="Shanghai", province="SH")
    return company


def test_company_page_shows_profile_pledges_milestones_and_reports(client, reporting_company):
    document = evidence()
    reporting_company.pledges.update(evidence=document)

    html = client.get("/pledges/helvion/").content.decode()

    assert "<h1" in html and "Helvion Chemicals</h1>" in html
    assert "赫尔维昂化学" in html
    assert "Makes coatings in Jiangsu." in html
    assert "Jiangsu" in html and "Shanghai" in html
    assert '<li class="plant plant--green">' in html and "Green factory since 2021" in html
    assert "Operational carbon neutrality by 2040" in html
    assert "Neutral own operations." in html
    assert "Halve Scope 1 and 2 emissions" in html
    assert 'href="https://helvion.example.com/climate-report.pdf"' in html
    assert "Third-party verified" in html
    assert document.url not in html  # evidence is for staff review; the public source is the link above
    assert (
        'ladder__step--current" aria-current="step"><span class="ladder__dot" aria-hidden="true"></span>In progress'
        in html
    )
    # Reports by year, newest first, with Scope 1 + market-based Scope 2.
    reports = html.split('class="table reports-table"')[1]
    assert reports.index(">2024<") < reports.index(">2022<") < reports.index(">2020<")
    assert "75,000" in reports


def test_company_page_shows_progress_against_the_trajectory(client, reporting_company):
    html = client.get("/pledges/helvion/").content.decode()

    # 2024: 75,000 reported, trajectory 100,000 → 0 over 2020-2040 gives 80,000.
    assert '<span class="progress progress--on_track">On track</span>' in html
    assert "5,000 tCO₂e (6 %) at or below the trajectory value of 80,000 tCO₂e" in html
    assert '<svg class="trajectory-chart"' in html
    assert 'aria-labelledby="trajectory-chart-title trajectory-chart-desc"' in html
    assert '<title id="trajectory-chart-title">' in html and '<desc id="trajectory-chart-desc">' in html
    assert "How the label is worked out" in html
    assert "at or below the trajectory for that year" in html
    table = html.split('class="chart-data"')[1]
    assert re.search(
        r">2024</th>\s*<td class=\"num\">75,000</td>\s*<td class=\"num\">80,000</td>\s*<td class=\"num\">-5,000</td>",
        table,
    )


def test_off_track_and_not_enough_data(client, reporting_company):
    ProgressReportFactory(company=reporting_company, year=2025, scope_1=70_000, scope_2_market=10_000)
    assert (
        '<span class="progress progress--off_track">Off track</span>'
        in client.get("/pledges/helvion/").content.decode()
    )

    lonely = MemberCompanyFactory(slug="lonely")
    PledgeFactory(company=lonely, scope_3=True)  # a baseline including Scope 3 cannot be compared
    html = client.get("/pledges/lonely/").content.decode()
    assert '<span class="progress progress--not_enough_data">Not enough data</span>' in html
    assert "cannot be compared with a trajectory" in html


def test_company_page_lists_approved_changes_with_who_and_what(client, reporting_company):
    representative = UserFactory(first_name="Mei", last_name="Zhang")
    for days, submitter, label, old, new in (
        (3, representative, "Target year", "2045", "2040"),
        (1, None, "Status", "Declared", "In progress"),
    ):
        PublicChange.objects.create(
            company=reporting_company,
            content_type_id=1,
            object_id="1",
            object_label="Operational carbon neutrality by 2040",
            submitted_by=submitter,
            approved_by=UserFactory(is_staff=True),
            published_at=timezone.now() - timezone.timedelta(days=days),
            changes=[{"field": "x", "label": label, "old": old, "new": new}],
        )

    html = client.get("/pledges/helvion/").content.decode()
    history = html.split('id="history"')[1]

    assert "Submitted by Mei Zhang, approved by association staff." in history
    assert "Submitted by a company representative, approved by association staff." in history
    assert '<span class="history__old">2045</span>' in history and '<span class="history__new">2040</span>' in history
    assert history.index("In progress") < history.index("Mei Zhang")  # newest first


def test_company_page_links_back_to_the_list_with_its_filters(client, reporting_company):
    html = client.get("/pledges/helvion/?sector=chemicals&page=2&bogus=%3Cscript%3E&sort=target").content.decode()

    assert 'href="/pledges/?sector=chemicals&amp;sort=target&amp;page=2"' in html
    main = html.split("<main")[1]
    assert "bogus" not in main and "<script>" not in main
    assert '<link rel="canonical" href="http://testserver/pledges/helvion/">' in html
    assert '"@type": "Organization"' in html


def test_unknown_company_is_a_404(client):
    assert client.get("/pledges/no-such-company/").status_code == 404


def test_company_page_in_chinese(client, reporting_company):
    html = client.get("/zh-hans/pledges/helvion/").content.decode()

    assert "赫尔维昂化学</h1>" in html
    assert "自身运营碳中和。" in html
    assert 'hreflang="en" href="http://testserver/pledges/helvion/"' in html


# Nothing unapproved, anywhere --------------------------------------------------------------------


@pytest.fixture
def unapproved(reporting_company):
    """A draft pledge, a draft report, and unpublished edits to a live pledge and report."""
    live_pledge = reporting_company.pledges.get()
    live_pledge.target_year = 2098
    live_pledge.target_value = 888_888
    live_pledge.source_url = "https://draft.example.com/edit"
    live_pledge.save_revision()

    PledgeFactory(
        company=reporting_company,
        live=False,
        pledge_type="net_zero",
        target_year=2099,
        target_value=777_777,
        source_url="https://draft.example.com/new",
    )
    ProgressReportFactory(company=reporting_company, year=2023, scope_1=654_321, live=False)
    report = reporting_company.reports.get(year=2024)
    report.scope_1 = 343_434
    report.save_revision()
    return reporting_company


SECRETS = (
    "2098",
    "2099",
    "888888",
    "888,888",
    "777777",
    "777,777",
    "draft.example.com",
    "654321",
    "654,321",
    "343434",
    "343,434",
)


def assert_no_secret(text: str):
    for secret in SECRETS:
        assert secret not in text, secret


def test_the_public_never_sees_unapproved_values_on_the_pages(client, unapproved):
    tracker_page = client.get(URL).content.decode()
    company_page = client.get("/pledges/helvion/").content.decode()

    assert_no_secret(tracker_page)
    assert_no_secret(company_page)
    assert "2040" in tracker_page and "Net zero" not in tracker_page.split('class="table tracker-table"')[1]
    assert "Operational carbon neutrality by 2040" in company_page
    assert "45,000" in company_page  # the approved 2024 Scope 1
    assert listed(client.get(f"{URL}?pledge_type=net_zero")) == []
    assert listed(client.get(f"{URL}?target_from=2090")) == []


# Fixed number of queries -------------------------------------------------------------------------


def build_companies(count: int):
    for _ in range(count):
        company = MemberCompanyFactory()
        PledgeFactory(company=company, pledge_type="peak", target_year=2028)
        PledgeFactory(company=company, scope_3=True, pledge_type="net_zero", target_year=2050)
        ProgressReportFactory(company=company, year=2022)
        ProgressReportFactory(company=company, year=2023)


def with_logo(company):
    company.logo = save_image(draw_logo(company.name_en, 120, 60), "logo", f"{company.slug}.png")
    company.save()
    return company


def evidence():
    return Document.objects.create(title="Report", file=ContentFile(b"%PDF-1.4 report", name="report.pdf"))


def busy_company():
    """A company with a lot of everything the company page shows."""
    company = with_logo(MemberCompanyFactory())
    for year in range(2030, 2038):
        pledge = PledgeFactory(company=company, target_year=year, evidence=evidence())
        MilestoneFactory.create_batch(3, pledge=pledge)
    for year in range(2015, 2025):
        ProgressReportFactory(company=company, year=year)
    for n in range(5):
        Plant.objects.create(company=company, name=f"Plant {n}", city="Suzhou", province="JS", green_factory_year=2020)
    for n in range(6):
        PublicChange.objects.create(
            company=company,
            content_type_id=1,
            object_id=str(n),
            object_label="Pledge",
            submitted_by=UserFactory(first_name="A", last_name=str(n)),
            published_at=timezone.now(),
            changes=[{"field": "f", "label": "L", "old": "1", "new": "2"}],
        )
    return company


def queries(client, url: str) -> int:
    client.get(url)  # warm up: logo renditions are generated on the first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


TRACKER_URLS = (URL, f"{URL}?scope=3&sort=target", f"{URL}?q=testfield&page=2")


def test_query_count_is_the_same_for_10_and_200_companies(client):
    build_companies(10)
    small = with_logo(MemberCompanyFactory())
    PledgeFactory(company=small, evidence=evidence())
    with_few = [queries(client, url) for url in TRACKER_URLS] + [queries(client, f"/pledges/{small.slug}/")]

    build_companies(190)
    busy = busy_company()
    with_many = [queries(client, url) for url in TRACKER_URLS] + [queries(client, f"/pledges/{busy.slug}/")]

    assert with_few == with_many


# The chart -----------------------------------------------------------------------------------------


def test_chart_escapes_text_and_names_its_title_and_description():
    from members.charts import trajectory_chart
    from members.trajectory import Line

    svg = trajectory_chart(
        {2021: Decimal(90_000), 2023: Decimal(70_000)},
        Line(2020, Decimal(100_000), 2040, Decimal(0)),
        [(2030, Decimal(50_000))],
        title='<script>alert("x")</script> Co',
        description="Falls & rises",
        id_prefix="c",
    )

    assert "<script>" not in svg
    assert '<title id="c-title">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Co</title>' in svg
    assert '<desc id="c-desc">Falls &amp; rises</desc>' in svg
    assert 'role="img" aria-labelledby="c-title c-desc"' in svg
    assert svg.count("<circle") == 5  # two reported years, baseline, target and the legend's marker
    assert "70,000" in svg and "Target 2040" in svg and "Milestone 2030: 50,000 tCO2e" in svg


def test_chart_is_empty_without_data():
    from members.charts import trajectory_chart

    assert trajectory_chart({}, None, title="t", description="d") == ""


@pytest.mark.parametrize(
    ("first", "last", "ticks"),
    [
        (2021, 2024, [2021, 2022, 2023, 2024]),
        (2021, 2040, [2021, 2024, 2026, 2028, 2030, 2032, 2034, 2036, 2038, 2040]),
        (2019, 2050, [2019, 2025, 2030, 2035, 2040, 2045, 2050]),
        (2024, 2060, [2024, 2030, 2035, 2040, 2045, 2050, 2055, 2060]),
    ],
)
def test_year_axis_labels_round_years_and_both_ends(first, last, ticks):
    from members.charts import year_ticks

    assert year_ticks(first, last) == ticks


def test_a_company_without_a_chinese_name_is_named_once_on_chinese_pages(client):
    PledgeFactory(company=MemberCompanyFactory(name_en="Solo Works", name_zh="", slug="solo"))

    listing = client.get("/zh-hans/pledges/").content.decode()
    page = client.get("/zh-hans/pledges/solo/").content.decode()

    assert 'href="/zh-hans/pledges/solo/">Solo Works</a>' in listing
    assert "company-cell__alt" not in listing
    assert "Solo Works</h1>" in page and "company-header__alt" not in page


@pytest.mark.parametrize(
    "query",
    [
        "q=" + "x" * 500,
        "target_from=1800",
        "target_to=1e9",
        "page=99999999999999999999999",
        "page=-1",
        "sector=%00",
        "q=a%00b",
        "q=%25_%25",
        "scope=1&scope=3",
        "sort=",
    ],
)
def test_odd_addresses_never_fail(client, world, query):
    for url in (f"{URL}?{query}", f"{URL}export.csv?{query}", f"{URL}export.json?{query}", f"/pledges/acme/?{query}"):
        assert client.get(url).status_code == 200, url

"""The catalogue page as visitors and financiers use it: list, table, bad input, and exports."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Group

from initiatives.eod.access import FINANCIERS_GROUP
from search.backends import DatabaseBackend
from search.records import all_records
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(home_page, settings):
    settings.SEARCH_BACKEND = "database"
    shelf = EodCatalogPageFactory(parent=home_page)
    EodProgrammePageFactory(
        parent=shelf, title="Ganjiang river restoration", province="JX", contact_email="desk@ganjiang.example.cn"
    )
    EodProgrammePageFactory(
        parent=shelf,
        title="Datong mine rehabilitation",
        province="SX",
        instruments=["equity"],
        total_investment=Decimal(400),
        financing_sought=Decimal(300),
        financing_secured=Decimal(300),
        contact_email="desk@datong.example.cn",
    )
    DatabaseBackend().replace_all(all_records())
    return shelf


@pytest.fixture
def financier(django_user_model):
    user = django_user_model.objects.create_user("fin@bank.example.com", "fin@bank.example.com", "pw-long-enough-1")
    user.groups.add(Group.objects.get_or_create(name=FINANCIERS_GROUP)[0])
    return user


def test_the_public_sees_programmes_and_figures_but_no_contacts_or_exports(client, shelf):
    html = client.get(shelf.url).content.decode()

    assert "Ganjiang river restoration" in html and "Datong mine rehabilitation" in html
    assert "2 programmes" in html
    assert "desk@ganjiang.example.cn" not in html
    assert "export/csv" not in html
    assert "Approved financiers see contacts" in html


def test_the_table_view_shows_the_same_programmes(client, shelf):
    html = client.get(shelf.url, {"view": "table"}).content.decode()

    assert '<table class="catalogue-table">' in html
    assert html.count('<th scope="row">') == 2


def test_facets_narrow_the_list(client, shelf):
    html = client.get(shelf.url, {"province": "SX"}).content.decode()

    assert "Datong mine rehabilitation" in html
    assert "Ganjiang river restoration" not in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"gap_min": "abc"}, "Financing gap from (CNY million): Enter a number."),
        ({"invest_min": "-5"}, "Ensure this value is greater than or equal to 0."),
        ({"gap_min": "500", "gap_max": "100"}, "The lower bound is above the upper bound"),
        ({"invest_max": "1e400"}, "Total investment to (CNY million)"),
        ({"province": "XX"}, "Select a valid choice. XX is not one of the available choices."),
    ],
)
def test_bad_input_is_reported_and_the_rest_of_the_search_still_applies(client, shelf, params, message):
    response = client.get(shelf.url, {**params, "instrument": "equity"})

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Datong mine rehabilitation" in html  # the valid filter still applies
    assert "Ganjiang river restoration" not in html


def test_exports_are_refused_to_the_public_and_to_users_who_are_not_approved_financiers(client, shelf):
    from initiatives.models import Financier
    from tests.initiatives.financiers.factories import FinancierFactory
    from tests.members.factories import RepresentativeFactory

    url = shelf.url + "export/csv/"
    anonymous = client.get(url)
    assert anonymous.status_code == 403
    assert b"desk@" not in anonymous.content

    for user in (RepresentativeFactory().user, FinancierFactory(status=Financier.Status.PENDING).user):
        client.force_login(user)
        refused = client.get(shelf.url + "export/xlsx/")
        assert refused.status_code == 403
        assert b"desk@" not in refused.content
        assert "export/csv" not in client.get(shelf.url).content.decode()
    assert client.get(shelf.url + "export/pdf/").status_code == 404


def test_a_financier_downloads_the_current_result_set_with_contacts(client, shelf, financier):
    client.force_login(financier)

    page = client.get(shelf.url).content.decode()
    assert "export/csv/" in page and "export/xlsx/" in page

    response = client.get(shelf.url + "export/csv/", {"province": "JX"})
    assert response["Content-Type"].startswith("text/csv")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["Programme"] for row in rows] == ["Ganjiang river restoration"]
    assert rows[0]["Contact email"] == "desk@ganjiang.example.cn"
    assert rows[0]["Financing gap (CNY million)"] == "300"

    workbook = openpyxl.load_workbook(io.BytesIO(client.get(shelf.url + "export/xlsx/", {"sort": "gap"}).content))
    sheet = workbook.active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Ganjiang river restoration", "Datong mine rehabilitation"]  # largest gap first


def test_a_saved_search_keeps_the_valid_filters_in_a_stable_order():
    from initiatives.eod.catalogue import canonical_querystring, describe

    messy = "gap_min=100.00&province=SX&province=JX&page=3&view=table&sort=relevance&q=&invest_max=abc"
    assert canonical_querystring(messy) == "province=JX&province=SX&gap_min=100"
    assert canonical_querystring("province=SX&province=JX&gap_min=100") == canonical_querystring(messy)
    assert canonical_querystring("q=wetland&exact=on") == "q=wetland&exact=1"  # a switch is kept only when on
    assert canonical_querystring("invest_min=0") == "invest_min=0"
    assert describe("gap_max=0") == ["Financing gap ≤ 0 million"]
    assert describe("q=wetland&province=JX&instrument=loan&gap_min=100") == [
        "“wetland”",
        "Province: Jiangxi",
        "Instrument sought: Loan",
        "Financing gap ≥ 100 million",
    ]


def test_figures_copied_to_a_translation_reach_its_search_record(
    home_page, settings, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from search.models import SearchEntry

    settings.SEARCH_BACKEND, settings.ELASTICSEARCH_URL = "database", ""
    shelf = EodCatalogPageFactory(parent=home_page)
    programme = EodProgrammePageFactory(parent=shelf, province="JX")
    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    home_page.copy_for_translation(chinese).save_revision().publish()
    shelf.copy_for_translation(chinese).save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translated = programme.copy_for_translation(chinese)
        translated.save_revision().publish()

    programme.province = "HN"
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()

    # Copied with a queryset update, which sends no save signal: the copy queues its own index update.
    assert SearchEntry.objects.get(key=f"initiatives.eodprogrammepage:{translated.pk}").province == "HN"


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.services)])
def search_backend(request, settings):
    """The catalogue answered by each backend; the Elasticsearch case needs the real cluster."""
    settings.SEARCH_BACKEND = request.param
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        return DatabaseBackend()
    request.getfixturevalue("elasticsearch")  # require_service, and the test's indices removed afterwards
    from search.backends import ElasticsearchBackend

    return ElasticsearchBackend()


def test_newest_lists_the_most_recently_published_programme_first(client, home_page, search_backend):
    import datetime

    from django.db.models.functions import Coalesce
    from django.utils import timezone

    from initiatives.models import EodProgrammePage
    from search import indexes

    shelf = EodCatalogPageFactory(parent=home_page)
    # Title: publication day, total investment, financing sought and secured. Newest first is neither the
    # order of creation, nor of size, nor of financing gap, so only the date sort can give it.
    programmes = {
        "Ganjiang river restoration": (datetime.date(2025, 11, 3), 1200, 800, 500),
        "Datong mine rehabilitation": (datetime.date(2026, 2, 14), 400, 300, 300),
        "Yancheng coastal wetland": (datetime.date(2025, 6, 30), 900, 500, 450),
    }
    for title, (day, total, sought, secured) in programmes.items():
        page = EodProgrammePageFactory(
            parent=shelf,
            title=title,
            total_investment=Decimal(total),
            financing_sought=Decimal(sought),
            financing_secured=Decimal(secured),
        )
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        EodProgrammePage.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    search_backend.replace_all(all_records())
    if search_backend.name == "elasticsearch":
        search_backend.client.indices.refresh(index=indexes.alias_name())

    published = Coalesce("last_published_at", "first_published_at")
    newest_first = list(EodProgrammePage.objects.live().order_by(published.desc()).values_list("title", flat=True))
    html = client.get(shelf.url, {"sort": "newest", "view": "table"}).content.decode()

    shown = sorted(programmes, key=html.index)
    assert (
        shown
        == newest_first
        == ["Datong mine rehabilitation", "Ganjiang river restoration", "Yancheng coastal wetland"]
    )
    for other in ("gap", "size"):
        assert (
            sorted(programmes, key=client.get(shelf.url, {"sort": other, "view": "table"}).content.decode().index)
            != shown
        )

"""The search page beyond the contract: first visit, the header link, a cluster that is down."""

import pytest
from wagtail.models import Locale

from search.backends import DatabaseBackend
from search.records import all_records
from tests.portal.factories import StandardPageFactory
from tests.portal.library.factories import PolicyDocumentFactory, PolicyLibraryPageFactory

pytestmark = pytest.mark.django_db


def test_first_visit_explains_what_can_be_searched(client, home_page):
    html = client.get("/search/").content.decode()

    assert "full text of each document" in html
    assert 'name="robots" content="noindex"' in html
    assert 'href="/search/"' in client.get("/").content.decode()  # the header links to it


def test_chinese_first_visit(client, home_page):
    html = client.get("/zh-hans/search/").content.decode()

    assert "搜索" in html
    assert "每份文件的全文" in html


def test_an_unreachable_cluster_falls_back_to_the_database_copy(client, home_page, settings):
    StandardPageFactory(parent=home_page, title="Hydrogen valleys")
    DatabaseBackend().replace_all(all_records())
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there

    response = client.get("/search/", {"q": "hydrogen"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Hydrogen</mark> valleys" in html
    assert "reduced mode" in html


def test_nothing_found_page_offers_ways_forward(client, home_page, settings):
    settings.SEARCH_BACKEND = "database"
    StandardPageFactory(parent=home_page, title="Hydrogen valleys")
    DatabaseBackend().replace_all(all_records())

    html = client.get("/search/", {"q": "hydrogn", "type": "portal.policydocument"}).content.decode()

    assert "Nothing matches" in html
    assert "Did you mean" in html
    assert "hydrogen" in html
    assert "Remove all filters" in html


def test_documents_found_on_chinese_pages_link_to_the_chinese_library(client, home_page, settings):
    settings.SEARCH_BACKEND = "database"
    library = PolicyLibraryPageFactory(parent=home_page)
    chinese = Locale.objects.create(language_code="zh-hans")
    home_page.copy_for_translation(chinese).save_revision().publish()
    library.copy_for_translation(chinese).save_revision().publish()
    PolicyDocumentFactory(title="Hydrogen industry plan", slug="hydrogen-plan")
    DatabaseBackend().replace_all(all_records())

    english = client.get("/search/", {"q": "hydrogen"}).content.decode()
    chinese_html = client.get("/zh-hans/search/", {"q": "hydrogen"}).content.decode()

    assert 'href="/library/hydrogen-plan/"' in english
    assert 'href="/zh-hans/library/hydrogen-plan/"' in chinese_html

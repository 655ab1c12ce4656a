"""What a visitor sees around every page: navigation, languages, errors, sitemap."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale, Site

from portal.blocks import CallToActionBlock
from portal.models import MenuItem, SiteIdentity
from portal.views import server_error
from tests.portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About the association", slug="about")


@pytest.fixture
def about_in_chinese(about):
    chinese = Locale.objects.create(language_code="zh-hans")
    home_zh = about.get_parent().copy_for_translation(chinese)
    home_zh.save_revision().publish()
    page = about.copy_for_translation(chinese)
    page.title = "关于协会"
    page.save_revision().publish()
    return page


@pytest.fixture
def identity(about):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.menu_items = [MenuItem(page=about, sort_order=0), MenuItem(url="https://example.org/", label_en="Partners", label_zh="合作伙伴", sort_order=1)]  # fmt: skip
    identity.save()
    return identity


def test_base_template_is_accessible_and_loads_nothing_from_elsewhere(client, about):
    html = client.get("/about/").content.decode()

    assert '<html lang="en"' in html
    assert 'href="#main"' in html and 'id="main"' in html
    for external in ("https://fonts.", "cdn.", '<script src="http', '<link rel="stylesheet" href="http'):
        assert external not in html


def test_navigation_comes_from_site_settings_and_marks_the_current_page(client, identity):
    html = client.get("/about/").content.decode()

    assert 'href="/about/" aria-current="page"' in html
    assert 'href="https://example.org/"' in html and "Partners" in html


def test_navigation_speaks_the_visitors_language(client, identity, about_in_chinese):
    html = client.get("/zh-hans/about/").content.decode()

    assert '<html lang="zh-hans"' in html
    assert 'href="/zh-hans/about/"' in html and "关于协会" in html  # the translated page, by its own title
    assert "合作伙伴" in html  # an address link, by its Chinese label
    assert "跳到主要内容" in html  # interface strings are translated too


def test_a_page_names_its_canonical_address_and_its_translations(client, about_in_chinese):
    about = about_in_chinese.get_translation(Locale.objects.get(language_code="en"))
    html = client.get("/zh-hans/about/").content.decode()

    assert f'<link rel="canonical" href="{about_in_chinese.get_full_url()}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{about.get_full_url()}">' in html
    assert about_in_chinese.get_full_url().endswith("/zh-hans/about/")


def test_language_switcher_links_to_the_live_translation(client, about_in_chinese):
    html = client.get("/about/").content.decode()

    assert 'hreflang="zh-hans"' in html
    assert 'href="/zh-hans/about/"' in html


def test_a_translation_published_later_joins_the_switcher_once_committed(client, about, django_capture_on_commit_callbacks):  # fmt: skip
    assert 'href="/zh-hans/about/"' not in client.get("/about/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        chinese = Locale.objects.create(language_code="zh-hans")
        about.get_parent().copy_for_translation(chinese).save_revision().publish()
        about.copy_for_translation(chinese).save_revision().publish()

    assert 'href="/zh-hans/about/"' in client.get("/about/").content.decode()


def test_menu_link_needs_exactly_one_target_and_a_label_for_addresses():
    with pytest.raises(ValidationError):
        MenuItem(label_en="Nowhere").clean()
    with pytest.raises(ValidationError):
        MenuItem(url="https://example.org/").clean()


def test_menu_label_falls_back_to_english_when_no_chinese_label(identity):
    item = MenuItem(url="https://example.org/", label_en="Partners")
    with translation.override("zh-hans"):
        assert item.label == "Partners"


@pytest.mark.parametrize("value", [{"page": None, "url": ""}, {"page": "PAGE", "url": "https://example.org/"}])
def test_call_to_action_needs_a_page_or_an_address_not_both(value, about):
    block = CallToActionBlock()
    data = {"heading": "Join", "text": "", "button_label": "Go", **value}
    data["page"] = about.pk if data["page"] == "PAGE" else None

    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(data))


def test_unknown_address_gets_the_friendly_404(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We couldn’t find that page" in response.content.decode()


def test_500_page_renders_without_touching_the_database():
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        response = server_error(request)

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert len(queries) == 0


def test_sitemap_lists_live_pages(client, about):
    xml = client.get("/sitemap.xml").content.decode()

    assert "/about/</loc>" in xml


def test_menu_path_links_follow_the_visitors_language(identity):
    item = MenuItem(url="/pledges/", label_en="Pledge tracker", label_zh="承诺追踪")
    item.full_clean(exclude=["setting"])

    with translation.override("zh-hans"):
        assert (item.href, item.label) == ("/zh-hans/pledges/", "承诺追踪")
    assert (item.href, item.label) == ("/pledges/", "Pledge tracker")


@pytest.mark.parametrize("address", ["javascript:alert(1)", "//evil.example", "pledges"])
def test_menu_refuses_addresses_that_are_neither_urls_nor_site_paths(address):
    with pytest.raises(ValidationError):
        MenuItem(url=address, label_en="Bad").full_clean(exclude=["setting"])


def test_sitemap_lists_the_tracker_and_company_pages_in_both_languages(client, home_page):
    from tests.members.factories import MemberCompanyFactory

    company = MemberCompanyFactory(slug="aldermoor-chemicals")
    xml = client.get("/sitemap.xml").content.decode()

    assert f"/pledges/{company.slug}/</loc>" in xml
    assert f"/zh-hans/pledges/{company.slug}/</loc>" in xml


def test_every_page_has_a_search_box_for_the_visitors_language(about_in_chinese, client):
    english = client.get("/about/").content.decode()
    chinese = client.get("/zh-hans/about/").content.decode()

    assert 'action="/search/"' in english and 'name="q"' in english
    assert 'action="/zh-hans/search/"' in chinese

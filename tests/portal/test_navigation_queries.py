"""The menu and footer cost the same few queries however many pages they link, in either language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from portal import page_cache
from portal.models import FooterLink, MenuItem, SiteIdentity
from tests.portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, path: str, *, links_cached: bool = False) -> int:
    client.get(path)  # site root paths and the like are cached after the first request
    if not links_cached:
        page_cache.bump_generation()  # what any content change does: the links are built again
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def link_pages(home_page, count: int, first: int = 0) -> None:
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    numbers = range(first, first + count)
    pages = [StandardPageFactory(parent=home_page, title=f"Section {n}", slug=f"section-{n}") for n in numbers]
    identity.menu_items = [MenuItem(page=page, sort_order=n) for n, page in enumerate(pages)]
    identity.footer_links = [FooterLink(page=page, sort_order=n) for n, page in enumerate(pages)]
    identity.save()


@pytest.mark.parametrize("path", ["/search/", "/zh-hans/search/"])
def test_navigation_queries_do_not_grow_with_its_links(client, home_page, path):
    Locale.objects.get_or_create(language_code="zh-hans")
    link_pages(home_page, 2)
    few = queries_for(client, path)
    link_pages(home_page, 8, first=2)

    assert queries_for(client, path) == few
    assert client.get(path).content.decode().count('class="site-nav__link"') == 8


def test_the_links_are_built_once_per_content_change_not_per_page(client, home_page):
    link_pages(home_page, 4)

    assert queries_for(client, "/search/", links_cached=True) < queries_for(client, "/search/")


def test_a_committed_menu_change_shows_on_the_next_page(client, home_page, django_capture_on_commit_callbacks):
    link_pages(home_page, 1)
    assert client.get("/search/").content.decode().count('class="site-nav__link"') == 1

    with django_capture_on_commit_callbacks(execute=True):
        link_pages(home_page, 3, first=1)

    assert client.get("/search/").content.decode().count('class="site-nav__link"') == 3


def test_menu_links_go_to_the_live_translation_with_its_title(client, home_page):
    chinese = Locale.objects.create(language_code="zh-hans")
    home_page.copy_for_translation(chinese).save_revision().publish()
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    translation = page.copy_for_translation(chinese)
    translation.title = "关于我们"
    translation.save_revision().publish()
    untranslated = StandardPageFactory(parent=home_page, title="Only English", slug="only-english")
    link_pages_to = [MenuItem(page=page, sort_order=0), MenuItem(page=untranslated, sort_order=1)]
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.menu_items = link_pages_to
    identity.save()

    html = client.get("/zh-hans/search/").content.decode()

    assert 'href="/zh-hans/about/"' in html and "关于我们" in html
    assert 'href="/only-english/"' in html and "Only English" in html


def test_breadcrumbs_are_kept_until_content_changes_and_then_show_the_change(
    client, home_page, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # every page rendered: what is kept is the breadcrumbs alone
    section = StandardPageFactory(parent=home_page, title="Policy", slug="policy")
    StandardPageFactory(parent=section, title="Briefs", slug="briefs")
    first = client.get("/policy/briefs/").content.decode()
    assert '<a href="/policy/">Policy</a>' in first

    with CaptureQueriesContext(connection) as again:
        client.get("/policy/briefs/")
    assert not [q for q in again.captured_queries if '"wagtailcore_page"."depth" > 1' in q["sql"]]  # the ancestors

    with django_capture_on_commit_callbacks(execute=True):
        section.title = "Policy work"
        section.save_revision().publish()

    assert '<a href="/policy/">Policy work</a>' in client.get("/policy/briefs/").content.decode()

"""The demo command builds a complete site on an empty database."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils.html import escape
from wagtail.models import Page

from demo.briefs_content import BRIEFS
from demo.eod_content import STAGE_COUNTS
from demo.events_content import EVENTS
from demo.site import STAFF_USERS
from initiatives.models import EodCatalogPage, EodProgrammePage, EventIndexPage, EventPage
from members.models import MemberCompany
from portal.models import PolicyBriefIndexPage, PolicyBriefPage, PolicyLibraryPage, SiteIdentity

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_media(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once for this module, inside a transaction rolled back at the end."""
    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", companies=12, stdout=StringIO())
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_media, db, settings):
    settings.MEDIA_ROOT = demo_media


def test_every_demo_page_is_served_with_its_title(demo, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    site_pages = pages.not_type(
        EventIndexPage, EventPage, PolicyLibraryPage, PolicyBriefIndexPage, PolicyBriefPage, EodCatalogPage,
        EodProgrammePage,
    )  # fmt: skip
    assert site_pages.count() == 14  # home and six pages, in English and Chinese
    assert pages.type(EventIndexPage).count() == 2
    assert pages.type(EventPage).count() == 2 * len(EVENTS)
    assert pages.type(PolicyLibraryPage).count() == pages.type(PolicyBriefIndexPage).count() == 2
    assert pages.type(PolicyBriefPage).count() == len(BRIEFS) + sum(brief[5] for brief in BRIEFS)
    assert pages.type(EodCatalogPage).count() == 2
    assert pages.type(EodProgrammePage).count() == 2 * sum(STAGE_COUNTS.values())

    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert escape(page.title) in response.content.decode(), page.url


def test_home_page_shows_hero_navigation_and_member_logos(demo, client):
    html = client.get("/").content.decode()

    assert "Manufacturing China&#x27;s path to carbon neutrality" in html
    assert 'href="/dual-carbon-goals/"' in html
    assert 'href="/briefs/">Policy briefs<' in html and 'href="/library/">Library<' in html
    assert "Low-Carbon Manufacturers Association" in html
    first = MemberCompany.objects.order_by("name_en").first()
    assert first.name_en in html  # logo alt text
    assert 'href="/api/v1/docs">Open data API<' in html
    assert client.get("/api/v1/docs").status_code == 200


def test_chinese_pages_use_chinese_navigation(demo, client):
    html = client.get("/zh-hans/").content.decode()

    assert "制造业迈向碳中和之路" in html
    assert 'href="/zh-hans/dual-carbon-goals/"' in html
    assert 'href="/zh-hans/briefs/">政策简报<' in html and 'href="/zh-hans/library/">政策文件库<' in html
    assert "低碳制造商协会" in html
    assert 'href="/api/v1/docs">开放数据接口<' in html


def test_demo_creates_staff_for_each_role_who_can_log_in_to_the_admin(demo, client):
    for username, password, group, *_ in STAFF_USERS:
        user = get_user_model().objects.get(username=username)
        assert user.is_superuser == (group is None)
        if group:
            assert user.groups.filter(name=group).exists()
        client.logout()
        # Through the admin's sign-in form: login throttling needs a request to judge.
        response = client.post("/admin/login/", {"username": username, "password": password})
        assert response.status_code == 302, username
        assert client.get("/admin/").status_code == 200


def test_demo_companies_have_bilingual_names_and_generated_logos(demo):
    companies = MemberCompany.objects.select_related("logo")
    assert companies.count() == 12
    for company in companies:
        assert company.name_zh
        assert company.logo.width == 480 and company.logo.height == 240


def test_loading_twice_changes_nothing_that_counts(demo):
    counts = (Page.objects.count(), MemberCompany.objects.count(), get_user_model().objects.count())
    logos = set(MemberCompany.objects.values_list("logo_id", flat=True))

    call_command("load_demo", companies=12, stdout=StringIO())

    assert (Page.objects.count(), MemberCompany.objects.count(), get_user_model().objects.count()) == counts
    assert set(MemberCompany.objects.values_list("logo_id", flat=True)) == logos
    assert SiteIdentity.objects.get().menu_items.count() == 9


def test_the_demo_is_searchable_in_both_languages_once_loaded(demo):
    from search.results import SearchRequest
    from search.service import SearchService

    service = SearchService()
    chinese = service.search(SearchRequest(text="碳达峰"))
    english = service.search(SearchRequest(text="green factory"))

    assert chinese.total > 10 and english.total > 10
    assert {hit.content_type for hit in chinese.hits} >= {"portal.policydocument"}

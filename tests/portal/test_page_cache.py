"""The anonymous page cache: served before routing with no SQL, retired at once by a change, never personal."""

import gzip
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from wagtail.models import Locale, Site

from initiatives.models import Registration
from portal import page_cache
from portal.models import MenuItem, SiteIdentity
from tests.conftest import require_service
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def home_page(home_page):
    # The site's settings row exists on a running site; made by the first render, it would retire that page.
    SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    return home_page


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


def test_second_anonymous_request_is_served_from_the_cache_without_sql(client, about, django_assert_num_queries):
    first = client.get("/about/")
    with django_assert_num_queries(0):
        second = client.get("/about/")

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.status_code == 200
    assert second.content == first.content
    assert "About the association" in second.content.decode()


def test_a_browser_that_accepts_gzip_gets_the_kept_page_gzipped_and_any_other_client_the_page_itself(client, about):
    first = client.get("/about/")
    packed = client.get("/about/", headers={"accept-encoding": "gzip, deflate, br"})
    plain = client.get("/about/", headers={"accept-encoding": "identity"})

    assert (packed["X-Cache"], packed["Content-Encoding"]) == ("hit", "gzip")
    assert gzip.decompress(packed.content) == first.content
    assert len(packed.content) < len(first.content) / 2
    assert plain["X-Cache"] == "hit" and not plain.has_header("Content-Encoding")
    assert plain.content == first.content
    # A shared cache between must keep the two apart.
    assert "accept-encoding" in packed["Vary"].lower() and "accept-encoding" in plain["Vary"].lower()


def test_a_hit_carries_every_header_of_the_page_including_security_headers(client, about):
    first = client.get("/about/")
    second = client.get("/about/")

    def headers(response):
        values = {name: value for name, value in response.items() if name not in ("X-Cache", "Vary")}
        return values, {part.strip() for part in response["Vary"].split(",")}

    assert headers(second) == headers(first)  # Vary still names Cookie: proxies keep hits from signed-in visitors
    # Added by SecurityMiddleware, which sits above the cache: present on a hit too.
    assert second["X-Content-Type-Options"] == "nosniff"
    assert "X-Frame-Options" in second


def test_head_is_answered_from_the_entry_a_get_stored(client, about):
    client.get("/about/")

    assert client.head("/about/")["X-Cache"] == "hit"


def test_publishing_a_change_shows_at_once(client, about, django_capture_on_commit_callbacks):
    client.get("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        about.title = "About us, revised"
        about.save_revision().publish()

    response = client.get("/about/")

    assert response["X-Cache"] == "miss"
    assert "About us, revised" in response.content.decode()


def _rendering_lock(path: str) -> str:
    """The lock the request re-rendering a retired page holds (the test client's host and language)."""
    request = RequestFactory().get(path)
    request.LANGUAGE_CODE = "en"
    return f"{page_cache.cache_key(request)}:rendering"


def test_while_a_retired_page_is_rendered_again_other_visitors_get_the_retired_copy(client, about, settings, django_assert_num_queries, django_capture_on_commit_callbacks):  # fmt: skip
    settings.PORTAL_PAGE_CACHE_GRACE_SECONDS = 10
    client.get("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        about.title = "About us, revised"
        about.save_revision().publish()
    cache.add(_rendering_lock("/about/"), 1, timeout=10)  # another visitor's request is rendering it

    with django_assert_num_queries(0):
        meanwhile = client.get("/about/")
    cache.delete(_rendering_lock("/about/"))  # that render is done (it would have stored the new page)
    after = client.get("/about/")

    assert meanwhile["X-Cache"] == "stale" and "About the association" in meanwhile.content.decode()
    assert after["X-Cache"] == "miss" and "About us, revised" in after.content.decode()
    assert client.get("/about/")["X-Cache"] == "hit"


def test_the_request_that_renders_a_retired_page_releases_its_lock(client, about, settings, django_capture_on_commit_callbacks):  # fmt: skip
    settings.PORTAL_PAGE_CACHE_GRACE_SECONDS = 10
    client.get("/about/")
    for title in ("First revision", "Second revision"):
        with django_capture_on_commit_callbacks(execute=True):
            about.title = title
            about.save_revision().publish()
        response = client.get("/about/")

        # Each retirement is rendered by the first request after it, never answered stale for want of a lock.
        assert response["X-Cache"] == "miss" and title in response.content.decode()
        assert cache.get(_rendering_lock("/about/")) is None


def test_a_retired_copy_is_served_no_longer_than_the_grace(client, about, settings, django_capture_on_commit_callbacks):  # fmt: skip
    settings.PORTAL_PAGE_CACHE_GRACE_SECONDS = 1
    client.get("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        about.title = "About us, revised"
        about.save_revision().publish()
    # A render that never finished (its worker killed): its lock lapses with the grace.
    cache.add(_rendering_lock("/about/"), 1, timeout=1)
    assert client.get("/about/")["X-Cache"] == "stale"

    time.sleep(1.1)

    assert "About us, revised" in client.get("/about/").content.decode()


def test_while_the_site_renders_as_many_retired_pages_as_it_may_others_are_served_as_they_were(client, about, settings, django_capture_on_commit_callbacks):  # fmt: skip
    settings.PORTAL_PAGE_CACHE_GRACE_SECONDS = 1
    settings.PORTAL_PAGE_CACHE_RENDERS = 2
    client.get("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        about.title = "About us, revised"
        about.save_revision().publish()
    cache.set(page_cache.RENDERS_KEY, 2, timeout=10)  # two other retired pages are being rendered

    meanwhile = client.get("/about/")
    cache.set(page_cache.RENDERS_KEY, 1, timeout=10)  # one of them is done
    freed = client.get("/about/")

    assert meanwhile["X-Cache"] == "stale" and "About the association" in meanwhile.content.decode()
    assert freed["X-Cache"] == "miss" and "About us, revised" in freed.content.decode()
    assert cache.get(page_cache.RENDERS_KEY) == 1  # its slot given back


def test_a_retired_page_is_rendered_once_its_grace_is_over_however_busy_the_site_is(client, about, settings, django_capture_on_commit_callbacks):  # fmt: skip
    settings.PORTAL_PAGE_CACHE_GRACE_SECONDS = 1
    settings.PORTAL_PAGE_CACHE_RENDERS = 2
    client.get("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        about.title = "About us, revised"
        about.save_revision().publish()
    cache.set(page_cache.RENDERS_KEY, 2, timeout=10)
    assert client.get("/about/")["X-Cache"] == "stale"

    time.sleep(1.1)

    assert "About us, revised" in client.get("/about/").content.decode()


def test_unpublishing_a_page_removes_it_at_once(client, about, django_capture_on_commit_callbacks):
    client.get("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        about.unpublish()

    assert client.get("/about/").status_code == 404


def test_a_snippet_or_setting_change_shows_at_once(client, about, django_capture_on_commit_callbacks):
    client.get("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
        identity.menu_items = [MenuItem(url="https://example.org/", label_en="Partners", sort_order=0)]
        identity.save()

    assert "Partners" in client.get("/about/").content.decode()


def test_a_registration_retires_its_event_page(client, home_page, django_capture_on_commit_callbacks):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=1)
    assert client.get(event.url)["X-Cache"] == "miss"
    assert client.get(event.url)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)

    response = client.get(event.url)
    assert response["X-Cache"] == "miss" and "Full" in response.content.decode()


def test_a_search_index_update_retires_the_cache_when_its_task_has_run(client, about, django_capture_on_commit_callbacks):  # fmt: skip
    from search.records import key_for
    from search.tasks import sync_record

    assert client.get("/search/?q=association")["X-Cache"] == "miss"
    assert client.get("/search/?q=association")["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):  # a worker runs it outside any transaction
        sync_record.delay(key_for("wagtailcore.page", about.pk))  # what a publish queues, run here in-process

    assert client.get("/search/?q=association")["X-Cache"] == "miss"


def test_bookkeeping_writes_do_not_retire_the_cache(client, about, django_capture_on_commit_callbacks):
    client.get("/about/")
    with django_capture_on_commit_callbacks(execute=True):
        SessionStore().create()  # someone signs in somewhere

    assert client.get("/about/")["X-Cache"] == "hit"


def test_nothing_is_kept_or_bumped_until_commit(client, about, django_capture_on_commit_callbacks):
    client.get("/about/")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        about.title = "Not committed yet"
        about.save_revision().publish()

    assert callbacks  # the bump waits for the commit: before it, readers still see the old rows
    assert client.get("/about/")["X-Cache"] == "hit"


def test_signed_in_visitor_neither_gets_nor_fills_the_cache(about):
    user = get_user_model().objects.create_user("reader", password="a-long-password-1")
    signed_in = Client()
    signed_in.force_login(user)

    first = signed_in.get("/about/")
    assert "X-Cache" not in first  # bypassed: not even looked up
    assert Client().get("/about/")["X-Cache"] == "miss"  # so the signed-in visit stored nothing

    assert Client().get("/about/")["X-Cache"] == "hit"
    assert "X-Cache" not in signed_in.get("/about/")  # and a stored page is never served to them


def test_a_request_with_a_cookie_is_served_but_never_stores(about):
    with_csrf_cookie = Client()
    with_csrf_cookie.cookies["csrftoken"] = "x" * 32

    assert with_csrf_cookie.get("/about/")["X-Cache"] == "miss"
    assert Client().get("/about/")["X-Cache"] == "miss"  # the cookie-carrying render was not kept
    assert with_csrf_cookie.get("/about/")["X-Cache"] == "hit"  # a cookieless render is fine for it


@pytest.mark.parametrize("cookie", ["sessionid", "messages", "some-tracker"])
def test_a_session_message_or_unknown_cookie_bypasses_the_cache(about, cookie):
    Client().get("/about/")
    visitor = Client()
    visitor.cookies[cookie] = "value"

    assert "X-Cache" not in visitor.get("/about/")


def test_an_event_page_open_for_registration_is_kept_without_anyone_s_csrf_token(client, home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))

    first = client.get(event.url)
    assert not first.cookies  # no token was made for this visitor...
    assert '<input type="hidden" name="csrfmiddlewaretoken" value="">' in first.content.decode()  # ...nor shown
    assert "data-token-url=" in first.content.decode()  # the site's script fetches each visitor's own
    assert Client().get(event.url)["X-Cache"] == "hit"


def test_chinese_and_english_pages_have_their_own_entries(client, about_in_chinese):
    client.get("/about/")
    client.get("/about/")

    chinese = client.get("/zh-hans/about/")

    assert chinese["X-Cache"] == "miss"
    assert "关于协会" in chinese.content.decode()
    assert client.get("/zh-hans/about/")["X-Cache"] == "hit"
    assert "About the association" in client.get("/about/").content.decode()


def test_language_switcher_is_a_plain_link_so_pages_need_no_csrf_cookie(client, home_page):
    response = client.get("/search/?q=carbon")

    assert 'href="/zh-hans/search/?q=carbon"' in response.content.decode()
    assert not response.cookies
    assert response["X-Cache"] == "miss" and client.get("/search/?q=carbon")["X-Cache"] == "hit"


def test_query_string_order_does_not_matter_but_filters_do(client, home_page):
    assert client.get("/search/?q=carbon&sort=date")["X-Cache"] == "miss"
    assert client.get("/search/?sort=date&q=carbon")["X-Cache"] == "hit"
    assert client.get("/search/?q=carbon&sort=relevance")["X-Cache"] == "miss"
    assert client.get("/search/?q=neutrality&sort=date")["X-Cache"] == "miss"


@pytest.mark.parametrize("path", ["/members/", "/zh-hans/financiers/", "/admin/", "/django-admin/", "/api/v1/events"])
def test_personal_and_admin_areas_are_never_cached(client, home_page, path):
    assert "X-Cache" not in client.get(path)


def test_a_request_with_credentials_bypasses_the_cache(client, about):
    client.get("/about/")

    assert "X-Cache" not in client.get("/about/", headers={"Authorization": "Bearer some-token"})


def test_a_cache_that_keeps_nothing_serves_every_page_rendered(client, about, settings):
    # What an unreachable Redis looks like through the resilient cache backend: every read misses.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    first, second = client.get("/about/"), client.get("/about/")

    assert (first.status_code, second.status_code) == (200, 200)
    assert "X-Cache" not in second


@pytest.mark.services
def test_pages_come_from_redis_without_sql_and_a_publish_retires_them(client, about, settings, django_assert_num_queries, django_capture_on_commit_callbacks):  # fmt: skip
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": require_service("CACHE_URL"),
            "KEY_PREFIX": f"test-page-cache-{uuid.uuid4().hex[:8]}",  # nothing from another run
        }
    }
    client.get("/about/")
    with django_assert_num_queries(0):
        assert client.get("/about/")["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        about.title = "About us, from Redis"
        about.save_revision().publish()

    response = client.get("/about/")
    assert response["X-Cache"] == "miss" and "About us, from Redis" in response.content.decode()


def test_switched_off_by_a_zero_ttl(client, about, settings, django_assert_num_queries):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    client.get("/about/")

    response = client.get("/about/")

    assert "X-Cache" not in response


def _response(**headers) -> HttpResponse:
    response = HttpResponse("page")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


@pytest.mark.parametrize(
    ("headers", "storable"),
    [
        ({}, True),
        ({"Vary": "Cookie, Accept-Language"}, True),  # from a cookieless request: depends on nothing
        ({"Vary": "User-Agent"}, False),
        ({"Vary": "*"}, False),
        ({"Cache_Control": "private"}, False),
        ({"Cache_Control": "max-age=0, no-cache, no-store, must-revalidate"}, False),
    ],
)
def test_which_responses_are_kept(headers, storable):
    request = RequestFactory().get("/about/")

    assert page_cache.is_storable(request, _response(**headers)) is storable


def test_responses_that_set_a_cookie_or_fail_are_not_kept():
    request = RequestFactory().get("/about/")
    with_cookie = _response()
    with_cookie.set_cookie("csrftoken", "secret")

    assert not page_cache.is_storable(request, with_cookie)
    with_session = RequestFactory().get("/about/")
    with_session.session = SessionStore()
    with_session.session["seen"] = True  # the session cookie is set above the cache, after it stored

    assert not page_cache.is_storable(with_session, _response())
    assert not page_cache.is_storable(request, HttpResponse("gone", status=404))
    assert not page_cache.is_storable(RequestFactory().post("/about/"), _response())


def test_kept_data_is_built_again_only_when_one_of_its_tags_or_the_global_one_is_bumped():
    builds = []

    def ranking():
        builds.append(1)
        return [len(builds)]

    def kept():
        return page_cache.kept_per_tags("test:ranking", ["sector:steel"], ranking)

    assert kept() == [1] and kept() == [1]  # kept: built once
    page_cache.bump_tags("sector:cement")
    assert kept() == [1]  # another sector's change leaves it
    page_cache.bump_tags("sector:steel")
    assert kept() == [2]
    page_cache.bump_generation()
    assert kept() == [3]

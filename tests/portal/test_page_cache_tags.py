"""Invalidation by what a page shows: a change retires the cached pages that show it, and no others."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Site

from initiatives.models import Registration
from members.models import Sector
from portal import page_cache
from portal.models import SiteIdentity
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.members.factories import MemberCompanyFactory, PledgeFactory
from tests.portal.factories import StandardPageFactory, translate
from tests.portal.library.factories import PolicyDocumentFactory, PolicyLibraryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def site(home_page):
    SiteIdentity.for_site(Site.objects.get(is_default_site=True))  # made by a first render, it would retire it
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page, slug="events"), capacity=50)
    library = PolicyLibraryPageFactory(parent=home_page)
    PolicyDocumentFactory(title="Action plan for carbon dioxide peaking before 2030")
    company = MemberCompanyFactory(slug="testfield")
    PledgeFactory(company=company)
    about = StandardPageFactory(parent=home_page, title="About the association", slug="about")
    return {
        "event": event.url,
        "events listing": "/events/",
        "tracker": "/pledges/",
        "company": "/pledges/testfield/",
        "library": library.url,
        "home": "/",
        "about (declares nothing)": about.url,
        "_event": event,
        "_company": company,
    }


def _cached(client, site) -> dict[str, str]:
    """Each page's X-Cache on a second visit, after a first that stored it."""
    pages = {name: url for name, url in site.items() if not name.startswith("_")}
    for url in pages.values():
        assert client.get(url).status_code == 200
    return {name: client.get(url)["X-Cache"] for name, url in pages.items()}


def _retired(client, site) -> set[str]:
    return {name for name, url in site.items() if not name.startswith("_") and client.get(url)["X-Cache"] == "miss"}


def test_every_page_is_cached_after_one_visit(client, site):
    assert set(_cached(client, site).values()) == {"hit"}


def test_a_registration_retires_its_event_page_and_leaves_the_tracker_and_the_library_cached(client, site, django_capture_on_commit_callbacks):  # fmt: skip
    _cached(client, site)

    with django_capture_on_commit_callbacks(execute=True):
        RegistrationFactory(event=site["_event"], status=Registration.Status.CONFIRMED)

    # The listing's card still says "Seats available"; a page that declared nothing is retired by every change.
    assert _retired(client, site) == {"event", "about (declares nothing)"}
    assert "49 seats left of 50" in client.get(site["event"]).content.decode()


def test_a_registration_that_changes_a_cards_seats_band_retires_the_listing(client, site, django_capture_on_commit_callbacks):  # fmt: skip
    RegistrationFactory.create_batch(44, event=site["_event"], status=Registration.Status.CONFIRMED)
    _cached(client, site)
    assert "Seats available" in client.get(site["events listing"]).content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # 5 of 50 seats left: "few"
        RegistrationFactory(event=site["_event"], status=Registration.Status.CONFIRMED)

    assert _retired(client, site) == {"event", "events listing", "about (declares nothing)"}
    assert "Few seats left" in client.get(site["events listing"]).content.decode()


def test_a_cancelled_registration_retires_its_event_page_too(client, site, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(event=site["_event"], status=Registration.Status.CONFIRMED)
    _cached(client, site)

    with django_capture_on_commit_callbacks(execute=True):
        registration.delete()

    assert _retired(client, site) == {"event", "about (declares nothing)"}


def test_a_registration_retires_the_event_page_in_every_language(client, site, django_capture_on_commit_callbacks):
    chinese = translate(site["_event"], "研讨会")
    client.get(chinese.url)
    assert client.get(chinese.url)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        RegistrationFactory(event=site["_event"])  # seats belong to the original page

    assert client.get(chinese.url)["X-Cache"] == "miss"


def test_an_approved_pledge_retires_the_tracker_its_company_and_the_home_page(client, site, django_capture_on_commit_callbacks):  # fmt: skip
    _cached(client, site)

    with django_capture_on_commit_callbacks(execute=True):
        PledgeFactory(company=site["_company"], target_year=2050)

    assert _retired(client, site) == {"tracker", "company", "home", "about (declares nothing)"}


def test_a_pledge_of_another_sector_leaves_this_company_page_cached(client, site, django_capture_on_commit_callbacks):
    other = MemberCompanyFactory(sector=Sector.LOGISTICS)  # a new member shows everywhere: before the caching
    _cached(client, site)

    with django_capture_on_commit_callbacks(execute=True):
        PledgeFactory(company=other)

    assert "company" not in _retired(client, site)


def test_a_peers_pledge_retires_this_company_page_which_shows_its_place_among_them(client, site, django_capture_on_commit_callbacks):  # fmt: skip
    peer = MemberCompanyFactory(sector=site["_company"].sector)
    _cached(client, site)

    with django_capture_on_commit_callbacks(execute=True):
        PledgeFactory(company=peer)

    assert "company" in _retired(client, site)


def test_a_library_document_retires_the_library_only(client, site, django_capture_on_commit_callbacks):
    _cached(client, site)

    with django_capture_on_commit_callbacks(execute=True):
        PolicyDocumentFactory(title="Provincial implementation plan")

    assert _retired(client, site) == {"library", "about (declares nothing)"}


def test_a_change_that_shows_everywhere_retires_everything(client, site, django_capture_on_commit_callbacks):
    _cached(client, site)

    with django_capture_on_commit_callbacks(execute=True):
        identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
        identity.save()  # the menus and footer of every page

    assert _retired(client, site) == {name for name in site if not name.startswith("_")}


def _middleware(view):
    return page_cache.PageCacheMiddleware(view)


def test_a_change_committed_while_a_page_renders_retires_what_it_stores():
    def view(request):
        page_cache.depends_on(request, "event:1")  # declared first, then the seats are read...
        page_cache.bump_tags("event:1")  # ...while a registration commits
        return HttpResponse("the seats before it")

    middleware = _middleware(view)

    assert middleware(RequestFactory().get("/seminar/"))["X-Cache"] == "miss"
    assert middleware(RequestFactory().get("/seminar/"))["X-Cache"] == "miss"  # stored under the old version


def test_a_lost_tag_version_retires_its_entries():
    def view(request):
        page_cache.depends_on(request, "event:2")
        return HttpResponse("seats")

    middleware = _middleware(view)
    middleware(RequestFactory().get("/seminar/"))
    assert middleware(RequestFactory().get("/seminar/"))["X-Cache"] == "hit"

    cache.delete(f"{page_cache.TAG_PREFIX}event:2")  # evicted: it starts again from the clock

    assert middleware(RequestFactory().get("/seminar/"))["X-Cache"] == "miss"


def test_bumping_one_tag_keeps_pages_of_other_tags():
    def view(request):
        page_cache.depends_on(request, request.GET["tag"])
        return HttpResponse(request.GET["tag"])

    middleware = _middleware(view)
    for tag in ("event:3", "tracker"):
        middleware(RequestFactory().get("/page/", {"tag": tag}))

    page_cache.bump_tags("event:3")

    assert middleware(RequestFactory().get("/page/", {"tag": "event:3"}))["X-Cache"] == "miss"
    assert middleware(RequestFactory().get("/page/", {"tag": "tracker"}))["X-Cache"] == "hit"

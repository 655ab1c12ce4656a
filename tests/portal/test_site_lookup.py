"""The request's site and identity settings come from the cache, and a committed change shows on the next page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from portal.models import SiteIdentity

pytestmark = pytest.mark.django_db


def site_queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [
        query["sql"] for query in captured if '"wagtailcore_site"' in query["sql"] or "siteidentity" in query["sql"]
    ]


def test_the_site_and_its_settings_are_looked_up_once_not_per_request(client, home_page):
    SiteIdentity.for_site(Site.objects.get(is_default_site=True))

    assert site_queries(client, "/search/")  # the first request finds them in the database

    assert site_queries(client, "/search/") == []


def test_a_committed_identity_change_shows_on_the_next_page(client, home_page, django_capture_on_commit_callbacks):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    assert "Low-Carbon Manufacturers Association" in client.get("/search/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        identity.name_en = "Association for Cleaner Industry"
        identity.save()

    assert "Association for Cleaner Industry" in client.get("/search/").content.decode()


def test_a_committed_change_of_hostname_routes_the_next_request_by_it(client, home_page, settings, django_capture_on_commit_callbacks):  # fmt: skip
    settings.ALLOWED_HOSTS = ["portal.example"]
    site = Site.objects.get(is_default_site=True)
    assert client.get("/", HTTP_HOST="portal.example").status_code == 200  # the default site answers any host

    with django_capture_on_commit_callbacks(execute=True):
        site.is_default_site = False
        site.hostname = "elsewhere.example"
        site.save()

    assert client.get("/", HTTP_HOST="portal.example").status_code == 404


def test_the_api_and_admin_paths_are_left_to_look_the_site_up_themselves(client, home_page):
    SiteIdentity.for_site(Site.objects.get(is_default_site=True))

    with CaptureQueriesContext(connection) as captured:
        assert client.get("/api/v1/openapi.json").status_code == 200

    assert len(captured) == 0

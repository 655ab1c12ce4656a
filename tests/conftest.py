"""Shared fixtures. Tests that need a real service ask for it through
`require_service`: they skip with a reason when its URL is unset, and fail
instead when PORTAL_REQUIRE_SERVICES=1 (as in CI), so a missing service can
never pass unnoticed."""

import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

REQUIRE_SERVICES = os.environ.get("PORTAL_REQUIRE_SERVICES") == "1"


def require_service(setting: str) -> str:
    url = getattr(settings, setting)
    if not url:
        reason = f"{setting} is not set, so this test has no real service to run against"
        if REQUIRE_SERVICES:
            pytest.fail(f"{reason} (PORTAL_REQUIRE_SERVICES=1 forbids skipping)")
        pytest.skip(reason)
    return url


@pytest.fixture(scope="session", autouse=True)
def _views_imported():
    # Import every view module before any test freezes time: the API's pydantic
    # schemas, built at import, cannot describe freezegun's FakeDatetime.
    from django.urls import get_resolver

    assert get_resolver().url_patterns


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded and generated files go to a throwaway folder per test.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_caches():
    # Rolled-back tests reuse ids on SQLite: a cached rendition or counter must not outlive its rows.
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request under /zh-hans/ leaves Chinese active for the rest of the thread.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def elasticsearch():
    require_service("ELASTICSEARCH_URL")
    from search.client import get_client, index_name

    client = get_client()
    yield client
    # Deleting by wildcard is refused (destructive_requires_name), so name each index.
    leftovers = list(client.indices.get(index=index_name("*"), allow_no_indices=True))
    if leftovers:
        client.indices.delete(index=",".join(leftovers))


@pytest.fixture
def home_page(db):
    from tests.portal.factories import HomePageFactory

    return HomePageFactory()


def pytest_collection_modifyitems(items):
    # A transactional test flushes the database when it ends; without serialized
    # rollback, migrations' rows (content types, the page tree root) come back under
    # new ids and every later serialized-rollback test fails to restore them.
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)")

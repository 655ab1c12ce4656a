"""Signing out of every area: a POST ends the session on the server, anything else changes nothing.

A GET on a sign-out address is refused (405) and must leave the visitor exactly as signed in
as before: no cookie deleted, no "signed out" message, the session still valid. After a POST
the old session id is refused: replayed, it is sent to the sign-in page.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from tests.initiatives.financiers.factories import FinancierFactory
from tests.members.factories import RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNED_OUT_MESSAGES = ("You have been successfully logged out.", "You have signed out.")


@dataclass(frozen=True)
class Area:
    name: str
    account: Callable
    logout: str
    dashboard: str
    login: str
    says_so: bool = False  # True: signing out answers with a "logged out" page, not a redirect to `login`


AREAS = [
    Area("admin", lambda: UserFactory(is_staff=True, is_superuser=True), "/admin/logout/", "/admin/", "/admin/login/"),
    Area("member area", lambda: RepresentativeFactory().user, "/members/logout/", "/members/", "/members/login/"),
    Area(
        "financier area", lambda: FinancierFactory().user, "/financiers/logout/", "/financiers/", "/financiers/login/"
    ),
    Area(
        "Django admin",
        lambda: UserFactory(is_staff=True, is_superuser=True),
        "/django-admin/logout/",
        "/django-admin/",
        "/django-admin/login/",
        says_so=True,
    ),
]


@pytest.fixture(params=AREAS, ids=lambda area: area.name)
def area(request):
    return request.param


def signed_in(client: Client, area: Area) -> str:
    """Signs `client` in to the area; returns its session id."""
    client.force_login(area.account())
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def with_session(session_key: str) -> Client:
    """A browser holding only this session cookie."""
    browser = Client()
    browser.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return browser


def test_a_get_on_sign_out_changes_nothing(client, area):
    session_key = signed_in(client, area)

    response = client.get(area.logout)

    assert response.status_code == 405
    assert not response.cookies  # no session cookie deleted, no message stored
    assert Session.objects.filter(session_key=session_key).exists()
    dashboard = with_session(session_key).get(area.dashboard)
    assert dashboard.status_code == 200
    assert not any(message in dashboard.content.decode() for message in SIGNED_OUT_MESSAGES)


def test_signing_out_with_a_post_ends_the_session(client, area):
    session_key = signed_in(client, area)

    response = client.post(area.logout)

    if area.says_so:
        assert response.status_code == 200 and "Logged out" in response.content.decode()
    else:
        assert response.status_code == 302 and response["Location"] == area.login
    assert not Session.objects.filter(session_key=session_key).exists()
    replayed = with_session(session_key).get(area.dashboard)
    assert replayed.status_code == 302 and replayed["Location"].startswith(f"{area.login}?next=")

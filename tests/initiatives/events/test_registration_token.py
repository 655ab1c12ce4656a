"""The registration form of a cached event page: a token fetched by the site's script, or the form again."""

import pytest
from django.test import Client

from initiatives.models import Registration
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Li Wei",
    "email": "li.wei@example.com",
    "organisation": "Example Chemicals",
    "role": "Energy manager",
    "needs": "",
    "consent": "on",
    "website": "",
}


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def event(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=50)


@pytest.fixture
def visitor():
    return Client(enforce_csrf_checks=True)  # as a browser: the token is checked


def register_at(event) -> str:
    return f"/registrations/event/{event.pk}/"


def test_the_token_address_gives_each_visitor_a_token_and_is_never_cached(visitor):
    response = visitor.get("/registrations/token/")

    assert response.status_code == 200
    assert response.json()["token"]
    assert "csrftoken" in response.cookies
    assert "no-store" in response["Cache-Control"]
    assert "X-Cache" not in response


def test_a_visitor_registers_from_the_cached_page_with_the_fetched_token(visitor, event):
    Client().get(event.url)
    page = visitor.get(event.url)
    assert page["X-Cache"] == "hit"
    token = visitor.get("/registrations/token/").json()["token"]  # what registration.js does

    response = visitor.post(register_at(event), FORM | {"csrfmiddlewaretoken": token}, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 302 and response["Location"] == event.url + "#register"
    assert Registration.objects.get(event=event).email == "li.wei@example.com"


def test_without_javascript_the_form_comes_back_with_a_token_and_nothing_is_saved(visitor, event):
    response = visitor.post(register_at(event), FORM | {"csrfmiddlewaretoken": ""}, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 403
    html = response.content.decode()
    assert "press the button again to confirm" in html
    assert 'value="Li Wei"' in html  # what was typed is kept
    assert not Registration.objects.exists()
    token = response.cookies["csrftoken"].value and html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token

    again = visitor.post(register_at(event), FORM | {"csrfmiddlewaretoken": token}, REMOTE_ADDR="203.0.113.7")

    assert again.status_code == 302
    assert Registration.objects.filter(event=event).count() == 1


def test_a_forged_post_from_another_site_changes_nothing(event):
    forger = Client(enforce_csrf_checks=True)
    forger.cookies["csrftoken"] = "a" * 32

    response = forger.post(register_at(event), FORM | {"csrfmiddlewaretoken": "b" * 32}, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_the_registration_address_of_a_page_that_is_no_event_is_not_found(visitor, home_page):
    assert visitor.post(f"/registrations/event/{home_page.pk}/", FORM).status_code == 404


def test_a_get_goes_back_to_the_form(visitor, event):
    response = visitor.get(register_at(event))

    assert response.status_code == 302 and response["Location"] == event.url + "#register"

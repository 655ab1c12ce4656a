"""Waitlist offers: a freed seat offered to the next person for the hours staff set, accepted, declined or let lapse.

Each offer passes on exactly once, whether its own eta task, beat's sweep or
both end it; the last test runs that on a real Celery worker.
"""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from initiatives.events import registration as rules
from initiatives.events.tasks import expire_lapsed_offers, expire_waitlist_offers
from initiatives.events.tickets import offer_url
from initiatives.models import Registration, RegistrationEmail
from portal.models import WorkerHeartbeat
from portal.tasks import record_heartbeat
from tests.conftest import require_service
from tests.initiatives.events.factories import RegistrationFactory
from tests.portal.test_celery import real_worker, wait_for

Status = Registration.Status
Kind = RegistrationEmail.Kind


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def full_event(event):
    """One seat, taken, and two people waiting; freed seats are held 24 hours for whoever is offered them."""
    event.capacity = 1
    event.offer_hours = 24
    event.save()
    seated = RegistrationFactory(event=event, name="Seated")
    first = RegistrationFactory(event=event, name="First", status=Status.WAITLISTED)
    second = RegistrationFactory(event=event, name="Second", status=Status.WAITLISTED)
    return event, seated, first, second


def status(registration) -> str:
    return Registration.objects.get(pk=registration.pk).status


@pytest.fixture
def cancel(django_capture_on_commit_callbacks):
    """Cancel as the site does, with the emails that go out after the commit."""

    def cancel(registration):
        with django_capture_on_commit_callbacks(execute=True):
            return rules.cancel(registration)

    return cancel


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


@pytest.mark.django_db
class TestOffers:
    def test_a_freed_seat_is_offered_and_held_for_the_first_person_waiting(self, full_event, cancel, post):
        event, seated, first, second = full_event
        cancel(seated)

        first.refresh_from_db()
        assert first.status == Status.OFFERED
        assert first.offer_expires_at == first.offered_at + datetime.timedelta(hours=24)
        assert status(second) == Status.WAITLISTED
        assert event.seats_left() == 0  # the offered seat is held
        offer = next(email for email in mail.outbox if email.to == [first.email])
        assert offer.subject.startswith("A seat is free for you")
        assert offer_url(first) in offer.body

    def test_accepting_confirms_the_seat_and_sends_the_ticket(self, full_event, cancel, post):
        _, seated, first, second = full_event
        cancel(seated)

        response = post(path_of(offer_url(first)), {"answer": "accepted"})

        assert response.status_code == 200
        assert "The seat is yours" in response.content.decode()
        assert status(first) == Status.CONFIRMED
        assert status(second) == Status.WAITLISTED
        promotion = [email for email in mail.outbox if email.subject.startswith("A seat is yours")]
        assert [email.to for email in promotion] == [[first.email]]
        assert "ticket.png" in [name for name, *_ in promotion[0].attachments]

    def test_declining_passes_the_seat_to_the_next_person(self, full_event, cancel, post):
        _, seated, first, second = full_event
        cancel(seated)

        post(path_of(offer_url(first)), {"answer": "declined"})

        assert status(first) == Status.CANCELLED
        assert status(second) == Status.OFFERED
        # The link again: a clear answer, nothing changes.
        again = post(path_of(offer_url(first)), {"answer": "accepted"})
        assert again.status_code == 409
        assert "You declined this seat" in again.content.decode()
        assert status(first) == Status.CANCELLED

    def test_a_lapsed_offer_passes_on_once_and_its_link_says_so(
        self, full_event, cancel, post, django_capture_on_commit_callbacks
    ):
        event, seated, first, second = full_event
        cancel(seated)
        later = timezone.now() + datetime.timedelta(hours=24, minutes=1)

        with freeze_time(later), django_capture_on_commit_callbacks(execute=True):
            assert expire_waitlist_offers(event.pk) == 1
            assert expire_waitlist_offers(event.pk) == 0  # the sweep, or a redelivery, finds nothing left
            assert expire_lapsed_offers() == 0
            response = post(path_of(offer_url(first)), {"answer": "accepted"})

        assert response.status_code == 409
        assert "This offer expired" in response.content.decode()
        assert status(first) == Status.CANCELLED
        assert status(second) == Status.OFFERED
        assert RegistrationEmail.objects.filter(kind=Kind.OFFER).count() == 2

    def test_an_open_offer_cannot_be_answered_after_it_lapsed_even_before_the_sweep(self, full_event, cancel, post):
        _, seated, first, _ = full_event
        cancel(seated)
        with freeze_time(timezone.now() + datetime.timedelta(hours=25)):
            response = post(path_of(offer_url(first)), {"answer": "accepted"})
        assert response.status_code == 409
        assert status(first) == Status.OFFERED  # left for the sweep, which passes it on

    def test_a_forged_offer_link_is_refused(self, full_event, cancel, post):
        _, seated, first, _ = full_event
        cancel(seated)
        response = post(path_of(offer_url(first))[:-4] + "xx/", {"answer": "accepted"})
        assert response.status_code == 404
        assert status(first) == Status.OFFERED

    def test_an_offer_never_outlasts_the_start_of_the_event(self, full_event, cancel, post):
        event, seated, first, _ = full_event
        with freeze_time(event.start - datetime.timedelta(hours=2)):
            cancel(seated)
        first.refresh_from_db()
        assert first.offer_expires_at == event.start


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_lapsed_offer_passes_on_exactly_once_on_a_real_worker(full_event):
    require_service("CELERY_BROKER_URL")
    event, seated, first, second = full_event

    with real_worker():
        rules.cancel(seated)  # commits; the offer email and the offer's eta task go to Redis
        assert wait_for(lambda: RegistrationEmail.objects.filter(kind=Kind.OFFER).count() == 1)
        # The offer lapses: the eta task and beat's sweep, twice each, as a redelivery would.
        Registration.objects.filter(pk=first.pk).update(offer_expires_at=timezone.now())
        for _ in range(2):
            expire_waitlist_offers.delay(event.pk)
            expire_lapsed_offers.delay()
        record_heartbeat.delay("after-expiry")  # the solo worker takes tasks in order
        assert wait_for(lambda: WorkerHeartbeat.objects.filter(name="after-expiry").exists())
        assert wait_for(lambda: RegistrationEmail.objects.filter(kind=Kind.OFFER).count() == 2)
        record_heartbeat.delay("after-emails")
        assert wait_for(lambda: WorkerHeartbeat.objects.filter(name="after-emails").exists())

    assert status(first) == Status.CANCELLED
    assert status(second) == Status.OFFERED
    offers = [email.to[0] for email in mail.outbox if email.subject.startswith("A seat is free for you")]
    assert offers == [first.email, second.email]

"""Cancelling through the signed link in the email: the seat goes to the first person waiting."""

import pytest
from django.core import mail

from initiatives.events import registration as rules
from initiatives.events.cancel_links import cancel_token
from initiatives.models import Registration, RegistrationEmail
from tests.initiatives.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

Status = Registration.Status


@pytest.fixture
def full_event(event):
    """Two seats, both taken, and two people waiting (the earlier one first)."""
    event.capacity = 2
    event.save()
    seated = [RegistrationFactory(event=event) for _ in range(2)]
    waiting = [RegistrationFactory(event=event, status=Status.WAITLISTED) for _ in range(2)]
    return event, seated, waiting


def cancel_url(entry) -> str:
    return f"/registrations/cancel/{cancel_token(entry)}/"


def test_the_link_asks_before_it_cancels(client, full_event):
    _, (seated, _), _ = full_event
    response = client.get(cancel_url(seated))
    assert response.status_code == 200
    assert "Yes, cancel my registration" in response.content.decode()
    seated.refresh_from_db()
    assert seated.status == Status.CONFIRMED


def test_cancelling_gives_the_seat_to_the_first_person_waiting_once(
    client, full_event, django_capture_on_commit_callbacks
):
    event, (seated, _), (first, second) = full_event
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(seated))
    assert response.status_code == 200
    assert "Your registration is cancelled" in response.content.decode()

    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses[seated.pk] == Status.CANCELLED
    assert statuses[first.pk] == Status.CONFIRMED
    assert statuses[second.pk] == Status.WAITLISTED
    assert event.seats_left() == 0
    sent = {(email.to[0], email.subject.split(":")[0]) for email in mail.outbox}
    assert sent == {(seated.email, "Registration cancelled"), (first.email, "A seat is yours")}

    # The same link again: nothing more happens.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(cancel_url(seated))
    assert "already cancelled" in again.content.decode()
    assert Registration.objects.get(pk=second.pk).status == Status.WAITLISTED
    assert mail.outbox == []
    assert RegistrationEmail.objects.filter(kind=RegistrationEmail.Kind.PROMOTION).count() == 1


def test_a_waiting_person_cancelling_frees_no_seat(full_event):
    _, _, (first, second) = full_event
    outcome = rules.cancel(first)
    assert outcome.cancelled and outcome.promoted == []
    assert Registration.objects.get(pk=second.pk).status == Status.WAITLISTED


@pytest.mark.parametrize(
    "tamper", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "1" + t, lambda t: "nonsense"]
)
def test_a_tampered_link_is_refused_and_changes_nothing(client, full_event, tamper):
    _, (seated, _), _ = full_event
    response = client.post(f"/registrations/cancel/{tamper(cancel_token(seated))}/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.CONFIRMED, Status.WAITLISTED}


def test_raising_the_capacity_moves_people_up_when_the_event_is_published(
    full_event, django_capture_on_commit_callbacks
):
    event, _, (first, second) = full_event
    event.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert Registration.objects.get(pk=first.pk).status == Status.CONFIRMED
    assert Registration.objects.get(pk=second.pk).status == Status.WAITLISTED
    assert [email.to for email in mail.outbox] == [[first.email]]


def test_cancelling_the_event_tells_everyone_registered(full_event, django_capture_on_commit_callbacks):
    event, seated, waiting = full_event
    RegistrationFactory(event=event, status=Status.CANCELLED)
    event.cancelled = True
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert sorted(email.to[0] for email in mail.outbox) == sorted(r.email for r in [*seated, *waiting])
    assert all(email.subject.startswith("Event cancelled") for email in mail.outbox)


def test_cancel_says_what_it_did_and_the_admins_preview_names_who_it_promotes(full_event):
    event, (seated, _), (first, second) = full_event
    event.capacity = 3  # a seat was already free: cancelling one more frees two for the waitlist
    event.save()
    preview = rules.seats_going_to(seated)
    outcome = rules.cancel(seated)
    assert outcome.cancelled
    assert outcome.promoted == preview == [first, second]

    again = rules.cancel(seated)
    assert not again.cancelled and again.promoted == []
    assert rules.seats_going_to(Registration.objects.get(pk=seated.pk)) == []

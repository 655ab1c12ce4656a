"""Reminders at the times staff choose for each event, and the follow-ups after it: each once per person."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from initiatives.events.tasks import reminders_due, send_event_reminders
from initiatives.models import FollowUp, Registration, RegistrationEmail
from tests.initiatives.events.factories import EventPageFactory, RegistrationFactory
from tests.initiatives.financiers.factories import in_group

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 12, 10, 6, 0, tzinfo=datetime.UTC)


@pytest.fixture
def week_ahead(event_index):
    with freeze_time(START - datetime.timedelta(days=20)):
        event = EventPageFactory(
            parent=event_index, start=START, end=START + datetime.timedelta(hours=3), reminder_hours=[168, 24, 3]
        )
        person = RegistrationFactory(event=event)
    return event, person


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        (datetime.timedelta(days=8), []),
        (datetime.timedelta(days=6), [168]),
        (datetime.timedelta(hours=20), [24]),  # a beat that missed the week-before sends only the nearest one
        (datetime.timedelta(hours=2), [3]),
        (datetime.timedelta(hours=-1), []),
    ],
)
def test_the_reminder_due_is_the_nearest_chosen_time_that_has_come(week_ahead, before, expected):
    _, person = week_ahead
    with freeze_time(START - before):
        assert reminders_due(timezone.now()) == [(person.pk, hours) for hours in expected]


def test_each_chosen_reminder_goes_out_once(week_ahead):
    _, person = week_ahead
    for before in (datetime.timedelta(days=6), datetime.timedelta(days=5), datetime.timedelta(hours=20)):
        with freeze_time(START - before):
            send_event_reminders()
            send_event_reminders()
    subjects = [email.subject.split(":")[0] for email in mail.outbox]
    assert subjects == ["Coming up", "Tomorrow"]
    assert "takes place in 7 days" in mail.outbox[0].body or "takes place in 6 days" in mail.outbox[0].body
    hours = set(RegistrationEmail.objects.filter(registration=person).values_list("hours_before", flat=True))
    assert hours == {168, 24}


def test_an_event_with_no_reminders_chosen_sends_none(week_ahead):
    event, _ = week_ahead
    event.reminder_hours = []
    event.save()
    with freeze_time(START - datetime.timedelta(hours=20)):
        assert send_event_reminders() == 0


@pytest.fixture
def finished(event):
    event.start = timezone.now() - datetime.timedelta(days=1)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save()
    came = RegistrationFactory(event=event, name="Came", checked_in_at=event.start)
    absent = RegistrationFactory(event=event, name="Absent")
    RegistrationFactory(event=event, name="Cancelled", status=Registration.Status.CANCELLED)
    return event, came, absent


def follow_up_url(event) -> str:
    return f"/admin/events/{event.pk}/follow-up/"


def test_moderators_send_each_follow_up_once_to_its_audience(client, finished, django_capture_on_commit_callbacks):
    event, came, absent = finished
    client.force_login(in_group("Moderators"))

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            client.post(follow_up_url(event), {"audience": "attended", "attended-message": "Survey: https://e.com/s"})
        client.post(follow_up_url(event), {"audience": "absent", "absent-message": "Slides: https://e.com/slides"})

    sent = sorted((email.to[0], email.subject.split(":")[0]) for email in mail.outbox)
    assert sent == sorted([(came.email, "Thank you for coming"), (absent.email, "Sorry we missed you")])
    thanks = next(email for email in mail.outbox if email.to == [came.email])
    assert "Survey: https://e.com/s" in thanks.body and "certificate" in thanks.body
    assert FollowUp.objects.filter(event=event).count() == 2
    page = client.get(follow_up_url(event)).content.decode()
    assert "it cannot be sent again" in page


def test_editors_may_not_send_follow_ups(client, finished):
    event, *_ = finished
    client.force_login(in_group("Editors"))
    response = client.post(follow_up_url(event), {"audience": "attended", "attended-message": "Hello"})
    assert response.status_code == 403
    assert not FollowUp.objects.exists() and mail.outbox == []


def test_no_follow_up_before_the_event_has_ended(client, event):
    client.force_login(in_group("Moderators"))
    RegistrationFactory(event=event)
    response = client.post(follow_up_url(event), {"audience": "absent", "absent-message": "Slides"})
    assert response.status_code == 409
    assert not FollowUp.objects.exists() and mail.outbox == []

"""The day-before reminder: sent by the beat task about 24 hours ahead, once per person."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from initiatives.events.tasks import registrations_due_a_reminder, send_event_reminders
from initiatives.models import Registration
from tests.initiatives.events.factories import EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 12, 3, 6, 0, tzinfo=datetime.UTC)  # 14:00 in Shanghai


@pytest.fixture
def tomorrow(event_index):
    with freeze_time(START - datetime.timedelta(days=5)):
        event = EventPageFactory(parent=event_index, start=START, end=START + datetime.timedelta(hours=3))
        people = {
            "early": RegistrationFactory(event=event),
            "cancelled": RegistrationFactory(event=event, status=Registration.Status.CANCELLED),
            "waiting": RegistrationFactory(event=event, status=Registration.Status.WAITLISTED),
        }
    with freeze_time(START - datetime.timedelta(hours=3)):
        people["late"] = RegistrationFactory(event=event)
    return event, people


def test_nothing_is_due_two_days_ahead(tomorrow):
    with freeze_time(START - datetime.timedelta(hours=48)):
        assert send_event_reminders() == 0


def test_confirmed_people_are_reminded_once_within_the_last_day(tomorrow):
    _, people = tomorrow
    with freeze_time(START - datetime.timedelta(hours=23, minutes=55)):
        assert send_event_reminders() == 1
        assert send_event_reminders() == 0  # the next beat run finds nothing left

    assert [email.to for email in mail.outbox] == [[people["early"].email]]
    assert mail.outbox[0].subject.startswith("Tomorrow")
    assert mail.outbox[0].attachments[0][0] == "event.ics"


def test_late_registrations_and_finished_events_get_no_reminder(tomorrow):
    _, people = tomorrow
    with freeze_time(START - datetime.timedelta(hours=2)):
        due = set(registrations_due_a_reminder(timezone.now()))
    assert due == {people["early"]}
    with freeze_time(START + datetime.timedelta(minutes=1)):
        assert not registrations_due_a_reminder(timezone.now()).exists()


def test_a_cancelled_event_sends_no_reminder(tomorrow):
    event, _ = tomorrow
    event.cancelled = True
    event.save()
    with freeze_time(START - datetime.timedelta(hours=12)):
        assert send_event_reminders() == 0
    assert mail.outbox == []

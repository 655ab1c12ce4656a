"""The catch-ups that make lost background work harmless, on the embedded defaults (no services):
registration emails the broker lost, index updates still owed, a broker down after commit."""

import datetime
import logging

import pytest
from celery import Celery
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from initiatives.events.tasks import emails_missing, send_missing_registration_emails
from initiatives.models import EventPage, Registration, RegistrationEmail
from portal.celery import PortalTask
from portal.models import WorkerHeartbeat
from search.models import PendingUpdate, SearchEntry
from search.records import key_for
from search.sync import mark_pending, sync_pending, sync_pending_one
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.portal.library.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)  # real time: sending emails under a frozen clock trips pydantic
Kind, Status = RegistrationEmail.Kind, Registration.Status


@pytest.fixture
def event(home_page):
    with freeze_time(NOW - datetime.timedelta(days=10)):
        return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), start=NOW + datetime.timedelta(days=7),
                                end=NOW + datetime.timedelta(days=7, hours=3))  # fmt: skip


def registered(event, minutes_ago: float, **fields) -> Registration:
    with freeze_time(NOW - datetime.timedelta(minutes=minutes_ago)):
        return RegistrationFactory(event=event, **fields)


class TestMissingRegistrationEmails:
    def test_finds_each_email_a_registration_s_state_calls_for_and_never_got(self, event):
        confirmed = registered(event, 10)
        waiting = registered(event, 10, status=Status.WAITLISTED)
        promoted = registered(event, 30, promoted_at=NOW - datetime.timedelta(minutes=5))
        cancelled = registered(event, 30, status=Status.CANCELLED, cancelled_at=NOW - datetime.timedelta(minutes=5))
        emailed = registered(event, 10)
        RegistrationEmail.objects.create(registration=emailed, kind=Kind.CONFIRMATION)
        registered(event, 1)  # its email may still be on its way
        registered(event, 60 * 24 * 3)  # too long ago: the moment has passed

        with freeze_time(NOW):
            missing = set(emails_missing(timezone.now()))

        assert missing == {
            (confirmed.pk, Kind.CONFIRMATION),
            (waiting.pk, Kind.WAITLIST),
            (promoted.pk, Kind.PROMOTION),
            (cancelled.pk, Kind.CANCELLATION),
        }

    def test_events_under_way_or_cancelled_are_left_alone(self, event):
        registered(event, 10)
        EventPage.objects.filter(pk=event.pk).update(start=NOW - datetime.timedelta(minutes=1))
        with freeze_time(NOW):
            assert emails_missing(timezone.now()) == []
        EventPage.objects.filter(pk=event.pk).update(start=NOW + datetime.timedelta(days=1), cancelled=True)
        with freeze_time(NOW):
            assert emails_missing(timezone.now()) == []

    def test_the_catch_up_sends_each_lost_email_once(self, event):
        person = registered(event, 10)
        assert send_missing_registration_emails() == 1
        assert send_missing_registration_emails() == 0  # the next run finds nothing left

        assert [message.to for message in mail.outbox] == [[person.email]]
        assert RegistrationEmail.objects.get(registration=person).kind == Kind.CONFIRMATION


class TestPendingIndexUpdates:
    @pytest.fixture
    def brief(self, home_page, settings):
        settings.ELASTICSEARCH_URL = ""  # the database copy only: these rules do not depend on the backend
        return PolicyBriefPageFactory(parent=PolicyBriefIndexPageFactory(parent=home_page), title="Heat pumps")

    def test_a_change_owes_an_update_until_it_is_synced(self, brief):
        key = key_for("portal.policybriefpage", brief.pk)
        assert PendingUpdate.objects.filter(key=key).exists()  # written with the change (no commit here: no task)

        sync_pending_one(key)

        assert not PendingUpdate.objects.filter(key=key).exists()
        assert SearchEntry.objects.filter(key=key).exists()

    def test_a_change_made_while_syncing_stays_owed(self, brief, monkeypatch):
        key = key_for("portal.policybriefpage", brief.pk)
        import search.sync

        real_sync_one = search.sync.sync_one

        def sync_one_then_changed_again(record_key):
            result = real_sync_one(record_key)
            with freeze_time(timezone.now() + datetime.timedelta(seconds=1)):
                mark_pending(record_key)  # another save arrived meanwhile, with a task of its own
            return result

        monkeypatch.setattr(search.sync, "sync_one", sync_one_then_changed_again)
        sync_pending_one(key)

        assert PendingUpdate.objects.filter(key=key).exists()

    def test_the_sweep_replays_only_what_has_waited_long_enough(self, brief):
        key = key_for("portal.policybriefpage", brief.pk)
        SearchEntry.objects.filter(key=key).delete()

        assert sync_pending(older_than=datetime.timedelta(minutes=1)) == 0  # its own task may still come
        assert not SearchEntry.objects.filter(key=key).exists()
        with freeze_time(timezone.now() + datetime.timedelta(minutes=2)):
            assert sync_pending(older_than=datetime.timedelta(minutes=1)) == 1
        assert SearchEntry.objects.filter(key=key).exists()
        assert not PendingUpdate.objects.exists()


def noop(*args) -> None:
    pass


def test_a_broker_down_after_commit_is_logged_and_the_commit_stands(
    caplog, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)  # Celery prefers it to any app's own broker
    dead = Celery("dead-broker", broker="redis://127.0.0.1:9/0", set_as_current=False)  # nothing listens there
    task = dead.task(base=PortalTask, name="tests.never_queued", shared=False)(noop)

    with (
        caplog.at_level(logging.ERROR, logger="portal.celery"),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        heartbeat = WorkerHeartbeat.objects.create(name="committed", seen_at=timezone.now())
        task.delay_on_commit(heartbeat.pk)

    assert len(callbacks) == 1  # it ran, and raised nothing
    assert WorkerHeartbeat.objects.filter(name="committed").exists()
    assert f"Could not queue tests.never_queued({heartbeat.pk},) after commit, the broker is unreachable" in caplog.text

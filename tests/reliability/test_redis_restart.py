"""Redis really stopped and started again (scripts/services) in the middle of a burst of
registrations, with a real worker and beat: every registration is kept and answered normally,
and every registrant gets exactly one email.

Redis is both the broker and the cache here, and runs without persistence, so the restart
empties it: tasks queued before it are gone, tasks queued while it is down cannot be queued
at all, and cached pages and rate-limit counters vanish. What brings the emails back is the catch-up task
beat runs (initiatives.tasks.send_missing_registration_emails), every two seconds here
instead of two minutes; RegistrationEmail's claim keeps a late original from sending twice.
"""

import threading
import time
import uuid

import pytest
from django.db import connections
from django.test import Client

from initiatives.models import Registration, RegistrationEmail
from tests.conftest import require_service
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory
from tests.reliability.workers import (
    WorkerProcess,
    publishing_to_own_queue,
    recipients,
    require_root,
    sent_emails,
    services,
    wait_for,
)

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PEOPLE = 30
THREADS = 6
CAPACITY = 20
OUTAGE_SECONDS = 3.0


class Burst:
    """PEOPLE registrations posted from THREADS threads, a little apart; Redis stopped once a few are in."""

    def __init__(self, page_url: str):
        self.page_url = page_url
        self.answers: list[tuple[float, int]] = []  # (when the request started, status code)
        self.page_views: list[int] = []
        self.down_at = self.up_at = 0.0

    def visitor(self, people: range) -> None:
        client = Client()
        try:
            for i in people:
                started = time.monotonic()
                # A first visit without cookies, as the public page cache serves them.
                self.page_views.append(Client().get(self.page_url).status_code)
                response = client.post(
                    self.page_url + "register/",
                    {
                        "name": f"Visitor {i}",
                        "email": f"visitor{i}@example.com",
                        "organisation": "Example Co",
                        "role": "Engineer",
                        "consent": "on",
                    },
                    REMOTE_ADDR=f"10.2.0.{i}",
                )
                self.answers.append((started, response.status_code))
                time.sleep(0.4)
        finally:
            connections.close_all()  # each thread has its own connection; leave none open

    def outage(self) -> None:
        wait_for(lambda: len(self.answers) >= 8, timeout=30, interval=0.05)
        services("stop", "redis")
        self.down_at = time.monotonic()
        time.sleep(OUTAGE_SECONDS)
        services("start", "redis")
        self.up_at = time.monotonic()

    def run(self) -> None:
        threads = [threading.Thread(target=self.visitor, args=(range(t, PEOPLE, THREADS),)) for t in range(THREADS)]
        threads.append(threading.Thread(target=self.outage))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def during_outage(self) -> int:
        return sum(1 for started, _ in self.answers if self.down_at <= started <= self.up_at)


def test_registrations_during_a_redis_restart_are_all_kept_and_each_emailed_once(home_page, tmp_path, settings, caplog):
    require_service("DATABASE_URL")
    require_service("CELERY_BROKER_URL")
    cache_url = require_service("CACHE_URL")
    require_root()
    # The cache as production has it (the test settings keep one in memory): on the Redis being restarted.
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": cache_url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            "KEY_PREFIX": f"reliability-{uuid.uuid4().hex[:8]}",  # nothing cached by another run (site root paths)
        }
    }
    settings.PORTAL_PAGE_CACHE_SECONDS = 300  # production's public page cache, in that Redis too
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=CAPACITY)

    with publishing_to_own_queue() as queue:
        worker = WorkerProcess(tmp_path, queue, name="worker", beat=True)
        try:
            worker.start()
            burst = Burst(event.url)
            burst.run()

            assert [code for _, code in burst.answers] == [302] * PEOPLE  # no error page, no refusal
            assert burst.page_views == [200] * PEOPLE
            assert burst.during_outage() >= 3, "the burst should go on while Redis is down"
            registrations = Registration.objects.filter(event=event)
            assert registrations.count() == PEOPLE
            assert registrations.filter(status=Registration.Status.CONFIRMED).count() == CAPACITY
            # Some emails could not even be queued: only the catch-up can send them.
            assert any("Could not queue" in record.getMessage() for record in caplog.records)

            everyone = {f"visitor{i}@example.com" for i in range(PEOPLE)}
            assert wait_for(lambda: set(recipients(worker.mail_dir)) == everyone, timeout=90), worker.output()[-3000:]
            print(
                f"{burst.during_outage()} of {PEOPLE} registrations posted while Redis was down; every email out "
                f"{time.monotonic() - burst.up_at:.1f} s after it was back"
            )
            time.sleep(6)  # three more catch-up runs: they must find nothing left to send
        finally:
            worker.stop()
            services("start", "redis")  # whatever happened above, leave Redis running

    assert recipients(worker.mail_dir) == dict.fromkeys(everyone, 1)
    subjects = [message["Subject"] for message in sent_emails(worker.mail_dir)]
    assert sum("You are registered" in subject for subject in subjects) == CAPACITY
    assert sum("waitlist" in subject for subject in subjects) == PEOPLE - CAPACITY
    assert RegistrationEmail.objects.filter(registration__event=event).count() == PEOPLE

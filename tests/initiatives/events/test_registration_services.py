"""Registration against the real services: racing requests on PostgreSQL, emails from a Celery worker."""

import threading

import pytest
from django.core import mail
from django.db import connections
from django.test import Client

from initiatives.events import registration as rules
from initiatives.events.tasks import send_registration_email
from initiatives.models import Registration, RegistrationEmail
from portal.models import WorkerHeartbeat
from portal.tasks import record_heartbeat
from tests.conftest import require_service
from tests.initiatives.events.factories import RegistrationFactory
from tests.portal.test_celery import real_worker, wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

THREADS = 16


def race(url: str, people: int) -> list[int]:
    """`people` registrations posted from THREADS threads released together; their status codes."""
    codes: list[int] = []
    start = threading.Barrier(THREADS)

    def visitor_batch(batch: range) -> None:
        client = Client()
        try:
            start.wait()
            for i in batch:
                response = client.post(
                    url,
                    {
                        "name": f"Visitor {i}",
                        "email": f"visitor{i}@example.com",
                        "organisation": "Example Co",
                        "role": "Engineer",
                        "consent": "on",
                    },
                    REMOTE_ADDR=f"10.1.{i // 200}.{i % 200}",
                )
                codes.append(response.status_code)
        finally:
            connections.close_all()  # each thread has its own connection; leave none open

    threads = [threading.Thread(target=visitor_batch, args=(range(t, people, THREADS),)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes


@pytest.mark.parametrize(("people", "capacity"), [(200, 1), (120, 25)])
def test_people_racing_for_seats_never_overbook(event, people, capacity):
    require_service("DATABASE_URL")
    assert connections["default"].vendor == "postgresql"
    event.capacity = capacity
    event.save_revision().publish()

    codes = race(event.url + "register/", people)

    assert codes == [302] * people
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(Registration.Status.CONFIRMED) == capacity
    assert statuses.count(Registration.Status.WAITLISTED) == people - capacity
    # The waitlist keeps arrival order: every confirmed seat was taken before anyone was made to wait.
    queue = Registration.objects.filter(event=event).order_by("created_at", "pk")
    assert [r.status for r in queue[:capacity]] == [Registration.Status.CONFIRMED] * capacity


def test_the_promotion_email_is_sent_once_by_a_real_worker(event):
    require_service("CELERY_BROKER_URL")
    event.capacity = 1
    event.save()
    seated = RegistrationFactory(event=event)
    first, second = (RegistrationFactory(event=event, status=Registration.Status.WAITLISTED) for _ in range(2))

    with real_worker():
        outcome = rules.cancel(seated)  # commits; the emails are queued on Redis after the commit
        assert outcome.promoted == [first]
        assert wait_for(lambda: RegistrationEmail.objects.count() == 2)
        # Running the task again, as a redelivery would, sends nothing more.
        send_registration_email.delay(first.pk, RegistrationEmail.Kind.PROMOTION)
        # The solo worker takes tasks in order: once this marker is recorded, the repeat has run.
        record_heartbeat.delay("after-repeat")
        assert wait_for(lambda: WorkerHeartbeat.objects.filter(name="after-repeat").exists())

    assert sorted((email.to[0], email.subject.split(":")[0]) for email in mail.outbox) == sorted(
        [(seated.email, "Registration cancelled"), (first.email, "A seat is yours")]
    )
    assert Registration.objects.get(pk=second.pk).status == Registration.Status.WAITLISTED

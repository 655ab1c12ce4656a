"""A Celery worker SIGKILLed in the middle of a registration email: the task is delivered again
and the email goes out exactly once.

The email task is stopped half-way by a lock the test holds, at one of two points:
- before sending: the test holds an uncommitted claim of the same email, so the
  task's claim (an INSERT under the same unique key) waits; nothing is sent yet;
- after sending, while committing: the test holds the registration's row lock
  (SELECT ... FOR UPDATE), so the commit of the task's claim, whose deferred
  foreign-key check locks that row, waits; the email is out.
Either way the message is taken from the queue and not acknowledged. Then the
worker is killed.

How the message comes back (tasks are acks_late, reject_on_worker_lost):
- the pool child running it dies, its parent survives: the parent sees the
  child lost and rejects the message with requeue, so the same worker runs it
  again at once;
- the whole worker dies: nobody is left to reject anything. With the Redis
  transport the message sits in the broker's "unacked" set until a worker
  finds it older than the visibility timeout and puts it back in the queue
  (Redis has no consumer heartbeat to notice the death sooner). The fresh
  worker here runs with a 5-second visibility timeout (CELERY_VISIBILITY_TIMEOUT;
  an hour in production, longer than any task).
Killed before sending, the run's transaction dies with its connection and the
second run sends the email. Killed while committing, the database still
finishes the commit it received, and the second run finds the claim and sends
nothing. The gap that remains (after the mail server accepted, before the
commit is sent) is described in portal.mail.send_once.
"""

import json
import os
import signal

import pytest
import redis
from django.db import connection, transaction

from initiatives.events import registration as rules
from initiatives.models import Registration, RegistrationEmail
from tests.conftest import require_service
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory
from tests.reliability.workers import WorkerProcess, publishing_to_own_queue, recipients, wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VISIBILITY_TIMEOUT = 5
EMAIL_TASK = "initiatives.tasks.send_registration_email"
ADDRESS = "li.wei@example.com"


def waiting_on_this_connection() -> int:
    """Database sessions waiting for a lock this connection holds (pg_locks is live, unlike pg_stat_activity)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY(pg_blocking_pids(pid))"
        )
        return cursor.fetchone()[0]


def unacked_task_ids(broker_url: str) -> list[str]:
    """Task ids of the messages Redis holds as delivered but not acknowledged."""
    client = redis.Redis.from_url(broker_url)
    return [json.loads(raw)[0].get("headers", {}).get("id") for raw in client.hvals("unacked")]


def hold(registration: Registration, point: str) -> None:
    """Inside the caller's transaction, take the lock the email task will wait for at `point`."""
    if point == "before sending":
        RegistrationEmail.objects.create(registration=registration, kind=RegistrationEmail.Kind.CONFIRMATION)
    else:
        Registration.objects.select_for_update().get(pk=registration.pk)


class Released(Exception):
    """Rolls the test's own transaction back: its claim, if any, must not count."""


@pytest.mark.parametrize(
    ("killed", "point"),
    [("pool child", "before sending"), ("whole worker", "before sending"), ("pool child", "while committing")],
)
def test_a_killed_worker_s_email_task_runs_again_and_sends_once(home_page, tmp_path, killed, point):
    broker_url = require_service("CELERY_BROKER_URL")
    require_service("DATABASE_URL")
    assert connection.vendor == "postgresql"  # row locks and pg_locks
    workers: list[WorkerProcess] = []
    with publishing_to_own_queue() as queue:
        try:
            event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
            # The page's search updates go to the same queue: the worker gets through them first.
            registration = rules.register(
                event, email=ADDRESS, name="Li Wei", organisation="Example Co", role="Engineer"
            )
            assert registration.status == Registration.Status.CONFIRMED

            pool = "prefork" if killed == "pool child" else "solo"
            first = WorkerProcess(
                tmp_path, queue, name="first", pool=pool, CELERY_VISIBILITY_TIMEOUT=VISIBILITY_TIMEOUT
            )
            workers.append(first)
            try:
                with transaction.atomic():
                    hold(registration, point)
                    first.start()
                    assert wait_for(lambda: waiting_on_this_connection() > 0, timeout=60), first.output()[-3000:]
                    # Half-way: the message is taken and not acknowledged.
                    sent_before_the_kill = recipients(first.mail_dir)[ADDRESS]
                    if killed == "pool child":
                        (child,) = first.pool_children()
                        os.kill(child, signal.SIGKILL)
                    else:
                        first.kill()
                    raise Released
            except Released:
                pass
            assert sent_before_the_kill == (1 if point == "while committing" else 0)

            if killed == "whole worker":
                second = WorkerProcess(tmp_path, queue, name="second", CELERY_VISIBILITY_TIMEOUT=VISIBILITY_TIMEOUT)
                workers.append(second)
                second.start()

            def done() -> bool:
                ids = [task for worker in workers for task in worker.task_ids(EMAIL_TASK)]
                # Delivered twice (the killed run and the one after) and acknowledged for good,
                # so the broker will not hand it out a third time.
                return len(ids) == 2 and len(set(ids)) == 1 and ids[0] not in unacked_task_ids(broker_url)

            assert wait_for(done, timeout=60), "\n".join(worker.output()[-3000:] for worker in workers)
        finally:
            for worker in workers:
                worker.stop()

    assert recipients(first.mail_dir) == {ADDRESS: 1}
    assert list(RegistrationEmail.objects.filter(registration=registration).values_list("kind", flat=True)) == [
        RegistrationEmail.Kind.CONFIRMATION
    ]

"""Background work: tasks run after commit, on a real worker when a broker is set."""

import time
from contextlib import contextmanager

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import transaction
from wagtail.models import ReferenceIndex
from wagtail.tasks import update_reference_index_task

from portal.celery import app
from portal.models import WorkerHeartbeat
from portal.task_backend import CeleryTaskBackend
from portal.tasks import record_heartbeat
from tests.conftest import require_service
from tests.portal.factories import StandardPageFactory


def wait_for(condition, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@contextmanager
def real_worker():
    """A Celery worker thread consuming from the configured Redis broker."""
    broker_url = require_service("CELERY_BROKER_URL")
    previous = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = broker_url
    try:
        app.control.purge()  # leftovers of an earlier run must not be taken for ours
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.task_always_eager, app.conf.broker_url = previous


class TestEager:
    """Without a broker, tasks run in-process, still only after commit."""

    pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

    def test_task_runs_in_process_after_commit(self):
        with transaction.atomic():
            record_heartbeat.delay_on_commit("eager")
            assert not WorkerHeartbeat.objects.filter(name="eager").exists()
        assert WorkerHeartbeat.objects.filter(name="eager").exists()

    def test_task_enqueued_in_a_rolled_back_transaction_never_runs(self):
        with pytest.raises(RuntimeError), transaction.atomic():
            record_heartbeat.delay_on_commit("rolled-back")
            raise RuntimeError("abort")
        assert not WorkerHeartbeat.objects.filter(name="rolled-back").exists()


@pytest.mark.services
class TestRealWorker:
    pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

    def test_worker_runs_a_task_that_writes_to_the_database(self):
        with real_worker():
            record_heartbeat.delay_on_commit("worker")
            assert wait_for(lambda: WorkerHeartbeat.objects.filter(name="worker").exists())

    def test_rolled_back_task_never_reaches_the_worker(self):
        with real_worker():
            with pytest.raises(RuntimeError), transaction.atomic():
                record_heartbeat.delay_on_commit("rolled-back")
                raise RuntimeError("abort")
            # A task sent afterwards is processed after anything sent before it
            # (one worker, one queue, solo pool): once it ran, the other had its chance.
            record_heartbeat.delay_on_commit("sentinel")
            assert wait_for(lambda: WorkerHeartbeat.objects.filter(name="sentinel").exists())
        assert not WorkerHeartbeat.objects.filter(name="rolled-back").exists()

    def test_wagtail_background_tasks_run_on_the_celery_worker(self, home_page):
        target = StandardPageFactory(parent=home_page, title="Target")
        page = StandardPageFactory(
            parent=home_page,
            body=[{"type": "call_to_action", "value": {"heading": "Go", "text": "", "button_label": "Go",
                                                       "page": target.pk, "url": ""}}],
        )  # fmt: skip
        references = ReferenceIndex.get_references_for_object(page)
        references.delete()  # made in-process on save; the worker must make them again
        backend = CeleryTaskBackend("celery", {})

        with real_worker():
            backend.enqueue(update_reference_index_task, ["portal", "standardpage", page.pk], {})
            assert wait_for(lambda: ReferenceIndex.get_references_for_object(page).exists())

        assert ReferenceIndex.get_references_for_object(page).get().to_object_id == str(target.pk)


def test_a_worker_finds_every_task_under_the_name_beat_and_queued_messages_use():
    app.loader.import_default_modules()  # what a worker does as it starts, autodiscovery included
    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    # Moved into the library; messages queued before the move name it as it was.
    names.add("portal.tasks.extract_document_text")

    assert names - set(app.tasks) == set()

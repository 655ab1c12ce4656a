"""The Celery app, configured from Django settings (CELERY_ namespace).

Celery uses its DjangoTask class for every task, so `delay_on_commit` is
available and should be used for any task that reads rows the caller writes.
"""

import os

from celery import Celery, shared_task
from django.db import InterfaceError, OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Failures worth retrying: the database or a service briefly unreachable.
TRANSIENT_ERRORS = (ConnectionError, TimeoutError, OperationalError, InterfaceError)


def idempotent_task(*, retry_on: tuple[type[BaseException], ...] = TRANSIENT_ERRORS, **options):
    """A shared task that is safe to run more than once.

    Acknowledged only after it finishes and requeued if its worker dies, so a
    crash means "run again", never "lost"; transient failures retry with
    exponential backoff, a bounded number of times.
    """
    defaults = {
        "acks_late": True,
        "reject_on_worker_lost": True,
        "autoretry_for": retry_on,
        "retry_backoff": 2,
        "retry_backoff_max": 300,
        "retry_jitter": True,
        "max_retries": 8,
    }
    return shared_task(**(defaults | options))

"""The Celery app, configured from Django settings (CELERY_ namespace).

Celery uses its DjangoTask class for every task, so `delay_on_commit` is
available and should be used for any task that reads rows the caller writes.
"""

import functools
import logging
import os

from celery import Celery, shared_task
from celery.contrib.django.task import DjangoTask
from django.db import InterfaceError, OperationalError, transaction
from kombu.exceptions import OperationalError as BrokerUnreachable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

logger = logging.getLogger(__name__)

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Autodiscovery finds the tasks of installed apps; the library is a package inside the portal app.
app.autodiscover_tasks(["portal.library"])

# Failures worth retrying: the database or a service briefly unreachable.
TRANSIENT_ERRORS = (ConnectionError, TimeoutError, OperationalError, InterfaceError)


class PortalTask(DjangoTask):
    def delay_on_commit(self, *args, **kwargs) -> None:
        """Queue the task once the transaction commits; a broker that is down is logged, not raised.

        By then the caller's rows are committed: raising would turn a saved
        registration into an error page, and the visitor would try again for
        nothing. Celery has already retried the publish (CELERY_TASK_PUBLISH_RETRY_POLICY);
        what is still lost is caught up by the periodic task that owns that
        kind of work (see "Background work" in docs/architecture.md).
        """
        transaction.on_commit(functools.partial(self._publish_or_log, args, kwargs))

    def _publish_or_log(self, args: tuple, kwargs: dict) -> None:
        try:
            self.delay(*args, **kwargs)
        except BrokerUnreachable as error:
            logger.error("Could not queue %s%r after commit, the broker is unreachable: %s", self.name, args, error)


def idempotent_task(*, retry_on: tuple[type[BaseException], ...] = TRANSIENT_ERRORS, **options):
    """A shared task that is safe to run more than once.

    Acknowledged only after it finishes and requeued if its worker dies, so a
    crash means "run again", never "lost"; transient failures retry with
    exponential backoff, a bounded number of times.
    """
    defaults = {
        "base": PortalTask,
        "acks_late": True,
        "reject_on_worker_lost": True,
        "autoretry_for": retry_on,
        "retry_backoff": 2,
        "retry_backoff_max": 300,
        "retry_jitter": True,
        "max_retries": 8,
    }
    return shared_task(**(defaults | options))

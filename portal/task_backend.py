"""A django-tasks backend that hands Wagtail's background work to Celery.

Wagtail enqueues its own jobs (reference index, image focal points, file
deletion) through django-tasks. With a broker configured they run on the same
Celery workers as the portal's tasks instead of inside the web request.
"""

from django.utils import timezone
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.exceptions import InvalidTaskError
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id, normalize_json


class CeleryTaskBackend(BaseTaskBackend):
    supports_defer = True

    def validate_task(self, task: Task) -> None:
        super().validate_task(task)
        if task.takes_context:
            raise InvalidTaskError("Tasks run through Celery cannot take a django-tasks context.")

    def enqueue(self, task: Task, args, kwargs) -> TaskResult:
        # Not at the top: django-tasks builds this backend while Wagtail's task modules load, before any model can.
        from portal.tasks import run_django_task

        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=normalize_json(args),
            kwargs=normalize_json(kwargs),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        # After commit: the job usually reads the row the caller just saved.
        run_django_task.apply_async_on_commit(
            args=(task.module_path, result.args, result.kwargs),
            task_id=result.id,
            eta=task.run_after,
        )
        task_enqueued.send(type(self), task_result=result)
        return result

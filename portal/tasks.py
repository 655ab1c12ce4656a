from django.utils import timezone
from django.utils.module_loading import import_string

from portal.celery import idempotent_task
from portal.models.heartbeat import WorkerHeartbeat


@idempotent_task()
def run_django_task(module_path: str, args: list, kwargs: dict) -> None:
    """Run a django-tasks job (Wagtail's) on a Celery worker."""
    import_string(module_path).call(*args, **kwargs)


@idempotent_task()
def record_heartbeat(name: str = "celery") -> None:
    """Beat schedules this every minute; /healthz shows how recent it is."""
    WorkerHeartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})

from django.utils import timezone
from django.utils.module_loading import import_string

from portal.celery import idempotent_task


@idempotent_task()
def run_django_task(module_path: str, args: list, kwargs: dict) -> None:
    """Run a django-tasks job (Wagtail's) on a Celery worker."""
    import_string(module_path).call(*args, **kwargs)


@idempotent_task()
def record_heartbeat(name: str = "celery") -> None:
    """Beat schedules this every minute; /healthz shows how recent it is."""
    from portal.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})


@idempotent_task()
def extract_document_text(document_id: int, force: bool = False) -> str:
    """Extract a policy document's text unless its current file was already read (or ``force``).

    Returns the outcome ("done", "failed", "unchanged" or "missing"), which the logs show.
    """
    from portal.extraction import extract_document, needs_extraction
    from portal.models import PolicyDocument

    document = PolicyDocument.objects.select_related("file").filter(pk=document_id).first()
    if document is None:
        return "missing"  # deleted since the task was queued
    if not force and not needs_extraction(document):
        return "unchanged"
    extract_document(document)
    return document.extraction

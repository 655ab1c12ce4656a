from portal.celery import idempotent_task
from portal.library.extraction import extract_document, needs_extraction
from portal.library.models import PolicyDocument


# Named as it was in portal.tasks: queued messages and running workers refer to it by that name.
@idempotent_task(name="portal.tasks.extract_document_text")
def extract_document_text(document_id: int, force: bool = False) -> str:
    """Extract a policy document's text unless its current file was already read (or ``force``).

    Returns the outcome ("done", "failed", "unchanged" or "missing"), which the logs show.
    """
    document = PolicyDocument.objects.select_related("file").filter(pk=document_id).first()
    if document is None:
        return "missing"  # deleted since the task was queued
    if not force and not needs_extraction(document):
        return "unchanged"
    extract_document(document)
    return document.extraction

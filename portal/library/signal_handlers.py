"""What saving a policy document (or replacing its file) sets in motion: its text is extracted again."""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from portal.library.extraction import EXTRACTION_FIELDS, needs_extraction
from portal.library.models import PolicyDocument
from portal.library.tasks import extract_document_text

# Saves that cannot change the file: extraction recording its result, Wagtail's revision bookkeeping.
BOOKKEEPING_FIELDS = {
    *EXTRACTION_FIELDS,
    "latest_revision",
    "has_unpublished_changes",
    "live_revision",
    "locked",
    "locked_at",
    "locked_by",
}


def queue_extraction(document_id: int) -> None:
    # After commit: the worker must see the saved row and file, and nothing is queued for a rollback.
    transaction.on_commit(lambda: extract_document_text.delay(document_id))


def on_document_saved(sender, instance: PolicyDocument, raw=False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    if needs_extraction(instance):
        queue_extraction(instance.pk)


def on_file_saved(sender, instance, raw=False, **kwargs) -> None:
    """Staff can replace a Wagtail document's file in place; every entry using it is read again."""
    if raw:
        return
    for document in PolicyDocument.objects.filter(file=instance).select_related("file"):
        if needs_extraction(document):
            queue_extraction(document.pk)


def register_signal_handlers() -> None:
    post_save.connect(on_document_saved, sender=PolicyDocument, dispatch_uid="portal-policy-document-saved")
    post_save.connect(on_file_saved, sender=get_document_model(), dispatch_uid="portal-library-file-saved")

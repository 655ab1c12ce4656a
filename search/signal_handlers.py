"""Content changes enqueue an index sync for the record after the transaction commits.

Only the key travels; the task decides from the database whether the record
is live (upsert) or not (delete), so saves, publishing, unpublishing and
deletion all go through the same path and repeats are harmless.
"""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from search import synonyms
from search.models import Synonym
from search.records import key_for, source_for
from search.registry import SOURCES

logger = logging.getLogger(__name__)
_state = threading.local()


@contextmanager
def updates_paused() -> Iterator[None]:
    """No index update per object inside: for bulk loads that rebuild the index once at the end.

    A demo load saves each document several times (draft, revision, publish,
    extracted text); one rebuild afterwards is cheaper than all those updates.
    """
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def enqueue(key: str) -> None:
    from search.sync import mark_pending
    from search.tasks import sync_record

    if getattr(_state, "paused", False):
        return
    # In the change's own transaction: the update is owed exactly when the change is made.
    mark_pending(key)

    def send() -> None:
        sync_record.delay(key)

    # robust: a broker or cluster problem must never turn a publish into an error;
    # an update whose task is lost here stays pending and is replayed by the periodic sweep.
    transaction.on_commit(send, robust=True)


def changed(instance) -> None:
    """Queue an index update for `instance`, if it is searchable: for apps whose other changes alter its record."""
    source = source_for(instance)
    if source is not None:
        enqueue(key_for(source.label, instance.pk))


def content_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # fixture loading
        return
    changed(instance)


def synonyms_changed(sender, **kwargs) -> None:
    transaction.on_commit(synonyms.forget)


def connect() -> None:
    """Index updates for every registered source (the content apps registered theirs before search is ready)."""
    for source in SOURCES:
        model = source.model
        post_save.connect(content_changed, sender=model, dispatch_uid=f"search-save-{source.label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"search-delete-{source.label}")
        if issubclass(model, Page):
            page_published.connect(content_changed, sender=model, dispatch_uid=f"search-publish-{source.label}")
            page_unpublished.connect(content_changed, sender=model, dispatch_uid=f"search-unpublish-{source.label}")
    post_save.connect(synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-save")
    post_delete.connect(synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-delete")

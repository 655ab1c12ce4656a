"""Keeping the backends in step with the database, one record or all of them.

`sync_one` is what the index task runs; `reconcile` compares keys and
versions (the content hash of each record) between the database and a
backend and repairs the difference.

Every change also leaves a `PendingUpdate` row in its own transaction
(`mark_pending`), removed once the record is synced (`sync_pending_one`). What
the task could not deliver (the cluster down longer than its retries, the
broker restarted and lost it) is still there for `sync_pending` to replay, so
an outage of any length loses nothing.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from elastic_transport import ConnectionError as ESConnectionError
from elastic_transport import ConnectionTimeout

from portal.celery import TRANSIENT_ERRORS
from search.backends import DatabaseBackend, ElasticsearchBackend
from search.models import PendingUpdate
from search.records import all_records, record_for
from search.semantic.encoder import get_encoder
from search.semantic.service import chunk_vectors

logger = logging.getLogger(__name__)

# A backend that cannot be reached (as opposed to one refusing a record).
UNREACHABLE = (*TRANSIENT_ERRORS, ESConnectionError, ConnectionTimeout)


def configured_backends() -> list:
    """Every backend this deployment keeps: the database copy always, Elasticsearch when set."""
    backends: list = [DatabaseBackend()]
    if settings.ELASTICSEARCH_URL:
        backends.append(ElasticsearchBackend())
    return backends


def sync_one(key: str) -> bool:
    """Upsert or delete one record everywhere, from the database as it is now. Returns whether it is searchable.

    A record stored with passages whose meaning vectors are not computed yet gets them from
    `search.embed_records`, which stores it again once they are (words match meanwhile).
    """
    record = record_for(key)
    for backend in configured_backends():
        if record is None:
            backend.delete(key)
        else:
            backend.store(record)
    if record is not None and lacks_vectors(record):
        embed_later([key])
    return record is not None


def lacks_vectors(record) -> bool:
    return get_encoder() is not None and any(vector is None for _, vector in chunk_vectors(record))


def embed_later(keys: list[str]) -> None:
    # Imported here: search.semantic.tasks runs sync_one when it is done, so each module needs the other.
    from search.semantic.tasks import embed_records

    try:
        embed_records.delay(keys)
    except Exception:  # a broker problem must not undo the index update; search_embed catches up
        logger.exception("Embedding of %s not queued", keys)


def mark_pending(key: str) -> None:
    """Record, in the caller's transaction, that `key` needs syncing (one row per key, the latest change wins)."""
    PendingUpdate.objects.bulk_create(
        [PendingUpdate(key=key, changed_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["changed_at"],
    )


def sync_pending_one(key: str) -> bool:
    """`sync_one`, then forget the pending row unless the record changed again meanwhile."""
    changed_at = PendingUpdate.objects.filter(key=key).values_list("changed_at", flat=True).first()
    searchable = sync_one(key)
    if changed_at is not None:
        # A newer change has a newer changed_at, and a task of its own: its row stays.
        PendingUpdate.objects.filter(key=key, changed_at=changed_at).delete()
    return searchable


def sync_pending(*, older_than: datetime.timedelta, limit: int = 2000) -> int:
    """Replay pending updates older than `older_than` (younger ones have their task in flight). Returns how many.

    Raises UNREACHABLE errors at once (a cluster still down): the rows stay for the
    next run. A record a backend refuses is logged and skipped, and stays pending.
    """
    cutoff = timezone.now() - older_than
    keys = PendingUpdate.objects.filter(changed_at__lte=cutoff).order_by("changed_at").values_list("key", flat=True)
    done = 0
    for key in list(keys[:limit]):
        try:
            sync_pending_one(key)
        except UNREACHABLE:
            raise
        except Exception:
            logger.exception("Search update for %s refused; it stays pending", key)
            continue
        done += 1
    if done:
        logger.info("Replayed %d pending search updates", done)
    return done


@dataclass
class Drift:
    missing: int = 0  # live in the database, absent from the backend
    stale: int = 0  # present in both, versions differ
    orphaned: int = 0  # in the backend, no longer live
    unchanged: int = 0

    @property
    def repaired(self) -> int:
        return self.missing + self.stale + self.orphaned


def reconcile(backend, *, dry_run: bool = False) -> Drift:
    indexed = backend.versions()
    drift = Drift()
    for record in all_records():
        version = indexed.pop(record["id"], None)
        if version == record["version"]:
            drift.unchanged += 1
            continue
        if version is None:
            drift.missing += 1
        else:
            drift.stale += 1
        if not dry_run:
            backend.store(record)
    drift.orphaned = len(indexed)
    if not dry_run:
        for key in indexed:
            backend.delete(key)
    return drift

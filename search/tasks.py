"""Index sync tasks: take a record key, load the row fresh, upsert or delete it.

Idempotent, so a retry or a duplicate is harmless. While Elasticsearch is
unreachable the task retries with backoff capped at 20 seconds, so an update
reaches the cluster within about 20 seconds of it answering again; after about
ten minutes of retries it gives up, and the change's `PendingUpdate` row is
left for `sync_pending_records`, which beat runs every 30 seconds, to replay
once the cluster is back (so is a task the broker lost). `search_reconcile`
remains for drift of any other origin.
"""

import datetime
import logging

from portal.celery import idempotent_task
from search.sync import UNREACHABLE, sync_pending, sync_pending_one

logger = logging.getLogger(__name__)

# Younger pending rows still have their own task queued or retrying.
PENDING_GRACE = datetime.timedelta(seconds=60)


# Backoff 2, 4, 8, 16, then 20 s (each drawn at random below that, so a burst
# of updates does not retry in step); 60 retries come to roughly ten minutes.
@idempotent_task(retry_on=UNREACHABLE, retry_backoff_max=20, max_retries=60)
def sync_record(key: str) -> bool:
    return sync_pending_one(key)


@idempotent_task(retry_on=())
def sync_pending_records(grace_seconds: float = PENDING_GRACE.total_seconds()) -> int:
    """Run by beat: replay index updates that never arrived. A cluster still down waits for the next run."""
    try:
        return sync_pending(older_than=datetime.timedelta(seconds=grace_seconds))
    except UNREACHABLE as error:
        logger.info("Search cluster still unreachable, pending updates wait for the next run: %s", error)
        return 0


from search.semantic.tasks import embed_records  # noqa: E402, F401 - registers search.embed_records

"""Index sync tasks: take a record key, load the row fresh, upsert or delete it.

Idempotent, so a retry or a duplicate is harmless. While Elasticsearch is
unreachable the task retries with exponential backoff (capped at five
minutes) for over an hour before giving up; `search_reconcile` repairs
anything that outlives that.
"""

from elastic_transport import ConnectionError as ESConnectionError
from elastic_transport import ConnectionTimeout

from portal.celery import TRANSIENT_ERRORS, idempotent_task
from search.sync import sync_one

UNREACHABLE = (*TRANSIENT_ERRORS, ESConnectionError, ConnectionTimeout)


@idempotent_task(retry_on=UNREACHABLE, max_retries=25)
def sync_record(key: str) -> bool:
    return sync_one(key)

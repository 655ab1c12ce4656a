"""The background task that embeds records (found by Celery through `search.tasks`)."""

import logging
from dataclasses import asdict

from portal.celery import idempotent_task
from search import sync, vectors
from search.records import record_for
from search.semantic.encoder import encoder_status, get_encoder
from search.semantic.service import embed

logger = logging.getLogger(__name__)


@idempotent_task(name="search.embed_records")
def embed_records(keys: list[str]) -> dict:
    """Compute the missing vectors of these records' passages, each record loaded fresh.

    Keys of records no longer searchable are skipped. With semantic search off or its
    model unable to load there is nothing to do (search stays lexical): the task
    says so and succeeds rather than retrying.
    """
    encoder = get_encoder()
    if encoder is None:
        reason = encoder_status().reason
        logger.info("Embeddings of %d record(s) skipped: %s", len(keys), reason)
        return {"skipped": reason}
    records = [record for record in map(record_for, keys) if record is not None]
    summary = embed(records, encoder=encoder)
    if summary.computed:
        # Stored again, now with their vectors (Elasticsearch keeps them in the document);
        # the database backend's processes reload their matrix.
        for record in records:
            sync.sync_one(record["id"])
        vectors.changed()
    return asdict(summary)

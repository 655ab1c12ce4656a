"""Keeping the backends in step with the database, one record or all of them.

`sync_one` is what the index task runs; `reconcile` compares keys and
versions (the content hash of each record) between the database and a
backend and repairs the difference.
"""

from dataclasses import dataclass

from django.conf import settings

from search.backends import DatabaseBackend, ElasticsearchBackend
from search.records import all_records, record_for


def configured_backends() -> list:
    """Every backend this deployment keeps: the database copy always, Elasticsearch when set."""
    backends: list = [DatabaseBackend()]
    if settings.ELASTICSEARCH_URL:
        backends.append(ElasticsearchBackend())
    return backends


def sync_one(key: str) -> bool:
    """Upsert or delete one record everywhere, from the database as it is now. Returns whether it is searchable."""
    record = record_for(key)
    for backend in configured_backends():
        if record is None:
            backend.delete(key)
        else:
            backend.store(record)
    return record is not None


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

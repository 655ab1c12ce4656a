"""Index lifecycle: versioned indexes behind one alias.

A rebuild fills a new `<prefix>-content-v<timestamp>` index while searches
keep reading the old one through the alias, then moves the alias in one
`update_aliases` call and deletes older versions. Single-record updates go to
every versioned index, so one made during a rebuild reaches the new index too.
"""

import contextlib
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from elasticsearch import Elasticsearch, NotFoundError, helpers

from search import analysis, terms
from search.client import index_name
from search.documents import ALIAS, index_body, replica_settings
from search.records import Record
from search.semantic.encoder import get_encoder
from search.semantic.service import chunk_vectors
from search.status import best_chinese_analyzer

# The id is the document's _id; labels are searched through label_terms.
DOCUMENT_FIELDS_EXCLUDED = ("id", "labels")
# Bytes per bulk request. With meaning vectors a record is ~100 KB of JSON, and a node refuses
# (429) what it is coordinating past 10 % of its heap: two requests in flight must fit in a 512 MB heap's.
BULK_BYTES = 16 * 2**20
# Vectors are stored as float16 (about three significant digits): five decimals lose nothing of them,
# and send a third of the JSON that float32's seventeen-digit reprs would.
VECTOR_DECIMALS = 5


def alias_name() -> str:
    return index_name(ALIAS)


def versioned_indexes(client: Elasticsearch) -> list[str]:
    return sorted(client.indices.get(index=f"{alias_name()}-v*", allow_no_indices=True, expand_wildcards="open"))


def aliased_indexes(client: Elasticsearch) -> list[str]:
    try:
        return sorted(client.indices.get_alias(name=alias_name()))
    except NotFoundError:
        return []


def cluster_chinese_analyzer(client: Elasticsearch) -> str:
    nodes = client.nodes.info(node_id="_all", metric="plugins")["nodes"].values()

    def common(kind: str) -> set[str]:
        sets = [{p["name"] for p in node.get(kind, [])} for node in nodes]
        return set.intersection(*sets) if sets else set()

    return best_chinese_analyzer(common("plugins"), common("modules"))


def create_index(client: Elasticsearch, *, bulk_load: bool = False) -> str:
    """A new, empty versioned index; `bulk_load` turns refresh and replicas off until `finish_bulk_load`."""
    name = f"{alias_name()}-v{time.time_ns() // 1000}"
    encoder = get_encoder()
    body = index_body(encoder.dims if encoder else 0, cluster_chinese_analyzer(client))
    if bulk_load:
        body["settings"] |= {
            "refresh_interval": "-1",
            "auto_expand_replicas": False,
            "number_of_replicas": 0,
            # A failed load is thrown away and redone, so it need not fsync every request.
            "translog": {"durability": "async"},
        }
    client.indices.create(index=name, **body)
    return name


def finish_bulk_load(client: Elasticsearch, name: str) -> None:
    """Refresh on again and the configured replicas (SEARCH_INDEX_REPLICAS) back, copied from the loaded primaries."""
    client = client.options(request_timeout=300)
    client.indices.put_settings(index=name, settings={"refresh_interval": "1s", **replica_settings()})
    client.indices.refresh(index=name)


def document_source(record: Record) -> dict:
    """The indexed document of a record: its display fields, its terms, its pages and its passages' vectors."""
    # Empty strings would show up as a facet value of their own.
    source = {k: v for k, v in record.items() if k not in DOCUMENT_FIELDS_EXCLUDED and v != ""}
    for name, analysed in terms.record_terms(record).items():
        source[name] = analysed.streams
    source["passages"] = [
        {"page": passage["page"], "text": passage["text"], "terms": analysis.streams([passage["text"]])}
        for passage in record["passages"]
    ]
    source["pages"] = len(record["passages"])
    source["chunks"] = [
        {"ordinal": chunk.ordinal, "page": chunk.page, "text": chunk.text}
        | ({"vector": vector.astype(np.float64).round(VECTOR_DECIMALS).tolist()} if vector is not None else {})
        for chunk, vector in chunk_vectors(record)
    ]
    return source


def to_action(record: Record, index: str) -> dict:
    return {"_op_type": "index", "_index": index, "_id": record["id"], "_source": document_source(record)}


def point_alias(client: Elasticsearch, name: str) -> list[str]:
    """Move the alias to `name` atomically and delete every other version; returns the deleted ones."""
    alias = alias_name()
    actions = [{"remove": {"index": old, "alias": alias}} for old in aliased_indexes(client) if old != name]
    actions.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    old = [index for index in versioned_indexes(client) if index != name]
    if old:
        client.indices.delete(index=",".join(old), ignore_unavailable=True)
    return old


@dataclass
class RebuildResult:
    index: str
    indexed: int
    failed: int
    seconds: float
    deleted: list[str]

    @property
    def rate(self) -> float:
        return self.indexed / self.seconds if self.seconds else 0.0


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def fill(client: Elasticsearch, name: str, records: Iterable[Record], chunk_size: int = 1000) -> tuple[int, int]:
    """Bulk-load records, two requests in flight.

    One shard indexes a bulk request on one thread, so a second request keeps
    a small node's other core busy while this thread builds the next batch.
    Records are read here, on the calling thread (helpers.parallel_bulk
    would read them on a pool thread, with another database connection that
    cannot see the caller's transaction).
    """
    # Page views fail fast on a slow cluster; a bulk load is allowed to wait.
    client = client.options(request_timeout=120)
    indexed = failed = 0
    in_flight: deque[Future] = deque()

    def send(batch: list[dict]) -> tuple[int, int]:
        ok, errors = helpers.bulk(
            client, batch, chunk_size=len(batch), max_chunk_bytes=BULK_BYTES, raise_on_error=False, stats_only=True
        )
        return ok, errors

    with ThreadPoolExecutor(max_workers=2) as pool:
        for batch in _batches((to_action(record, name) for record in records), chunk_size):
            in_flight.append(pool.submit(send, batch))
            if len(in_flight) >= 2:
                ok, errors = in_flight.popleft().result()
                indexed, failed = indexed + ok, failed + errors
        for future in in_flight:
            ok, errors = future.result()
            indexed, failed = indexed + ok, failed + errors
    return indexed, failed


def rebuild(client: Elasticsearch, records: Iterable[Record], chunk_size: int = 1000) -> RebuildResult:
    started = time.monotonic()
    name = create_index(client, bulk_load=True)
    try:
        indexed, failed = fill(client, name, records, chunk_size)
        finish_bulk_load(client, name)
    except BaseException:
        # A half-filled index must never be served; the old one stays behind the alias.
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    deleted = point_alias(client, name)
    return RebuildResult(name, indexed, failed, time.monotonic() - started, deleted)


def upsert(client: Elasticsearch, record: Record) -> int:
    """Write one record to every versioned index (the served one and one being built)."""
    targets = versioned_indexes(client)
    for index in targets:
        action = to_action(record, index)
        client.index(index=index, id=action["_id"], document=action["_source"])
    return len(targets)


def delete(client: Elasticsearch, key: str) -> int:
    targets = versioned_indexes(client)
    for index in targets:
        with contextlib.suppress(NotFoundError):
            client.delete(index=index, id=key)
    return len(targets)


def indexed_versions(client: Elasticsearch) -> Iterator[tuple[str, str]]:
    """(id, version) of everything behind the alias."""
    if not aliased_indexes(client):
        return
    query = {"query": {"match_all": {}}, "_source": ["version"]}
    for hit in helpers.scan(client, index=alias_name(), query=query, size=2000, preserve_order=False):
        yield hit["_id"], hit["_source"].get("version", "")

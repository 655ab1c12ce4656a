"""The Elasticsearch side of a record: its Document, mapping and index settings.

Matching and ranking use the `*_terms` fields: the record's analysed terms
(`search.analysis`, done in Python, the same the database backend indexes),
one array value per stream, under the `standard` analyser that every
cluster has, which keeps each term whole. The record's own text is kept for
display only (not indexed): highlights and reasons are worked out in Python
from it, the same way for every backend.

Documents' extracted pages are `nested` passages rather than one child
document per page: a document stays one hit (totals and facet counts count
documents, not pages), and `inner_hits` brings back a document's best pages
with their numbers, asked for only for the page of hits shown. Meaning
vectors are `nested` too, one per passage (`chunks`): a kNN search finds a
record by its closest passage and says which one it is.
"""

import copy
import hashlib
import json
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from elasticsearch_dsl import Date, DenseVector, Document, Double, InnerDoc, Integer, Keyword, Nested, Text

from search.analysis import DOMAIN_WORDS

ALIAS = "content"

# Fields a query searches, with their weight: a title match outranks a body match.
TERM_FIELDS = {
    "title_terms": 4.0,
    "label_terms": 2.0,
    "summary_terms": 2.0,
    "body_terms": 1.0,
}
DISPLAY = {"index": False}


class Passage(InnerDoc):
    page = Integer()
    text = Text(**DISPLAY)
    terms = Text()  # which pages of a hit hold the query's terms (inner hits, for the page shown only)


class Chunk(InnerDoc):
    ordinal = Integer()
    page = Integer()
    text = Text(**DISPLAY)


class ContentDocument(Document):
    content_type = Keyword()
    title = Text(**DISPLAY)
    alt_title = Text(**DISPLAY)
    summary = Text(**DISPLAY)
    body = Text(**DISPLAY)
    title_terms = Text()
    label_terms = Text()
    summary_terms = Text()
    body_terms = Text()
    passages = Nested(Passage)
    chunks = Nested(Chunk)  # with a `vector` dense_vector added by `index_body`, sized to the model
    url = Keyword(index=False)
    languages = Keyword()
    date = Date(format="strict_date")
    year = Integer()
    topics = Keyword()
    topic_names = Keyword(index=False)
    issuing_body = Keyword()
    issuing_body_zh = Keyword(index=False)
    jurisdiction = Keyword()
    document_type = Keyword()
    status = Keyword()
    group = Keyword()  # records that are translations of each other share it
    number = Keyword(index=False)  # a document's number, searched through title_terms
    version = Keyword()
    pages = Integer()  # how many passages a document has: its hits get page highlights
    # EOD programmes: the catalogue's facets, ranges and sorts (amounts in CNY million).
    province = Keyword()
    stage = Keyword()
    sectors = Keyword()
    instruments = Keyword()
    investment = Double()
    gap = Double()
    size_band = Keyword()
    gap_band = Keyword()
    categories = Keyword()  # green finance catalogue categories

    @classmethod
    def _matches(cls, hit: dict) -> bool:
        # Hits come from versioned indexes behind the alias, not from an index named like it.
        return True


def shard_count() -> int:
    """SEARCH_INDEX_SHARDS: fixed when an index is created, so changing it needs `search_rebuild`."""
    value = str(settings.SEARCH_INDEX_SHARDS).strip()
    if not value.isdigit() or int(value) < 1:
        raise ImproperlyConfigured(f"SEARCH_INDEX_SHARDS must be a whole number of at least 1, not {value!r}.")
    return int(value)


def replica_settings() -> dict:
    """SEARCH_INDEX_REPLICAS as index settings: a fixed count ("1") or an auto-expand range ("0-1", "0-all").

    Replicas can change on a live index, so they are not part of the schema fingerprint.
    """
    value = str(settings.SEARCH_INDEX_REPLICAS).strip()
    if value.isdigit():
        return {"number_of_replicas": int(value), "auto_expand_replicas": False}
    if re.fullmatch(r"\d+-(\d+|all)", value):
        return {"auto_expand_replicas": value}
    raise ImproperlyConfigured(
        f"SEARCH_INDEX_REPLICAS must be a number of replicas ('1') or a range ('0-1', '0-all'), not {value!r}."
    )


# Fields only searched, never read back from a hit (see `index_body`).
SOURCE_EXCLUDED = ("*_terms", "passages.terms", "chunks.vector")

# Display texts that also get a subfield analysed by the cluster's own Chinese analyser, where it has one
# (smartcn, ICU): a ranking signal on top of the terms, which alone decide what matches.
CHINESE_SUBFIELDS = ["title", "alt_title", "summary"]


def index_body(vector_dims: int = 0, chinese_analyzer: str = "standard") -> dict:
    """Settings and mappings for a new index, with meaning vectors of `vector_dims` (0: none)."""
    mappings = copy.deepcopy(ContentDocument._doc_type.mapping.to_dict())
    if chinese_analyzer != "standard":
        for name in CHINESE_SUBFIELDS:
            mappings["properties"][name]["fields"] = {"zh": {"type": "text", "analyzer": chinese_analyzer}}
    if vector_dims:
        vector = DenseVector(dims=vector_dims, index=True, similarity="cosine")
        mappings["properties"]["chunks"]["properties"]["vector"] = vector.to_dict()
    # Indexed but not stored: every hit read parses its document's stored source, and the terms and
    # vectors (nine tenths of it) are never read back; a rebuild writes documents afresh from the database.
    mappings["_source"] = {"excludes": list(SOURCE_EXCLUDED)}
    shards = shard_count()
    # A fingerprint of what only a rebuild can change, the mapping and the shard count:
    # `search_status` compares it with the served index's to tell an operator when
    # a deploy (or a new SEARCH_INDEX_SHARDS) needs `search_rebuild`.
    # The indexed terms depend on the segmenter's word list too, so changing it also asks for a rebuild.
    fixed = {"mappings": mappings, "number_of_shards": shards, "words_zh": DOMAIN_WORDS}
    schema = hashlib.sha1(json.dumps(fixed, sort_keys=True).encode(), usedforsecurity=False).hexdigest()[:12]
    mappings["_meta"] = {"schema": schema, "vector_dims": vector_dims, "chinese_analyzer": chinese_analyzer}
    index_settings = {
        "number_of_shards": shards,
        **replica_settings(),
        # Refreshed by the rebuild itself at the end; hand-made edits show within a second.
        "refresh_interval": "1s",
        "mapping": {"nested_objects": {"limit": 20000}},
        "max_inner_result_window": 10,
    }
    return {"settings": index_settings, "mappings": mappings}

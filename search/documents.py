"""The Elasticsearch side of a record: its Document, mapping and index settings.

Documents' extracted pages are `nested` passages rather than one child
document per page: a document stays one hit (totals and facet counts count
documents, not pages, with no collapsing or de-duplication), and
`inner_hits` brings back a document's best pages with their numbers. The
page texts are also indexed in `body` (one array value per page, so a phrase
never runs across pages), which the main query matches: nested clauses there
would be scored for every match in the corpus, while the passages are asked
for only for the page of hits shown.
"""

import copy
import hashlib
import json
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from elasticsearch_dsl import Date, Document, Double, InnerDoc, Integer, Keyword, Nested, Text

ALIAS = "content"

# Fields a query searches, with their weight: a title match outranks a body match.
SEARCH_FIELDS = {
    "title": 4.0,
    "alt_title": 4.0,
    "labels": 2.0,
    "summary": 2.0,
    "body": 1.0,
}
# Text fields that get a subfield analysed by a better Chinese analyser when the cluster has one.
CHINESE_SUBFIELDS = ["title", "alt_title", "summary", "body", "labels"]


# Two-word shingles make a phrase query (every Chinese query on the standard
# analyser is one) a lookup of rare word pairs instead of a walk over the
# postings of common single words and characters. That walk costs as much on
# a short field as on a long one: it depends on how many documents hold the
# words, not on how long the field is.
PHRASES = {"index_phrases": True}


class Passage(InnerDoc):
    page = Integer()
    text = Text()  # only ever searched within the ten documents on a page of results


class ContentDocument(Document):
    content_type = Keyword()
    title = Text(copy_to="spelling", **PHRASES)
    alt_title = Text(copy_to="spelling", **PHRASES)
    summary = Text(copy_to="spelling", **PHRASES)
    body = Text(**PHRASES)
    passages = Nested(Passage)
    url = Keyword(index=False)
    languages = Keyword()
    date = Date(format="strict_date")
    year = Integer()
    topics = Keyword()
    topic_names = Keyword(index=False)
    issuing_body = Keyword()
    issuing_body_zh = Keyword(index=False)
    # Topic names and issuing bodies in both languages, searched as one field:
    # each field a query names is one more phrase query per alternative.
    labels = Text(copy_to="spelling", **PHRASES)
    jurisdiction = Keyword()
    document_type = Keyword()
    status = Keyword()
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
    # Vocabulary for "did you mean": titles, summaries and topic names.
    spelling = Text()

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


def index_body(chinese_analyzer: str) -> dict:
    """Settings and mappings for a new index, given the best Chinese analyser available."""
    mappings = copy.deepcopy(ContentDocument._doc_type.mapping.to_dict())
    if chinese_analyzer != "standard":
        for name in CHINESE_SUBFIELDS:
            mappings["properties"][name]["fields"] = {"zh": {"type": "text", "analyzer": chinese_analyzer}}
    shards = shard_count()
    # A fingerprint of what only a rebuild can change, the mapping and the shard count:
    # `search_status` compares it with the served index's to tell an operator when
    # a deploy (or a new SEARCH_INDEX_SHARDS) needs `search_rebuild`.
    fixed = {"mappings": mappings, "number_of_shards": shards}
    schema = hashlib.sha1(json.dumps(fixed, sort_keys=True).encode(), usedforsecurity=False).hexdigest()[:12]
    mappings["_meta"] = {"chinese_analyzer": chinese_analyzer, "schema": schema}
    index_settings = {
        "number_of_shards": shards,
        **replica_settings(),
        # Refreshed by the rebuild itself at the end; hand-made edits show within a second.
        "refresh_interval": "1s",
        "mapping": {"nested_objects": {"limit": 20000}},
        "max_inner_result_window": 10,
    }
    return {"settings": index_settings, "mappings": mappings}

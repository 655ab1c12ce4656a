"""Shard and replica counts of the search index come from settings
(SEARCH_INDEX_SHARDS, SEARCH_INDEX_REPLICAS), survive the bulk load's
replicas-off phase, and only the shard count asks for a rebuild."""

import json
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from search import indexes
from search.documents import index_body


def fingerprint() -> str:
    return index_body("standard")["mappings"]["_meta"]["schema"]


def test_defaults_are_one_shard_and_a_replica_once_a_second_node_is_there():
    body = index_body("standard")["settings"]

    assert body["number_of_shards"] == 1
    assert body["auto_expand_replicas"] == "0-1"
    assert "number_of_replicas" not in body


def test_a_replica_count_turns_auto_expansion_off(settings):
    settings.SEARCH_INDEX_SHARDS = "3"
    settings.SEARCH_INDEX_REPLICAS = "2"

    body = index_body("standard")["settings"]

    assert (body["number_of_shards"], body["number_of_replicas"], body["auto_expand_replicas"]) == (3, 2, False)


def test_only_the_shard_count_changes_the_schema_fingerprint(settings):
    default = fingerprint()
    settings.SEARCH_INDEX_REPLICAS = "0-all"
    assert fingerprint() == default  # replicas change on a live index: no rebuild asked for
    settings.SEARCH_INDEX_SHARDS = "2"
    assert fingerprint() != default


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("SEARCH_INDEX_SHARDS", "0"),
        ("SEARCH_INDEX_SHARDS", "two"),
        ("SEARCH_INDEX_SHARDS", "-1"),
        ("SEARCH_INDEX_REPLICAS", "-1"),
        ("SEARCH_INDEX_REPLICAS", "all"),
        ("SEARCH_INDEX_REPLICAS", "0-"),
        ("SEARCH_INDEX_REPLICAS", "one"),
    ],
)
def test_a_bad_value_is_refused_with_the_setting_named(settings, setting, value):
    setattr(settings, setting, value)

    with pytest.raises(ImproperlyConfigured, match=setting):
        index_body("standard")


def served_settings(client) -> dict:
    (name,) = indexes.aliased_indexes(client)
    return client.indices.get_settings(index=name)[name]["settings"]["index"]


def schema_current() -> bool | None:
    out = StringIO()
    call_command("search_status", "--json", stdout=out)
    return json.loads(out.getvalue())["schema_current"]


@pytest.mark.services
@pytest.mark.django_db  # search_status counts the passages with vectors
def test_a_rebuilt_index_has_the_configured_shards_and_replicas(elasticsearch, settings):
    settings.SEARCH_INDEX_SHARDS = "2"
    settings.SEARCH_INDEX_REPLICAS = "1"

    indexes.rebuild(elasticsearch, [])

    served = served_settings(elasticsearch)
    # The bulk load ran without replicas; the configured count is back once it is done.
    assert (served["number_of_shards"], served["number_of_replicas"]) == ("2", "1")
    assert served["auto_expand_replicas"] == "false"
    assert schema_current() is True


@pytest.mark.services
@pytest.mark.django_db  # search_status counts the passages with vectors
def test_a_replica_range_is_restored_and_a_new_shard_count_asks_for_a_rebuild(elasticsearch, settings):
    settings.SEARCH_INDEX_REPLICAS = "0-all"

    indexes.rebuild(elasticsearch, [])

    served = served_settings(elasticsearch)
    assert served["number_of_shards"] == "1"
    assert served["auto_expand_replicas"] == "0-all"
    settings.SEARCH_INDEX_REPLICAS = "0-1"
    assert schema_current() is True
    settings.SEARCH_INDEX_SHARDS = "3"
    assert schema_current() is False

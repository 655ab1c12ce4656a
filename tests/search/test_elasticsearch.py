"""The Elasticsearch connection from settings, against a real cluster."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from elasticsearch_dsl import Document, Index, Keyword, Text

from search.client import index_name
from search.status import best_chinese_analyzer


class Note(Document):
    title = Text()
    language = Keyword()


@pytest.mark.services
def test_create_index_add_document_find_it_and_delete_the_index(elasticsearch):
    name = index_name("connection-check")
    Note.init(index=name)
    Note(title="Carbon neutrality in the supply chain", language="en").save(index=name, refresh=True)

    hits = Note.search(index=name).query("match", title="supply chain").execute()

    assert [hit.title for hit in hits] == ["Carbon neutrality in the supply chain"]
    Index(name).delete()
    assert not elasticsearch.indices.exists(index=name)


@pytest.mark.services
@pytest.mark.django_db  # search_status counts the passages with vectors
def test_search_status_reports_the_cluster(elasticsearch):
    name = index_name("status-check")
    elasticsearch.indices.create(index=name, aliases={index_name("status-alias"): {}})
    out = StringIO()

    call_command("search_status", "--json", stdout=out)

    status = json.loads(out.getvalue())
    assert status["health"] in ("green", "yellow")
    node_versions = {node["version"] for node in elasticsearch.nodes.info()["nodes"].values()}
    assert status["version"] in node_versions
    assert name in [row["index"] for row in status["indexes"]]
    assert status["aliases"][index_name("status-alias")] == [name]
    assert status["chinese_analyzer"] == best_chinese_analyzer(set(status["plugins"]), set(status["modules"]))
    # Whatever was picked must really exist on this cluster.
    analysed = elasticsearch.indices.analyze(analyzer=status["chinese_analyzer"], text="碳中和")
    assert analysed["tokens"]


@pytest.mark.django_db  # search_status counts the passages with vectors
def test_search_status_explains_an_unreachable_cluster(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    with pytest.raises(CommandError, match="unreachable"):
        call_command("search_status", stdout=StringIO())


@pytest.mark.django_db  # search_status counts the passages with vectors
def test_search_status_without_a_cluster_says_database_search(settings):
    settings.ELASTICSEARCH_URL = ""
    out = StringIO()

    call_command("search_status", stdout=out)

    assert "database" in out.getvalue()


@pytest.mark.parametrize(
    ("plugins", "modules", "expected"),
    [
        ({"analysis-smartcn", "analysis-icu"}, {"analysis-common"}, "smartcn"),
        ({"analysis-icu"}, {"analysis-common"}, "icu_analyzer"),
        (set(), {"analysis-common"}, "cjk"),
        (set(), set(), "standard"),
    ],
)
def test_best_chinese_analyzer_prefers_smartcn_then_icu_then_cjk(plugins, modules, expected):
    assert best_chinese_analyzer(plugins, modules) == expected

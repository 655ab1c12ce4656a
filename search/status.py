"""What the search cluster is and can do: health, version, analysis plugins,
indexes and aliases. Index settings are built from `best_chinese_analyzer`."""

from dataclasses import asdict, dataclass, field

from elasticsearch import Elasticsearch

from search.semantic.encoder import get_encoder

# Chinese analysers in order of preference, each with the plugin or module
# that provides it. The `standard` analyser is always there: it splits Han
# text into single characters, so Chinese queries then rely on phrase matching.
CHINESE_ANALYZERS = [
    ("smartcn", "analysis-smartcn"),
    ("icu_analyzer", "analysis-icu"),
    ("cjk", "analysis-common"),
]


@dataclass
class ClusterStatus:
    url: str
    cluster_name: str
    health: str
    version: str
    nodes: int
    plugins: list[str]
    modules: list[str]
    chinese_analyzer: str
    indexes: list[dict] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    # Whether the served index has the mapping this code builds; None: no index yet.
    schema_current: bool | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def best_chinese_analyzer(plugins: set[str], modules: set[str]) -> str:
    """The best Chinese analyser the cluster offers; every node must have it."""
    available = plugins | modules
    for analyzer, provider in CHINESE_ANALYZERS:
        if provider in available:
            return analyzer
    return "standard"


def _installed(nodes: dict, kind: str) -> set[str]:
    # A plugin counts only when every node has it; a mixed cluster cannot use it.
    per_node = [{p["name"] for p in node.get(kind, [])} for node in nodes.values()]
    return set.intersection(*per_node) if per_node else set()


def cluster_status(client: Elasticsearch, url: str = "") -> ClusterStatus:
    # The minimal distribution has no root endpoint (GET / answers 405), so
    # name and version come from the health and node APIs instead of info().
    health = client.cluster.health()
    nodes = client.nodes.info(node_id="_all", metric="plugins")["nodes"]  # modules come with plugins
    plugins, modules = _installed(nodes, "plugins"), _installed(nodes, "modules")
    indexes = [
        {
            "index": row["index"],
            "health": row["health"],
            "docs": int(row.get("docs.count") or 0),
            "size": row.get("store.size") or "",
        }
        for row in client.cat.indices(format="json", h="index,health,docs.count,store.size")
        if not row["index"].startswith(".")
    ]
    aliases: dict[str, list[str]] = {}
    for index, body in client.indices.get_alias(index="*").items():
        for alias in body.get("aliases", {}):
            aliases.setdefault(alias, []).append(index)
    analyzer = best_chinese_analyzer(plugins, modules)
    return ClusterStatus(
        url=url,
        cluster_name=health["cluster_name"],
        health=health["status"],
        version=", ".join(sorted({node["version"] for node in nodes.values()})),
        nodes=health["number_of_nodes"],
        plugins=sorted(plugins),
        modules=sorted(modules),
        chinese_analyzer=analyzer,
        indexes=sorted(indexes, key=lambda row: row["index"]),
        aliases={alias: sorted(targets) for alias, targets in sorted(aliases.items())},
        schema_current=_schema_current(client, analyzer),
    )


def _schema_current(client: Elasticsearch, analyzer: str) -> bool | None:
    # Imported here: search.indexes asks this module which Chinese analyser to use.
    from search.documents import index_body
    from search.indexes import alias_name

    mappings = client.indices.get_mapping(index=alias_name(), ignore_unavailable=True, allow_no_indices=True)
    served = [body["mappings"].get("_meta", {}).get("schema") for body in mappings.values()]
    if not served:
        return None
    encoder = get_encoder()  # its vector size is part of the mapping
    wanted = index_body(encoder.dims if encoder else 0, analyzer)["mappings"]["_meta"]["schema"]
    return all(schema == wanted for schema in served)

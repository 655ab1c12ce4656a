"""The Elasticsearch backend: BM25 over the analysed terms, kNN over passage vectors, facets by aggregation.

What matches is decided exactly as the database backend decides it
(`search.backends.fulltext`): every required clause and `minimum_match` of the
optional ones, a clause being any of its alternatives, each a term or a
phrase. Ranking is BM25 across the term fields with their weights, each
alternative weighted by why it is there, plus a boost for the query's words
side by side (proximity) and the mark of a title match. One `msearch` asks
for the counts and facets of what the words match, the best records by words
and, with meaning, the nearest records, all side by side; a second, over the
nearest records the words do not match (a hundred at most), adds their groups
and facet values to the counts. Another, for the page shown only, asks what
each hit holds, its best pages, its passage closest in meaning and its
translations.
"""

from django.core.cache import cache
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch_dsl import Q
from elasticsearch_dsl.query import Query

from search import indexes
from search.analysis import is_han
from search.backends.database import Details, Retrieved
from search.client import get_client
from search.documents import CHINESE_SUBFIELDS, TERM_FIELDS
from search.query import Alternative, Clause, ParsedQuery
from search.ranking import Candidate, Chunk, Meaning
from search.results import FacetValue, SearchRequest

FACET_SIZES = {"issuer": 30, "topic": 40, "year": 30, "province": 40}
META_KEY = "search:elasticsearch:index-meta"
CANDIDATE_SOURCE = ["content_type", "title", "alt_title", "summary", "url", "date", "languages", "group", "pages"]
FIELDS = [f"{name}^{boost:g}" for name, boost in TERM_FIELDS.items()]
# How many neighbours each shard examines for every one kept: recall of the approximate search against its
# cost, which grows with it. 1.5 is Elasticsearch's own default; 3 took about twice as long at 54,000 records
# (400,000 passages) on the search bench.
SEMANTIC_CANDIDATES_FACTOR = 1.5


def alternative_query(alternative: Alternative, name: str, fields: list[str] = FIELDS) -> Query:
    text = " ".join(alternative.terms)
    if alternative.is_phrase:
        return Q("multi_match", query=text, type="phrase", fields=fields, boost=alternative.weight, _name=name)
    return Q("multi_match", query=text, fields=fields, tie_breaker=0.3, boost=alternative.weight, _name=name)


def clause_query(clause: Clause, names: dict[Alternative, str]) -> Query:
    queries = [alternative_query(alt, names[alt]) for alt in clause.alternatives]
    return queries[0] if len(queries) == 1 else Q("dis_max", queries=queries)


def alternative_names(query: ParsedQuery) -> dict[Alternative, str]:
    return {alt: f"alt{index}" for index, alt in enumerate(query.alternatives)}


def words_query(query: ParsedQuery) -> Query:
    """What matches by words: the same rule as the database's full-text index."""
    names = alternative_names(query)
    must = [clause_query(clause, names) for clause in query.required]
    optional = [clause_query(clause, names) for clause in query.optional]
    if optional:
        must.append(Q("bool", should=optional, minimum_should_match=query.minimum_match))
    return Q("bool", must=must)


def ranking_query(query: ParsedQuery, chinese_subfields: bool) -> Query:
    names = alternative_names(query)
    # Named, with no weight of its own: whether a record holds every clause, not just most of them.
    should = [Q("bool", must=[clause_query(clause, names) for clause in query.clauses], boost=0, _name="complete")]
    phrases = [Q("match_phrase", title_terms=" ".join(phrase)) for phrase in query.title_phrases]
    should += phrases
    if phrases:
        # Named, with no weight of its own: the title holds every phrase, as the database backend asks.
        should.append(Q("bool", must=phrases, boost=0, _name="title"))
    if len(query.sequence) >= 2:
        # Nearby query words rank higher (proximity), in any field.
        should.append(Q("multi_match", query=" ".join(query.sequence), type="phrase", slop=3, fields=FIELDS))
    if chinese_subfields and is_han(query.text):
        zh_fields = [f"{name}.zh" for name in CHINESE_SUBFIELDS]
        should.append(Q("multi_match", query=query.text, fields=zh_fields, boost=0.5))
    return Q("bool", must=[words_query(query)], should=should)


def _filter(field: str, values: list[str]) -> Query:
    return Q("terms", **{field: list(values)})


def scope_filters(request: SearchRequest) -> list[Query]:
    """What the scope and the range filters rule out: applied to hits and facet counts alike."""
    scope, clauses = request.scope, []
    if scope.content_types:
        clauses.append(Q("terms", content_type=list(scope.content_types)))
    for name, (low, high) in request.ranges.items():
        bounds = {key: float(value) for key, value in (("gte", low), ("lte", high)) if value is not None}
        clauses.append(Q("range", **{scope.ranges[name]: bounds}))
    for field, values in request.fixed.items():
        clauses.append(_filter(field, values))
    return clauses


def facet_filters(request: SearchRequest, leave_out: str = "") -> list[Query]:
    facets = request.scope.facets
    return [_filter(facets[name], values) for name, values in request.filters.items() if name != leave_out]


def _knn(meaning: Meaning, request: SearchRequest, limit: int) -> dict:
    """The records closest in meaning within the scope (the visitor's filters are applied afterwards, as words are).

    Without the closest passage of each: only the page shown needs it (`details` asks for it for those ten
    records rather than a hundred candidates).
    """
    return {
        "field": "chunks.vector",
        "query_vector": [float(x) for x in meaning.vector],
        "k": limit,
        "num_candidates": max(int(limit * SEMANTIC_CANDIDATES_FACTOR), 100),
        "similarity": meaning.floor,
        "filter": [clause.to_dict() for clause in scope_filters(request)],
    }


def _closest_passages(meaning: Meaning, keys: list[str]) -> dict:
    """The passage of each of these records closest to the query (an exact search: the filter leaves a handful)."""
    return {
        "size": len(keys),
        "knn": {
            "field": "chunks.vector",
            "query_vector": [float(x) for x in meaning.vector],
            "k": len(keys),
            "num_candidates": max(len(keys), 100),
            "filter": [Q("ids", values=keys).to_dict()],
            "inner_hits": {"size": 1, "_source": ["chunks.ordinal", "chunks.page", "chunks.text"]},
        },
        "_source": False,
    }


def cosine(score: float) -> float:
    # Elasticsearch scores a cosine-similarity kNN match as (1 + cosine) / 2.
    return 2 * score - 1


def _candidate(raw: dict) -> Candidate:
    source = raw["_source"]
    return Candidate(
        key=raw["_id"],
        content_type=source["content_type"],
        title=source.get("title", ""),
        alt_title=source.get("alt_title") or "",
        summary=source.get("summary") or "",
        url=source.get("url") or "",
        date=source.get("date"),
        languages=source.get("languages") or [],
        group=source.get("group") or "",
        pages=bool(source.get("pages")),
        title_match="title" in raw.get("matched_queries", []),
        complete="complete" in raw.get("matched_queries", []),
    )


def _semantic_body(meaning: Meaning, request: SearchRequest, limit: int) -> dict:
    return {"size": limit, "knn": _knn(meaning, request, limit), "_source": CANDIDATE_SOURCE}


def _semantic_candidates(meaning: Meaning, response: dict) -> list[Candidate]:
    """The kNN hits as candidates with their closest passage, cut where they fall too far below the closest one."""
    found = []
    for raw in response["hits"]["hits"]:
        candidate = _candidate(raw)
        candidate.chunk = Chunk(0, None, "", cosine(raw["_score"]))  # which passage: `details`, for the page shown
        found.append(candidate)
    if not found:
        return []
    threshold = meaning.threshold(found[0].chunk.score)
    return [candidate for candidate in found if candidate.chunk.score >= threshold]


def _buckets(aggregations: dict, name: str) -> dict[str, int]:
    """A facet's values and their counts, in the order the cluster gave them (most first)."""
    buckets = aggregations.get(f"_facet_{name}", {}).get("values", {}).get("buckets", [])
    return {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}


def _raise_errors(responses: list[dict]) -> None:
    for response in responses:
        if "error" in response:
            raise ApiError(str(response["error"]), meta=None, body=response["error"])


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch | None = None):
        self.client = client or get_client()

    # --- Writing ------------------------------------------------------------

    def store(self, record) -> None:
        indexes.upsert(self.client, record)

    def delete(self, key: str) -> None:
        indexes.delete(self.client, key)

    def replace_all(self, records, chunk_size: int = 1000) -> indexes.RebuildResult:
        return indexes.rebuild(self.client, records, chunk_size)

    def versions(self) -> dict[str, str]:
        return dict(indexes.indexed_versions(self.client))

    # --- Reading ------------------------------------------------------------

    def index_meta(self) -> dict:
        """The served index's `_meta`: its vector size and Chinese analyser (cached briefly)."""
        meta = cache.get(META_KEY)
        if meta is None:
            try:
                mappings = self.client.indices.get_mapping(index=indexes.alias_name())
            except NotFoundError:
                return {}
            metas = [body["mappings"].get("_meta", {}) for body in mappings.values()]
            meta = metas[0] if metas else {}
            cache.set(META_KEY, meta, 300)
        return meta

    def has_vectors(self) -> bool:
        return bool(self.index_meta().get("vector_dims"))

    def _counting(self, query: ParsedQuery, request: SearchRequest, meaning_only: list[str] | None = None) -> dict:
        """The count of result groups and the facets of the records matched by words (or, given `meaning_only`,
        of those of these records that the words do not match: their groups listed, to be added to the first)."""
        base = words_query(query) if query else Q("match_all")
        groups = {"cardinality": {"field": "group", "precision_threshold": 40000}}
        if meaning_only is not None:
            base = Q("bool", filter=[Q("ids", values=meaning_only)], must_not=[base] if query else [])
            groups = {"terms": {"field": "group", "size": max(len(meaning_only), 1)}}
        aggs = {"_total": {"filter": Q("bool", filter=facet_filters(request)).to_dict(), "aggs": {"groups": groups}}}
        for name, field in request.scope.facets.items():
            size = FACET_SIZES.get(name, 20) if meaning_only is None else max(len(meaning_only), 1)
            aggs[f"_facet_{name}"] = {
                "filter": Q("bool", filter=facet_filters(request, leave_out=name)).to_dict(),
                "aggs": {"values": {"terms": {"field": field, "size": size}}},
            }
        return {
            "size": 0,
            "track_total_hits": meaning_only is None,
            "query": Q("bool", must=[base], filter=scope_filters(request)).to_dict(),
            "aggs": aggs,
        }

    def _groups_matched_by_words(self, query: ParsedQuery, request: SearchRequest, groups: list[str]) -> dict:
        """Which of these groups hold a record the words match, within the visitor's filters."""
        matched = [Q("terms", group=groups), *scope_filters(request), *facet_filters(request)]
        if query:
            matched.append(words_query(query))
        return {
            "size": 0,
            "query": Q("bool", filter=matched).to_dict(),
            "aggs": {"groups": {"terms": {"field": "group", "size": len(groups)}}},
        }

    def _lexical(self, query: ParsedQuery, request: SearchRequest, limit: int) -> dict:
        filters = [*scope_filters(request), *facet_filters(request)]
        chinese = self.index_meta().get("chinese_analyzer", "standard") != "standard"
        main = ranking_query(query, chinese) if query else Q("match_all")
        sort = []
        for name in request.order(bool(query)):
            if name == "_score":
                sort.append("_score")
            else:
                sort.append({name.lstrip("-"): {"order": "desc" if name.startswith("-") else "asc"}})
        return {
            "size": limit,
            "query": Q("bool", must=[main], filter=filters).to_dict(),
            "sort": [*sort, {"date": {"order": "desc"}}],
            "_source": CANDIDATE_SOURCE,
            "track_total_hits": False,
        }

    def semantic(self, meaning: Meaning, request: SearchRequest, limit: int) -> list[Candidate]:
        """The records closest in meaning within the scope, cut where they fall too far below the closest one."""
        response = self.client.search(index=indexes.alias_name(), **_semantic_body(meaning, request, limit))
        return _semantic_candidates(meaning, response)

    def retrieve(self, query: ParsedQuery, request: SearchRequest, meaning: Meaning | None, limit: int) -> Retrieved:
        """One msearch for what the words match (counts, facets, the best records) and the nearest records, run
        side by side by the cluster; then, if meaning found records the words do not, a second over those few
        alone, whose groups and facet values are added to the counts."""
        retrieved = Retrieved()
        searches = [{}, self._counting(query, request)]
        lexical = bool(query) or meaning is None
        if lexical:
            searches += [{}, self._lexical(query, request, limit)]
        by_meaning = meaning is not None and self.has_vectors()
        if by_meaning:
            searches += [{}, _semantic_body(meaning, request, limit)]
        responses = self._msearch(searches)
        if responses is None:
            return retrieved  # no index built yet
        took = [max(response["took"] for response in responses)]
        counting, rest = responses[0], responses[1:]
        if lexical:
            retrieved.lexical = [_candidate(raw) for raw in rest.pop(0)["hits"]["hits"]]
        semantic = _semantic_candidates(meaning, rest.pop(0)) if by_meaning else []
        aggregations = counting.get("aggregations", {})
        retrieved.total = aggregations.get("_total", {}).get("groups", {}).get("value", 0)
        counts = {name: _buckets(aggregations, name) for name in request.scope.facets}
        if semantic:
            keys = [candidate.key for candidate in semantic]
            groups = sorted({candidate.group for candidate in semantic if candidate.group})
            searches = [{}, self._counting(query, request, meaning_only=keys)]
            if groups:
                searches += [{}, self._groups_matched_by_words(query, request, groups)]
            if request.filters:
                # Which of the nearest records the visitor's filters let through.
                allowed = Q("bool", filter=[Q("ids", values=keys), *facet_filters(request)])
                searches += [{}, {"size": len(keys), "query": allowed.to_dict(), "_source": False}]
            responses = self._msearch(searches) or []
            took.append(max((response["took"] for response in responses), default=0))
            if responses:
                extra, rest = responses[0].get("aggregations", {}), responses[1:]
                counted = {b["key"] for b in rest.pop(0)["aggregations"]["groups"]["buckets"]} if groups else set()
                new_groups = {b["key"] for b in extra.get("_total", {}).get("groups", {}).get("buckets", [])}
                retrieved.total += len(new_groups - counted)
                for name in request.scope.facets:
                    for value, count in _buckets(extra, name).items():
                        counts[name][value] = counts[name].get(value, 0) + count
                if request.filters:
                    allowed_keys = {raw["_id"] for raw in rest.pop(0)["hits"]["hits"]}
                    semantic = [candidate for candidate in semantic if candidate.key in allowed_keys]
        retrieved.took_ms = sum(took)
        chosen = {name: set(values) for name, values in request.filters.items()}
        for name in request.scope.facets:
            ordered = sorted(counts[name].items(), key=lambda item: -item[1])[: FACET_SIZES.get(name, 20)]
            retrieved.facets[name] = [
                FacetValue(value, count, value in chosen.get(name, ())) for value, count in ordered
            ]
        retrieved.semantic = semantic
        return retrieved

    def _msearch(self, searches: list[dict]) -> list[dict] | None:
        """The responses of an msearch, None when there is no index yet; a failed search raises."""
        try:
            responses = self.client.msearch(index=indexes.alias_name(), searches=searches)["responses"]
        except NotFoundError:
            return None
        if any(response.get("status") == 404 for response in responses):
            return None
        _raise_errors(responses)
        return responses

    def details(self, keys: list[str], query: ParsedQuery, meaning: Meaning | None = None) -> dict[str, Details]:
        """For the page shown: the alternatives each hit holds anywhere, its best pages, its translations, and
        (searching by meaning) its passage closest to the query."""
        found = {key: Details() for key in keys}
        if not keys:
            return found
        names = alternative_names(query)
        holds = [alternative_query(alt, name) for alt, name in names.items()]
        searches = [
            {},
            {
                "size": len(keys),
                "query": Q("bool", filter=[Q("ids", values=keys)], should=holds).to_dict(),
                "_source": ["body", "group"],
            },
        ]
        if query:
            pages = Q(
                "nested",
                path="passages",
                score_mode="max",
                query=Q(
                    "bool", should=[alternative_query(alt, name, ["passages.terms"]) for alt, name in names.items()]
                ),
                inner_hits={"size": 3, "_source": ["passages.page", "passages.text"]},
            )
            searches += [
                {},
                {
                    "size": len(keys),
                    "query": Q("bool", filter=[Q("ids", values=keys)], must=[pages]).to_dict(),
                    "_source": False,
                },
            ]
        if meaning is not None and self.has_vectors():
            searches += [{}, _closest_passages(meaning, keys)]
        responses = self.client.msearch(index=indexes.alias_name(), searches=searches)["responses"]
        _raise_errors(responses)
        if meaning is not None and self.has_vectors():
            for raw in responses.pop()["hits"]["hits"]:
                inner = raw.get("inner_hits", {}).get("chunks", {}).get("hits", {}).get("hits", [])
                if inner:
                    chunk = inner[0]["_source"]
                    score = cosine(inner[0]["_score"])
                    found[raw["_id"]].closest = Chunk(chunk.get("ordinal", 0), chunk.get("page"), chunk.get("text", ""), score)  # fmt: skip
        index_of = {name: index for index, name in enumerate(names.values())}
        groups = {}
        for raw in responses[0]["hits"]["hits"]:
            details = found[raw["_id"]]
            details.matched = {index_of[name] for name in raw.get("matched_queries", []) if name in index_of}
            details.body = raw["_source"].get("body") or ""
            if raw["_source"].get("group"):
                groups[raw["_source"]["group"]] = raw["_id"]
        if query:
            for raw in responses[1]["hits"]["hits"]:
                inner = raw.get("inner_hits", {}).get("passages", {}).get("hits", {}).get("hits", [])
                found[raw["_id"]].passages = [hit["_source"] for hit in inner]
        if groups:
            siblings = self.client.search(
                index=indexes.alias_name(),
                query=Q("bool", filter=[Q("terms", group=list(groups))], must_not=[Q("ids", values=keys)]).to_dict(),
                source=["group", "url", "title", "languages"],
                size=3 * len(groups),
            )
            for raw in siblings["hits"]["hits"]:
                source = raw["_source"]
                found[groups[source["group"]]].siblings.append(
                    {
                        "key": raw["_id"],
                        "url": source.get("url", ""),
                        "title": source.get("title", ""),
                        "languages": source.get("languages", []),
                    }
                )
        return found

    def count(self, query: ParsedQuery, request: SearchRequest) -> int:
        """Results of the query with the visitor's filters taken off (to say they hid every match)."""
        unfiltered = SearchRequest(scope=request.scope, fixed=request.fixed)
        body = self._counting(query, unfiltered)
        try:
            response = self.client.search(index=indexes.alias_name(), **body)
        except NotFoundError:
            return 0
        return response["aggregations"]["_total"]["groups"]["value"]

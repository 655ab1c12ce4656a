"""The Elasticsearch backend: one FacetedSearch per request against the content alias."""

from django.core.cache import cache
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch_dsl import FacetedSearch, Q, Search, TermsFacet
from elasticsearch_dsl.query import Query

from search import indexes
from search.client import get_client
from search.documents import CHINESE_SUBFIELDS, SEARCH_FIELDS, ContentDocument
from search.highlight import plain
from search.query import ParsedQuery
from search.query_text import is_han
from search.records import Record
from search.results import FacetValue, Hit, Passage, SearchRequest, SearchResults

MARK = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
FACET_SIZES = {"issuer": 30, "topic": 40, "year": 30, "province": 40}
ANALYZER_KEY = "search:elasticsearch:chinese-analyzer"


def _phrase(text: str, fields: list[str]) -> Query:
    return Q("multi_match", query=text, type="phrase", fields=fields)


def clause_query(clause: tuple[str, ...], fields: list[str]) -> Query:
    """Any alternative of the clause, each as a phrase (exact order, no query syntax)."""
    if len(clause) == 1:
        return _phrase(clause[0], fields)
    return Q("bool", should=[_phrase(alternative, fields) for alternative in clause], minimum_should_match=1)


def build_query(query: ParsedQuery, chinese_subfields: bool = False) -> Query:
    if not query:
        return Q("match_all")
    boosted = [f"{name}^{boost:g}" for name, boost in SEARCH_FIELDS.items()]
    must = [clause_query(clause, boosted) for clause in query.matching_clauses]
    should = []
    if chinese_subfields and is_han(query.text):
        # The segmenting analyser ranks better; the phrase clauses above keep it precise.
        zh_fields = [f"{name}.zh" for name in CHINESE_SUBFIELDS]
        should.append(Q("multi_match", query=query.text, fields=zh_fields, operator="and"))
    return Q("bool", must=must, should=should)


def passages_query(query: ParsedQuery, keys: list[str]) -> dict:
    """The best pages of the given documents, with their numbers, highlighted.

    Asked separately for the page of hits only: as part of the main query the
    nested clause would be scored for every match in the corpus.
    """
    nested = Q(
        "nested",
        path="passages",
        score_mode="max",
        query=Q("bool", should=[Q("match_phrase", passages__text=alt) for alt in query.alternatives]),
        inner_hits={
            "size": 3,
            "_source": False,
            "docvalue_fields": ["passages.page"],
            "highlight": {**MARK, "fields": {"passages.text": {"fragment_size": 180, "number_of_fragments": 1}}},
        },
    )
    return {"query": Q("bool", filter=[Q("ids", values=keys)], must=[nested]).to_dict(), "size": len(keys),
            "_source": False}  # fmt: skip


def highlight_query(query: ParsedQuery, field: str) -> dict:
    # slop 1 keeps the highlighter on positions: an exact phrase is answered
    # from the `index_phrases` shingles, which the highlighter cannot map back to the text.
    phrases = [Q("match_phrase", **{field: {"query": alt, "slop": 1}}) for alt in query.alternatives]
    return Q("bool", should=phrases).to_dict()


def _merge_marks(html: str) -> str:
    # Han phrases come back one character per <mark>; show the phrase as one.
    return html.replace("</mark><mark>", "")


def scope_filters(request: SearchRequest) -> list[Query]:
    """What the scope and the range filters rule out: applied to hits and facet counts alike."""
    scope, clauses = request.scope, []
    if scope.content_types:
        clauses.append(Q("terms", content_type=list(scope.content_types)))
    for name, (low, high) in request.ranges.items():
        bounds = {key: float(value) for key, value in (("gte", low), ("lte", high)) if value is not None}
        clauses.append(Q("range", **{scope.ranges[name]: bounds}))
    for field, values in request.fixed.items():
        clauses.append(Q("terms", **{field: list(values)}))
    return clauses


class ContentSearch(FacetedSearch):
    doc_types = [ContentDocument]

    def __init__(self, client: Elasticsearch, parsed: ParsedQuery, request: SearchRequest, chinese: bool):
        self.using = client
        self.index = indexes.alias_name()
        self.parsed = parsed
        self.request = request
        self.facets = {
            name: TermsFacet(field=field, size=FACET_SIZES.get(name, 20))
            for name, field in request.scope.facets.items()
        }
        sort = list(request.order(bool(parsed)))
        super().__init__(query=build_query(parsed, chinese), filters=request.filters, sort=sort)

    def query(self, search: Search, query: Query) -> Search:
        search = search.query(query)
        for clause in scope_filters(self.request):
            search = search.filter(clause)
        return search

    def search(self) -> Search:
        search = super().search().source(excludes=["body", "passages", "spelling"])
        if not self.parsed:
            return search
        fields = {
            "title": {"number_of_fragments": 0},
            "summary": {"fragment_size": 240, "number_of_fragments": 1},
            # Documents' long bodies are highlighted per page from their passages instead.
            "body": {"fragment_size": 180, "number_of_fragments": 2, "max_analyzed_offset": 10_000},
        }
        search = search.highlight_options(**MARK)
        for name, options in fields.items():
            search = search.highlight(name, highlight_query=highlight_query(self.parsed, name), **options)
        return search


def split_body(body: dict) -> tuple[dict, dict]:
    """One search as two the cluster runs side by side: counting, and the page of hits.

    Counting (total and facets) must visit every match but needs no scores,
    so it asks for no hits. The page needs the ten best hits only, so it
    does not count: without an exact total, the cluster skips documents that
    cannot make the top ten instead of scoring every match.
    """
    counting = {key: value for key, value in body.items() if key in ("query", "post_filter", "aggs")}
    counting |= {"size": 0, "track_total_hits": True}
    page = {key: value for key, value in body.items() if key != "aggs"}
    page["track_total_hits"] = False
    return counting, page


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch | None = None):
        self.client = client or get_client()

    # --- Writing ------------------------------------------------------------

    def store(self, record: Record) -> None:
        indexes.upsert(self.client, record)

    def delete(self, key: str) -> None:
        indexes.delete(self.client, key)

    def replace_all(self, records, chunk_size: int = 1000) -> indexes.RebuildResult:
        return indexes.rebuild(self.client, records, chunk_size)

    def versions(self) -> dict[str, str]:
        return dict(indexes.indexed_versions(self.client))

    # --- Reading ------------------------------------------------------------

    def _has_chinese_subfields(self) -> bool:
        analyzer = cache.get(ANALYZER_KEY)
        if analyzer is None:
            try:
                mappings = self.client.indices.get_mapping(index=indexes.alias_name())
            except NotFoundError:
                return False
            metas = [body["mappings"].get("_meta", {}) for body in mappings.values()]
            analyzer = metas[0].get("chinese_analyzer", "standard") if metas else "standard"
            cache.set(ANALYZER_KEY, analyzer, 300)
        return analyzer != "standard"

    def search(self, query: ParsedQuery, request: SearchRequest) -> SearchResults:
        results = SearchResults(request=request, query=query, backend=self.name)
        faceted = ContentSearch(self.client, query, request, self._has_chinese_subfields())
        body = faceted.build_search()[request.offset : request.offset + request.per_page].to_dict()
        counting, page = split_body(body)
        # Sent raw: elasticsearch-dsl's response objects cost more than the search on small pages.
        responses = self.client.msearch(index=indexes.alias_name(), searches=[{}, counting, {}, page])["responses"]
        if any(response.get("status") == 404 for response in responses):
            return results  # no index built yet
        for response in responses:
            if "error" in response:
                raise ApiError(str(response["error"]), meta=None, body=response["error"])
        counts, hits = responses
        results.total = counts["hits"]["total"]["value"]
        # The two requests run side by side: the slower one is how long the cluster took.
        results.took_ms = max(counts["took"], hits["took"])
        aggregations = counts.get("aggregations", {})
        for name in request.scope.facets:
            chosen = set(request.filters.get(name, []))
            buckets = aggregations.get(f"_filter_{name}", {}).get(name, {}).get("buckets", [])
            results.facets[name] = [FacetValue(str(b["key"]), b["doc_count"], str(b["key"]) in chosen) for b in buckets]
        raw_hits = hits["hits"]["hits"]
        documents = [raw["_id"] for raw in raw_hits if raw["_source"].get("pages")]
        pages = self._passages(query, documents) if query and documents else {}
        results.hits = [self._hit(raw, pages.get(raw["_id"], [])) for raw in raw_hits]
        return results

    def _passages(self, query: ParsedQuery, keys: list[str]) -> dict[str, list[Passage]]:
        response = self.client.search(index=indexes.alias_name(), **passages_query(query, keys))
        found = {}
        for raw in response["hits"]["hits"]:
            passages = []
            for page in raw.get("inner_hits", {}).get("passages", {}).get("hits", {}).get("hits", []):
                fragments = page.get("highlight", {}).get("passages.text", [])
                number = page.get("fields", {}).get("passages.page", [None])[0]
                if fragments:
                    passages.append(Passage(html=_merge_marks(fragments[0]), page=number))
            found[raw["_id"]] = passages
        return found

    def _hit(self, raw: dict, passages: list[Passage]) -> Hit:
        source, highlights = raw["_source"], raw.get("highlight", {})
        if not passages:
            passages = [Passage(html=_merge_marks(fragment)) for fragment in highlights.get("body", [])]
        title, summary = highlights.get("title"), highlights.get("summary")
        return Hit(
            key=raw["_id"],
            content_type=source["content_type"],
            title=source["title"],
            title_html=_merge_marks(title[0]) if title else plain(source["title"], 500),
            alt_title=source.get("alt_title") or "",
            url=source.get("url") or "",
            date=source.get("date"),
            summary=_merge_marks(summary[0]) if summary else plain(source.get("summary") or "", 240),
            languages=source.get("languages") or [],
            passages=passages,
        )

    # --- No results ---------------------------------------------------------

    def count(self, query: ParsedQuery, request: SearchRequest) -> int:
        search = Search(using=self.client, index=indexes.alias_name()).query(build_query(query))
        for clause in scope_filters(SearchRequest(scope=request.scope, fixed=request.fixed)):
            search = search.filter(clause)
        try:
            return search.count()
        except NotFoundError:
            return 0

    def suggest(self, query: ParsedQuery) -> str:
        if not query.words:
            return ""
        search = Search(using=self.client, index=indexes.alias_name()).extra(size=0)
        search = search.suggest("spelling", " ".join(query.words), term={"field": "spelling", "min_word_length": 3})
        try:
            options = search.execute().suggest.spelling
        except NotFoundError:
            return ""
        fixes = {entry.text: entry.options[0].text for entry in options if entry.options}
        if not fixes:
            return ""
        return " ".join(fixes.get(clause[0], clause[0]) for clause in query.clauses)

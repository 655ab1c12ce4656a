"""The embedded backend: the database's own full-text index over `SearchEntry`.

It carries the site while Elasticsearch is down and is the whole search on a
machine without it, so it is an index, not a scan: the analysed terms
(`search.analysis`, the same Elasticsearch holds) are matched by PostgreSQL's
GIN index over a tsvector or SQLite's FTS5 table (`search.backends.fulltext`),
facets are grouped counts in one SQL statement over the matched rows, and
vectors are scored by `search.vectors` (through a vector index at size). Highlights, reasons and the
fusion of words and meaning are shared with Elasticsearch (`search.ranking`,
`search.explain`).
"""

import contextlib
import gc
import itertools
import json
import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import F
from django.db.models.expressions import RawSQL

from search import analysis, cache_tags, spelling, terms, vectors
from search.backends import fulltext
from search.backends.fulltext import ENTRY, IN_ROW, Sql, for_vendor, joined, vector_text
from search.models import SearchChunk, SearchEntry, SearchTag, SearchTerm
from search.query import ParsedQuery
from search.ranking import Candidate, Chunk, Meaning
from search.records import Record
from search.results import FacetValue, SearchRequest
from search.semantic.chunks import chunks
from search.semantic.encoder import get_encoder
from search.semantic.vectors import PASSAGE, digest

# Multi-valued record fields: one `SearchTag` row per value, so facets count them in SQL.
MULTI_VALUED = ("languages", "topics", "sectors", "instruments", "categories")
TAG = "search_searchtag"
CHUNK = "search_searchchunk"
TERM = "search_searchterm"
# A rebuild of more records than this analyses them in worker processes (forking costs more for fewer).
PARALLEL_FROM = 2000
ANALYSIS_WORKERS = 2  # the machines this runs on have two cores; the database and this process need some too
HAS_PAGES = {
    "postgresql": "EXISTS (SELECT 1 FROM jsonb_array_elements(search_searchentry.passages) p "
    "WHERE COALESCE(p->>'page', '0') NOT IN ('0', ''))",
    "sqlite": "EXISTS (SELECT 1 FROM json_each(search_searchentry.passages) p "
    "WHERE COALESCE(json_extract(p.value, '$.page'), 0) NOT IN (0, ''))",
}
PLANNED = ", ".join(f'"{column}"' for column in (*IN_ROW, "id", "date", "year", "investment", "gap", "search_vector"))
# One multi-valued facet's counts over the matches `m` that pass `{where}`. On PostgreSQL from the values
# each match's row holds (`facet_values`), grouped by the whole list first, so that a list is taken apart once
# for all the matches that share it rather than once a match: for 56,000 matches, joining their tags took
# 73 ms a facet, taking each row's list apart 50 ms, grouping first about 15 ms less again. SQLite's own index
# on the tags answers sooner than its JSON functions at the sizes it serves (10,000 records: p50 57 ms, 63).
MULTI_VALUED_COUNTS = {
    "postgresql": "SELECT 'facet', %s, v.value, CAST(SUM(g.n) AS BIGINT), 0 FROM (SELECT m.facet_values -> %s "
    "AS listed, COUNT(*) AS n FROM m WHERE {where} GROUP BY 1) g "
    "CROSS JOIN jsonb_array_elements_text(g.listed) AS v(value) GROUP BY v.value",
    "sqlite": f"SELECT 'facet', %s, v.value, COUNT(*), 0 FROM m JOIN {TAG} v ON v.entry_id = m.id AND v.facet = %s "
    "WHERE {where} GROUP BY v.value",
}
# For a search's one statement, on PostgreSQL: no JIT compilation (45 ms of a 700 ms broad search, to speed up
# expressions each run once per row); the matches kept in memory (75,000 spilled to a file at 4 MB); and both
# cores finding them, as Elasticsearch's two shards do (the default costs model reading pages from disk, which
# a parallel scan does not speed up, where they come from memory, which it does: 318 to 247 ms at the median).
# Its operators are costed as what they are here: matching and ranking a stored text vector takes 1-2 us a row,
# some twenty plain comparisons, which the default cost of one operator leaves out; so a broad match is read
# by both cores too, where it was read by one from the GIN index (100,000 records, the bench's 60 searches:
# exact p95 369-382 -> 347-354 ms, lexical 551-555 -> 478-480). A narrow match still comes from the index.
STATEMENT_SETTINGS = {
    "postgresql": "SELECT "
    + ", ".join(
        f"set_config('{name}', '{value}', true)"
        for name, value in (
            ("jit", "off"),
            ("work_mem", "16MB"),
            ("parallel_setup_cost", "10"),
            ("parallel_tuple_cost", "0.001"),
            ("cpu_operator_cost", "0.05"),
        )
    )
}


def _unit(alias: str) -> str:
    """The result an entry counts towards: its translations' group, or itself."""
    return f'CASE WHEN {alias}."group" = \'\' THEN {alias}.key ELSE {alias}."group" END'


CANDIDATE_COLUMNS = ["key", "content_type", "title", "alt_title", "summary", "url", "date", "languages", "group"]


def _amount(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@dataclass
class Analysed:
    values: dict  # SearchEntry fields
    tags: list[tuple[str, str]]
    words: dict[str, str]  # English-like term -> a word that gives it
    chunks: list[tuple[int, int | None, str]]  # (ordinal, page, digest) of each passage with a meaning vector
    vector: str | None = None  # PostgreSQL's tsvector of the terms, when a rebuild asked for it (`vector_text`)


def passage_digests(record: Record) -> list[tuple[int, int | None, str]]:
    """The record's passages and the digests their vectors are kept under, when a model is on."""
    encoder = get_encoder()
    if encoder is None:
        return []
    return [(c.ordinal, c.page, digest(encoder.version, PASSAGE, c.text)) for c in chunks(record)]


def analysed(record: Record) -> Analysed:
    """A record as the database keeps it: its columns, its facet tags and its English-like words."""
    fields = terms.record_terms(record)
    values = {
        "content_type": record["content_type"],
        "title": record["title"][:500],
        "alt_title": record["alt_title"][:500],
        "summary": record["summary"],
        "body": record["body"],
        "passages": record["passages"],
        "url": record["url"][:500],
        "date": record["date"],
        "year": record["year"],
        "issuing_body": record["issuing_body"][:200],
        "jurisdiction": record["jurisdiction"],
        "document_type": record["document_type"],
        "status": record["status"],
        "languages": record["languages"],
        "topics": record["topics"],
        "group": record.get("group", "")[:80],
        "province": record["province"],
        "stage": record["stage"],
        "size_band": record["size_band"],
        "gap_band": record["gap_band"],
        "investment": _amount(record["investment"]),
        "gap": _amount(record["gap"]),
        "version": record["version"],
        **{column: joined(result.streams) for column, result in fields.items()},
    }
    tags = sorted({(name, str(value)[:60]) for name in MULTI_VALUED for value in record[name]})
    values["facet_values"] = {}
    for name, value in tags:
        values["facet_values"].setdefault(name, []).append(value)
    return Analysed(values, tags, terms.words(fields), passage_digests(record))


def _english_terms(entry_terms: list[str]) -> set[str]:
    return {term for text in entry_terms for term in text.split() if term.isalpha() and term.isascii()}


def _count_terms(added: dict[str, str], removed: set[str]) -> None:
    """Keep `SearchTerm.documents` in step with one entry's change: +1 for its new terms, -1 for its old ones."""
    if added:
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=term[:100], word=word[:100], documents=0) for term, word in added.items()],
            ignore_conflicts=True,
        )
        SearchTerm.objects.filter(term__in=list(added)).update(documents=F("documents") + 1)
    if removed:
        SearchTerm.objects.filter(term__in=list(removed), documents__gt=0).update(documents=F("documents") - 1)
    if added or removed:
        spelling.changed()


def _insert(model, objects: list) -> None:
    """Insert new rows in bulk and set their ids: COPY on PostgreSQL, `bulk_create` elsewhere.

    On PostgreSQL `bulk_create` sends each column as one array parameter (UNNEST), which the
    driver quotes element by element in Python: for a rebuild's long texts that cost as much as
    analysing them. COPY streams the rows instead, with ids drawn from the table's sequence first.
    """
    if not objects:
        return
    if connection.vendor != "postgresql":
        # bulk_create sets the new rows' ids on SQLite 3.35+ (RETURNING).
        model.objects.bulk_create(objects, batch_size=2000)
        return
    table, pk = model._meta.db_table, model._meta.pk
    fields = [f for f in model._meta.concrete_fields if f is not pk]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in [pk, *fields])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, pk.column, len(objects)],
        )
        for obj, (pk_value,) in zip(objects, cursor.fetchall(), strict=True):
            setattr(obj, pk.attname, pk_value)
        with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row([obj.pk, *(f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields)])


@contextlib.contextmanager
def _references_checked_as_written():
    """The rows that name an entry (its tags and passages) checked at each statement's end, on PostgreSQL.

    Django makes foreign keys INITIALLY DEFERRED, so each tag's and passage's check (ten or so a record) waited
    for the commit: 1.2 s of a 30,000-record rebuild, run alone after the analysis workers had finished.
    Checked as each batch is copied, they run while the workers analyse the next batch. Deferred again after,
    for the rest of a transaction the rebuild may run inside.
    """
    references = []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT format('%%I.%%I', nspname, conname) FROM pg_constraint JOIN pg_namespace n "
                "ON n.oid = connamespace WHERE contype = 'f' AND condeferrable AND confrelid = %s::regclass",
                [ENTRY],
            )
            references = [name for (name,) in cursor.fetchall()]
    if not references:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SET CONSTRAINTS {', '.join(references)} IMMEDIATE")
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"SET CONSTRAINTS {', '.join(references)} DEFERRED")


@contextlib.contextmanager
def _cycle_collection_paused():
    """No cyclic garbage collection meanwhile (in the analysis workers too, forked inside).

    A rebuild makes no reference cycles, but allocates millions of objects, each few hundred of which
    set the collector walking the tracked ones: 4 % of a rebuild's CPU, spent finding nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _keyed(record: Record) -> tuple[str, Analysed]:
    made = analysed(record)
    if connection.vendor == "postgresql":  # the class's, read without connecting: a worker has no connection
        made.vector = vector_text(made.values)
    return record["id"], made


def analysed_all(records: Iterable[Record]) -> Iterator[tuple[str, Analysed]]:
    """Each record's key and `analysed` form, in order: past `PARALLEL_FROM` records, in `ANALYSIS_WORKERS` processes.

    Analysis and cutting passages are most of a rebuild's CPU and need no database, so on a large rebuild two
    forked workers do them while this process writes. The workers touch no connection (the model, loaded
    first, is inherited, never loaded again).
    """
    records = iter(records)
    head = list(itertools.islice(records, PARALLEL_FROM))
    if len(head) < PARALLEL_FROM or ANALYSIS_WORKERS < 2:
        yield from map(_keyed, itertools.chain(head, records))
        return
    get_encoder()
    with multiprocessing.get_context("fork").Pool(ANALYSIS_WORKERS) as pool:
        yield from pool.imap(_keyed, itertools.chain(head, records), chunksize=32)


def _copy_value(value):
    """A column value as COPY takes it: JSON columns (lists, dicts) as JSON text."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _copy_rows(cursor, table: str, columns: list[str], rows) -> None:
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _copy_batch(batch: list[tuple[str, Analysed]]) -> None:
    """A rebuild's batch of entries, their tags and their passages into PostgreSQL by COPY, as plain rows.

    Model instances and each field's `get_db_prep_save` cost a third of the writing side in Python; the
    values of `analysed` are plain already (JSON columns go as JSON text). Entry ids come from the sequence
    first, since tags and passages name them; theirs are left to the column defaults.
    """
    columns = list(batch[0][1].values)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [ENTRY, len(batch)]
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        entries = (
            (pk, key, made.vector, *(_copy_value(made.values[column]) for column in columns))
            for pk, (key, made) in zip(ids, batch, strict=True)
        )
        _copy_rows(cursor, ENTRY, ["id", "key", "search_vector", *columns], entries)
        tags = ((pk, facet, value) for pk, (_, made) in zip(ids, batch, strict=True) for facet, value in made.tags)
        _copy_rows(cursor, TAG, ["entry_id", "facet", "value"], tags)
        passages = ((pk, *chunk) for pk, (_, made) in zip(ids, batch, strict=True) for chunk in made.chunks)
        _copy_rows(cursor, CHUNK, ["entry_id", "ordinal", "page", "digest"], passages)


# --- SQL for scope, filters and facets --------------------------------------------------------


def _in(column: str, values: list) -> tuple[str, list]:
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def _filter_sql(alias: str, field_name: str, values: list[str]) -> tuple[str, list]:
    if field_name in MULTI_VALUED and alias == "m" and connection.vendor == "postgresql":
        # Any of the values in the row's list: one operator, where a subquery taking the list apart row by row
        # cost each facet's count 20 ms over 30,000 matches, when a search filtered by a topic.
        return f"({alias}.facet_values -> %s) ?| %s", [field_name, list(values)]
    if field_name in MULTI_VALUED:
        inner, params = _in("t.value", values)
        return (
            f"EXISTS (SELECT 1 FROM {TAG} t WHERE t.entry_id = {alias}.id AND t.facet = %s AND {inner})",
            [field_name, *params],
        )
    if field_name == "year":
        years = [int(v) for v in values if str(v).isdigit()] or [-1]
        return _in(f"{alias}.year", years)
    return _in(f'{alias}."{field_name}"', values)


def scope_sql(request: SearchRequest, alias: str = "e") -> tuple[str, list]:
    """What the scope and the range filters rule out: applied to hits and facet counts alike."""
    scope, parts, params = request.scope, ["1 = 1"], []
    if scope.content_types:
        sql, more = _in(f"{alias}.content_type", list(scope.content_types))
        parts.append(sql)
        params += more
    for name, (low, high) in request.ranges.items():
        column = f"{alias}.{scope.ranges[name]}"
        if low is not None:
            parts.append(f"{column} >= %s")
            params.append(low)
        if high is not None:
            parts.append(f"{column} <= %s")
            params.append(high)
    for field_name, values in request.fixed.items():
        sql, more = _filter_sql(alias, field_name, values)
        parts.append(sql)
        params += more
    return " AND ".join(parts), params


def filters_sql(request: SearchRequest, alias: str = "e", leave_out: str = "") -> tuple[str, list]:
    """The visitor's facet filters (one left out, for that facet's own counts)."""
    parts, params = ["1 = 1"], []
    for name, values in request.filters.items():
        if name != leave_out:
            sql, more = _filter_sql(alias, request.scope.facets[name], values)
            parts.append(sql)
            params += more
    return " AND ".join(parts), params


# --- The backend ----------------------------------------------------------------------------


@dataclass
class Details:
    """What the page shows of one hit beyond its candidate: which alternatives it holds, and where."""

    matched: set[int] = field(default_factory=set)  # indexes into the query's alternatives
    passages: list[dict] = field(default_factory=list)  # {"page", "text"}, every page
    body: str = ""
    siblings: list[dict] = field(default_factory=list)  # translations: {"key", "url", "title", "languages"}
    texts: dict = field(default_factory=dict)  # the texts passages are cut from, where the backend keeps no passages
    closest: Chunk | None = None  # the passage closest in meaning, where retrieving left it for the page shown

    def chunk_text(self, ordinal: int) -> str:
        found = chunks(self.texts) if self.texts else []
        return found[ordinal].text if ordinal < len(found) else ""


@dataclass
class Retrieved:
    took_ms: float | None = None
    total: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    lexical: list[Candidate] = field(default_factory=list)
    semantic: list[Candidate] = field(default_factory=list)


class DatabaseBackend:
    name = "database"

    @property
    def fulltext(self):
        return for_vendor(connection.vendor)

    # --- Writing ------------------------------------------------------------

    def store(self, record: Record) -> None:
        made = analysed(record)
        with transaction.atomic():
            old = SearchEntry.objects.filter(key=record["id"]).values_list(*terms.FIELDS).first()
            entry, _ = SearchEntry.objects.update_or_create(key=record["id"], defaults=made.values)
            SearchTag.objects.filter(entry=entry).delete()
            SearchTag.objects.bulk_create([SearchTag(entry=entry, facet=f, value=v) for f, v in made.tags])
            before_chunks = set(SearchChunk.objects.filter(entry=entry).values_list("ordinal", "page", "digest"))
            if before_chunks != set(made.chunks):
                SearchChunk.objects.filter(entry=entry).delete()
                SearchChunk.objects.bulk_create(
                    [SearchChunk(entry=entry, ordinal=o, page=p, digest=d) for o, p, d in made.chunks]
                )
                vectors.changed()
            before = _english_terms(list(old)) if old else set()
            after = set(made.words)
            _count_terms({t: made.words[t] for t in after - before}, before - after)

    def delete(self, key: str) -> None:
        with transaction.atomic():
            old = SearchEntry.objects.filter(key=key).values_list(*terms.FIELDS).first()
            if old is None:
                return
            SearchEntry.objects.filter(key=key).delete()
            _count_terms({}, _english_terms(list(old)))
            vectors.changed()

    def replace_all(self, records, batch_size: int = 500) -> int:
        count, batch, words, documents = 0, [], {}, Counter()

        def flush() -> int:
            if connection.vendor == "postgresql":
                _copy_batch(batch)
                return len(batch)
            entries = [SearchEntry(key=key, **made.values) for key, made in batch]
            _insert(SearchEntry, entries)  # sets each entry's id, which its tags and chunks need
            tags = [
                SearchTag(entry=entry, facet=facet, value=value)
                for entry, (_, made) in zip(entries, batch, strict=True)
                for facet, value in made.tags
            ]
            _insert(SearchTag, tags)
            passages = [
                SearchChunk(entry=entry, ordinal=ordinal, page=page, digest=key)
                for entry, (_, made) in zip(entries, batch, strict=True)
                for ordinal, page, key in made.chunks
            ]
            _insert(SearchChunk, passages)
            return len(entries)

        with _cycle_collection_paused(), transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    # For this transaction: new full-text entries wait in the GIN index's pending list and
                    # join the index in bulk (below), rather than every few megabytes; long texts are
                    # compressed with LZ4, several times cheaper than the default for about the same size.
                    cursor.execute("SET LOCAL gin_pending_list_limit = '256MB'")
                    cursor.execute(
                        "SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings "
                        "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
                    )  # a server built without LZ4 keeps its default
            # In SQL rather than through the ORM: a model with delete signals (the page cache listens to every
            # model) is deleted row by row, each row's signal sent, which made a rebuild over an index
            # already full four times slower. The search pages are retired once instead.
            with connection.cursor() as cursor:
                for table in (TAG, CHUNK, ENTRY, TERM):
                    cursor.execute(f"DELETE FROM {table}")
            cache_tags.index_changed()
            with _references_checked_as_written():
                for key, made in analysed_all(records):
                    for term, word in made.words.items():
                        words.setdefault(term, word)
                    documents.update(made.words.keys())
                    batch.append((key, made))
                    if len(batch) >= batch_size:
                        count += flush()
                        batch = []
                if batch:
                    count += flush()
            _insert(
                SearchTerm, [SearchTerm(term=t[:100], word=words[t][:100], documents=n) for t, n in documents.items()]
            )
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("SELECT gin_clean_pending_list('search_searchentry_vector'::regclass)")
                # Planner statistics now rather than when autovacuum gets to it: without them a filtered
                # search's facet counts ran for seconds instead of a tenth of one after a rebuild. On PostgreSQL
                # only for the entries' columns a search matches, filters, groups or sorts by: sampling the long
                # texts too took 1.4 s of a 100,000-record rebuild rather than 0.5 (autovacuum does them later).
                for table in (ENTRY, TAG, CHUNK, TERM):
                    planned = table == ENTRY and connection.vendor == "postgresql"
                    cursor.execute(f"ANALYZE {table} ({PLANNED})" if planned else f"ANALYZE {table}")
            spelling.changed()
            vectors.changed()
        return count

    def versions(self) -> dict[str, str]:
        return dict(SearchEntry.objects.values_list("key", "version"))

    # --- Reading ------------------------------------------------------------

    def one_pass(
        self, query: ParsedQuery, request: SearchRequest, semantic_ids: list[int], limit: int
    ) -> tuple[list[Candidate], int, dict[str, list[FacetValue]]]:
        """The best `limit` hits by words, the number of results (translations counted once) and every facet's
        counts, in one statement: the matches are found, and scored, once however many there are.

        Results: matched by words or by meaning (`semantic_ids`), within the scope; without a query, every
        entry in scope. Hits: the results matched by words that pass the visitor's filters. Each facet's counts
        apply every filter but its own (choosing a second value widens the results).
        """
        scoring = self.fulltext.scoring(query, outer=bool(semantic_ids)) if query else None
        by_score = scoring is not None and request.order(True)[0] == "_score"
        order = request.order(bool(query))
        facets = request.scope.facets
        single = sorted({f for f in facets.values() if f not in MULTI_VALUED})
        postgres = connection.vendor == "postgresql"
        multi = [(name, field_name) for name, field_name in facets.items() if field_name in MULTI_VALUED]
        # The multi-valued facets the visitor has not filtered by, counted together (below).
        lists = [(name, field_name) for name, field_name in multi if name not in request.filters] if postgres else []
        # When none is filtered by, the matches carry a hash of their lists rather than the lists: each distinct
        # set is read back once, by one entry that holds it (the lists are most of a match's width: carrying
        # them to the leader and keeping them cost a broad search 25 ms).
        hashed_lists = bool(lists) and len(lists) == len(multi)
        params: list = []

        def sql(fragment: Sql) -> str:
            """The fragment's SQL, its parameters put after those of everything written before it."""
            params.extend(fragment[1])
            return fragment[0]

        # m: every result, with what the counts, the filters and the order of the hits read.
        read = {"id", "date", *single, *(name.lstrip("-") for name in order if name != "_score")}
        if not postgres:
            read |= {"key", "group"}
        elif multi and not hashed_lists:
            read.add("facet_values")
        columns = [f'e."{column}"' for column in sorted(read)]
        if postgres:
            # The result each match counts towards (translations count once) as a 64-bit hash, made by the workers
            # that find the matches; the distinct numbers are counted by sorting, 40-60 ms less for a search
            # matching 62,000 than grouping the texts after the scan. Two of 100,000 results sharing a hash (the
            # count one short) is a chance under one in a billion.
            columns.append(f"hashtextextended({_unit('e')}, 0) AS unit")
            if hashed_lists:
                columns.append("jsonb_hash_extended(e.facet_values, 0) AS lists")
        if scoring:
            columns.append(f"{sql(scoring.title)} AS title_match")
            if by_score:
                columns.append(f"{sql(scoring.quick)} AS quick")
        if not semantic_ids:
            columns.append("TRUE AS by_words")
        else:
            columns.append(f"({sql(scoring.words)}) AS by_words" if scoring else "FALSE AS by_words")
        source = sql(scoring.source) if scoring else f"{ENTRY} e"
        matched = []
        if scoring:
            matched.append(f"({sql(scoring.words)})")
        if semantic_ids:
            matched.append(sql(_in("e.id", semantic_ids)))
        matched = "(" + " OR ".join(matched) + ")" if matched else "1 = 1"
        statement = f"WITH m AS MATERIALIZED (SELECT {', '.join(columns)} FROM {source} WHERE {matched} AND "
        statement += sql(scope_sql(request)) + ")"
        selects = []
        if limit:
            statement += ", top AS (SELECT m.* FROM m WHERE m.by_words AND " + sql(filters_sql(request, "m"))
            if by_score:
                # Cover density, where the database has it, orders only the best RERANKED by `quick`.
                statement += " ORDER BY m.title_match DESC, m.quick DESC, m.date DESC, m.id LIMIT %s)"
                params.append(max(fulltext.RERANKED, limit) if scoring.final else limit)
            else:
                statement += f" ORDER BY {', '.join(_order_sql(order, 'm'))} LIMIT %s)"
                params.append(limit)
            if scoring:
                complete = sql(scoring.complete)
                flags = f"CASE WHEN top.title_match THEN 2 ELSE 0 END + CASE WHEN {complete} THEN 1 ELSE 0 END"
                source = f"top JOIN {ENTRY} e ON e.id = top.id"
            else:
                flags, source = "1", "top"
            if by_score and scoring.final:
                ranking = f"top.title_match DESC, {sql(scoring.final)} DESC, top.date DESC, top.id"
            elif by_score:
                ranking = "top.title_match DESC, top.quick DESC, top.date DESC, top.id"
            else:
                ranking = ", ".join(_order_sql(order, "top"))
            selects.append(
                f"SELECT * FROM (SELECT 'hit' AS kind, '' AS facet, CAST(top.id AS TEXT) AS value, {flags} AS n, "
                f"ROW_NUMBER() OVER (ORDER BY {ranking}) AS position FROM {source}) hits WHERE position <= %s"
            )
            params.append(limit)
        if postgres:
            selects.append(
                f"SELECT 'total', '', '', COUNT(DISTINCT m.unit), 0 FROM m WHERE {sql(filters_sql(request, 'm'))}"
            )
        else:
            selects.append(
                f"SELECT 'total', '', '', COUNT(*), 0 FROM (SELECT 1 FROM m WHERE {sql(filters_sql(request, 'm'))} "
                f"GROUP BY {_unit('m')}) r"
            )
        # The single-valued facets the visitor has not filtered by are counted over the same matches: on PostgreSQL
        # in one pass over them (a grouping set each) rather than a pass each, 20-30 ms less for a broad search.
        together: dict[str, str] = {}  # facet name -> its column, each column once
        for name, field_name in facets.items() if connection.vendor == "postgresql" else ():
            if field_name not in MULTI_VALUED and name not in request.filters and field_name not in together.values():
                together[name] = f'm."{field_name}"'
        if len(together) > 1:
            which = " ".join(
                f"WHEN GROUPING({column}) = 0 THEN {sql(('%s', [name]))}" for name, column in together.items()
            )
            value = ", ".join(f"CAST({column} AS TEXT)" for column in together.values())
            sets = ", ".join(f"({column})" for column in together.values())
            selects.append(
                f"SELECT 'facet', g.name, g.value, g.n, 0 FROM (SELECT CASE {which} END AS name, COALESCE({value}) AS "
                f"value, COUNT(*) AS n FROM m WHERE {sql(filters_sql(request, 'm'))} GROUP BY GROUPING SETS ({sets})) g "
                "WHERE g.value IS NOT NULL AND g.value != ''"
            )
        # Likewise the multi-valued facets the visitor has not filtered by: the matches grouped by all their lists
        # at once (far fewer distinct sets than matches: 58 in the bench), each taken apart for every such facet, not a
        # pass over the matches per facet: with two such facets, 5-10 ms less for a search matching 62,000 records.
        counted_together = hashed_lists or len(lists) > 1
        if counted_together:
            where = sql(filters_sql(request, "m"))
            pairs = sql(
                (
                    ", ".join(["(CAST(%s AS TEXT), CAST(%s AS TEXT))"] * len(lists)),
                    [value for pair in lists for value in pair],
                )
            )
            sets = (
                f"SELECT x.facet_values AS listed, g.n FROM (SELECT MIN(m.id) AS id, COUNT(*) AS n FROM m WHERE {where} "
                f"GROUP BY m.lists) g JOIN {ENTRY} x ON x.id = g.id"
                if hashed_lists
                else f"SELECT m.facet_values AS listed, COUNT(*) AS n FROM m WHERE {where} GROUP BY 1"
            )
            selects.append(
                f"SELECT 'facet', f.name, v.value, CAST(SUM(g.n) AS BIGINT), 0 FROM ({sets}) g "
                f"CROSS JOIN (VALUES {pairs}) AS f(name, field) "
                "CROSS JOIN jsonb_array_elements_text(g.listed -> f.field) AS v(value) GROUP BY f.name, v.value"
            )
        for name, field_name in facets.items():
            if (len(together) > 1 and name in together) or (counted_together and (name, field_name) in lists):
                continue
            if field_name in MULTI_VALUED:
                where, params_where = filters_sql(request, "m", leave_out=name)
                selects.append(MULTI_VALUED_COUNTS[connection.vendor].format(where=where))
                params.extend([name, field_name, *params_where])
            else:
                selects.append(
                    f"SELECT 'facet', {sql(('%s', [name]))}, CAST(m.\"{field_name}\" AS TEXT), COUNT(*), 0 FROM m "
                    f'WHERE {sql(filters_sql(request, "m", leave_out=name))} AND m."{field_name}" IS NOT NULL '
                    f'AND CAST(m."{field_name}" AS TEXT) != \'\' GROUP BY m."{field_name}"'
                )
        with transaction.atomic(), connection.cursor() as cursor:
            if settings := STATEMENT_SETTINGS.get(connection.vendor):
                cursor.execute(settings)
            cursor.execute(f"{statement} {' UNION ALL '.join(selects)}", params)
            rows = cursor.fetchall()
            # The settings are this statement's alone: set_config(..., true) lasts to the end of the transaction,
            # which inside a caller's (a demo load, a test) ran its later statements under them too; one UPDATE,
            # costed with them, ran for minutes. The statement wrote nothing: rolling it back undoes them.
            transaction.set_rollback(True)
        hits, total, counts = [], 0, {name: [] for name in facets}
        for kind, name, value, n, position in rows:
            if kind == "hit":
                hits.append((position, int(value), n))
            elif kind == "total":
                total = n
            else:
                counts[name].append((str(value), n))
        found = self._candidates([pk for _, pk, _ in hits])
        ranked = []
        for _, pk, flags in sorted(hits):
            candidate = found[pk]
            candidate.title_match, candidate.complete = bool(flags & 2), bool(flags & 1)
            ranked.append(candidate)
        chosen = {name: set(values) for name, values in request.filters.items()}
        facet_values = {
            name: [
                FacetValue(value, n, value in chosen.get(name, ()))
                for value, n in sorted(pairs, key=lambda pair: (-pair[1], pair[0]))
            ]
            for name, pairs in counts.items()
        }
        return ranked, total, facet_values

    def _candidates(self, ids: list[int]) -> dict[int, Candidate]:
        # Whether a record has numbered pages, asked of the database: the passages themselves (every page's
        # text) are read for the page of hits shown only (`details`), not for every candidate.
        rows = (
            SearchEntry.objects.filter(id__in=ids)
            .annotate(numbered=RawSQL(HAS_PAGES[connection.vendor], []))  # noqa: S611 - constant SQL
            .values_list("id", *CANDIDATE_COLUMNS, "numbered")
        )
        found = {}
        for pk, key, content_type, title, alt_title, summary, url, date, languages, group, numbered in rows:
            found[pk] = Candidate(
                entry_id=pk,
                key=key,
                content_type=content_type,
                title=title,
                alt_title=alt_title,
                summary=summary,
                url=url,
                date=date.isoformat() if date else None,
                languages=languages,
                group=group,
                pages=bool(numbered),
            )
        return found

    def semantic(self, meaning: Meaning, request: SearchRequest, limit: int, also: list[int] = ()) -> list[Candidate]:
        """The records closest in meaning within the scope, the visitor's filters not applied (facets count them).

        `also`: records whose passages are scored even where the vector index would not read them (the best
        by words), so a record that holds the words is never missed by meaning for the index's sake.
        """
        nearest = vectors.nearest(meaning, limit=limit, also=also)
        if not nearest:
            return []
        scope, scope_params = scope_sql(request)
        ids_sql, ids_params = _in("e.id", [hit.entry_id for hit in nearest])
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT e.id FROM {ENTRY} e WHERE {ids_sql} AND {scope}", ids_params + scope_params)
            found = self._candidates([pk for (pk,) in cursor.fetchall()])
        ranked = []
        for hit in nearest:
            if hit.entry_id in found:
                candidate = found[hit.entry_id]
                candidate.entry_id = hit.entry_id
                candidate.chunk = Chunk(hit.ordinal, hit.page, "", hit.score)
                ranked.append(candidate)
        return ranked

    def _filtered(self, candidates: list[Candidate], request: SearchRequest) -> list[Candidate]:
        """The candidates the visitor's facet filters let through, in their order."""
        if not request.filters or not candidates:
            return candidates
        filters, filter_params = filters_sql(request)
        ids_sql, ids_params = _in("e.id", [c.entry_id for c in candidates])
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT e.id FROM {ENTRY} e WHERE {ids_sql} AND {filters}", ids_params + filter_params)
            allowed = {pk for (pk,) in cursor.fetchall()}
        return [c for c in candidates if c.entry_id in allowed]

    def retrieve(self, query: ParsedQuery, request: SearchRequest, meaning: Meaning | None, limit: int) -> Retrieved:
        retrieved = Retrieved()
        semantic = self.semantic(meaning, request, limit) if meaning is not None else []
        wanted = limit if query or meaning is None else 0
        retrieved.lexical, retrieved.total, retrieved.facets = self.one_pass(
            query, request, [candidate.entry_id for candidate in semantic], wanted
        )
        if meaning is not None and retrieved.lexical and vectors.indexed():
            # Through the vector index, the best by words are scored by meaning too (their passages may be in
            # lists it did not read). They match by words, so the results counted above are the same.
            semantic = self.semantic(meaning, request, limit, also=[c.entry_id for c in retrieved.lexical])
        retrieved.semantic = self._filtered(semantic, request)
        return retrieved

    def details(self, keys: list[str], query: ParsedQuery, meaning: Meaning | None = None) -> dict[str, Details]:
        """Which alternatives each entry holds (checked against its stored terms), its pages and its translations
        (the passage closest in meaning came with the candidate)."""
        alternatives = query.alternatives
        columns = ("key", "group", "title", "alt_title", "summary", "passages", "body", *terms.FIELDS)
        rows = SearchEntry.objects.filter(key__in=keys).values_list(*columns)
        found, groups = {}, {}
        for key, group, title, alt_title, summary, passages, body, *columns in rows:
            streams = [f" {stream} " for column in columns for stream in column.split(f" {analysis.GAP} ")]
            matched = {
                index
                for index, alt in enumerate(alternatives)
                if any(f" {' '.join(alt.terms)} " in stream for stream in streams)
            }
            texts = {"title": title, "alt_title": alt_title, "summary": summary, "body": body, "passages": passages}
            found[key] = Details(matched=matched, passages=passages, body=body, texts=texts)
            if group:
                groups[group] = key
        if groups:
            siblings = SearchEntry.objects.filter(group__in=list(groups)).exclude(key__in=keys)
            for key, group, url, title, languages in siblings.values_list("key", "group", "url", "title", "languages"):
                found[groups[group]].siblings.append({"key": key, "url": url, "title": title, "languages": languages})
        return found

    def count(self, query: ParsedQuery, request: SearchRequest) -> int:
        """Results of the query with the visitor's filters taken off (to say they hid every match)."""
        unfiltered = SearchRequest(scope=request.scope, fixed=request.fixed)
        _, total, _ = self.one_pass(query, unfiltered, [], 0)
        return total


def _order_sql(fields: tuple[str, ...], alias: str) -> list[str]:
    order = []
    for name in fields:
        if name == "_score":
            continue
        column = name.lstrip("-")
        direction = "DESC" if name.startswith("-") else "ASC"
        # NULLs last either way, on both databases.
        order += [f"({alias}.{column} IS NULL)", f"{alias}.{column} {direction}"]
    return [*order, f"{alias}.id"]

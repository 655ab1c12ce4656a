"""The database's own full-text index, one class per database, behind one interface.

Both index the analysed terms of `SearchEntry` (see search/models.py and
migration 0007) and answer the same two questions, in SQL fragments the
database backend puts into its queries:

- `match(query)`: a condition on the entry `e` true exactly when the entry
  holds every required clause and `minimum_match` of the optional ones (a
  clause: any of its alternatives, each a term or a phrase of adjacent
  terms), the same rule Elasticsearch applies with `minimum_should_match`;
- `scoring(query)`: how to score the matches in the same statement that
  finds them (`Scoring`): whether the title holds the query's words side by
  side, a score over every match, and where the database has one, a finer
  score for the best of them.

PostgreSQL answers both from its GIN index over a tsvector with weights
(title A, labels B, summary C, body D), ranked by `ts_rank_cd` (cover
density: nearby matches count more) over the best `RERANKED` matches by the
cheaper `ts_rank`, as Elasticsearch's rescore window does. SQLite from an FTS5 table, ranked by
`bm25()` with the same field weights as Elasticsearch. "Most of the clauses"
is written as the OR of every way to pick that many, which both indexes
answer without reading a row; past `MAX_COMBINATIONS` the OR of all clauses
narrows the rows and a count of the clauses each one holds decides.
"""

import functools
import itertools
import math
import re
import string
from collections import defaultdict
from dataclasses import dataclass

from search.analysis import GAP
from search.query import Alternative, Clause, ParsedQuery

MAX_COMBINATIONS = 120
# How many of the best matches by weighted frequency PostgreSQL orders by cover density (see `ranked`).
RERANKED = 500
# Field weights, as Elasticsearch's (search.documents.TERM_FIELDS): title, labels, summary, body.
FIELD_WEIGHTS = (4.0, 2.0, 2.0, 1.0)
COLUMNS = ("title_terms", "label_terms", "summary_terms", "body_terms")  # as search.terms.FIELDS
ENTRY = "search_searchentry"
Sql = tuple[str, list]  # a fragment and its parameters


@dataclass
class Scoring:
    """How one statement finds the matches of a query and orders them (see `DatabaseBackend.one_pass`)."""

    source: Sql  # FROM: the entries as `e`, with whatever scores them
    words: Sql  # the entry matches the query's words
    title: Sql  # its title holds the query's words side by side
    quick: Sql  # its score over every match, higher first
    final: Sql | None  # the finer score ordering the best RERANKED by `quick` (None: `quick` is final)
    complete: Sql  # it holds every clause


def joined(streams: list[str]) -> str:
    """A field's streams as one column: `GAP` keeps a phrase from running from one into the next."""
    return f" {GAP} ".join(streams)


def _picks(clauses: list[Clause], needed: int) -> list[tuple[Clause, ...]] | None:
    """Every choice of `needed` clauses, or None when there are too many to write out."""
    if math.comb(len(clauses), needed) > MAX_COMBINATIONS:
        return None
    return list(itertools.combinations(clauses, needed))


class _Expressions:
    """The match rule as one boolean expression, in a dialect's own operators."""

    AND = OR = ""

    def alternative(self, alternative: Alternative) -> str:
        raise NotImplementedError

    def clause(self, clause: Clause) -> str:
        # Two synonym groups can give the same alternative: written once, it is checked once per row.
        alternatives = dict.fromkeys(self.alternative(alt) for alt in clause.alternatives)
        return "(" + f" {self.OR} ".join(alternatives) + ")"

    def expression(self, query: ParsedQuery) -> tuple[str, bool]:
        """The whole rule as one expression, and whether it is exact (else a clause count must follow)."""
        required = [self.clause(clause) for clause in query.required]
        optional = query.optional
        if not optional:
            return f" {self.AND} ".join(required), True
        picks = _picks(optional, query.minimum_match)
        if picks is None:
            either = "(" + f" {self.OR} ".join(self.clause(clause) for clause in optional) + ")"
            return f" {self.AND} ".join([*required, either]), False
        choices = f" {self.OR} ".join("(" + f" {self.AND} ".join(self.clause(c) for c in pick) + ")" for pick in picks)
        return f" {self.AND} ".join([*required, f"({choices})"]), True


class PostgresFullText(_Expressions):
    vendor = "postgresql"
    AND, OR = "&", "|"

    @staticmethod
    def _term(term: str, weights: str = "") -> str:
        return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'" + (f":{weights}" if weights else "")

    def alternative(self, alternative: Alternative, weights: str = "") -> str:
        return "(" + " <-> ".join(self._term(term, weights) for term in alternative.terms) + ")"

    def match(self, query: ParsedQuery) -> tuple[str, list]:
        tsquery, exact = self.expression(query)
        sql, params = "e.search_vector @@ %s::tsquery", [tsquery]
        if not exact:
            counted = " + ".join("(e.search_vector @@ %s::tsquery)::int" for _ in query.optional)
            sql += f" AND ({counted}) >= %s"
            params += [self.clause(clause) for clause in query.optional] + [query.minimum_match]
        return sql, params

    def _title_phrase(self, query: ParsedQuery) -> str | None:
        phrases = query.title_phrases
        return " & ".join(self.alternative(Alternative(terms), "A") for terms in phrases) if phrases else None

    def scoring(self, query: ParsedQuery, outer: bool = False) -> Scoring:
        title = self._title_phrase(query)

        def score(function: str, words: bool = False) -> Sql:
            """The rank of the query's alternatives, synonyms and corrections weighing 0.7; with `words`, of their
            words one by one, as if no phrase were asked for."""

            def either(alternatives: list[Alternative]) -> str:
                if words:
                    return " | ".join(dict.fromkeys(self._term(term) for alt in alternatives for term in alt.terms))
                return " | ".join(dict.fromkeys(self.alternative(alt) for alt in alternatives))

            everything = either([a for a in query.alternatives if a.weight == 1.0])
            others = either([a for a in query.alternatives if a.weight < 1.0])
            # 1: rank / (1 + log(length)), so a long document does not win by length alone.
            sql = f"{function}('{{0.1, 0.2, 0.4, 1.0}}', e.search_vector, %s::tsquery, 1)"
            if everything and others:
                return f"{sql} + 0.7 * {sql}", [everything, others]
            return sql, [everything or others]

        complete = " & ".join(self.clause(clause) for clause in query.clauses)
        # Cover density weighs how close the words stand, but costs about ten times the plain weighted
        # frequency: over every match of a broad query (three quarters of the records) it took over a
        # second. So the frequency picks the best RERANKED matches and cover density orders those alone;
        # when fewer match, that is every match and the order is exactly cover density's. The frequency
        # counts a phrase's words one by one: every match holds the phrase already, and ranking a phrase
        # (each occurrence checked for its neighbours) took six times as long over 57,000 matches.
        return Scoring(
            source=(f"{ENTRY} e", []),
            words=self.match(query),
            title=("e.search_vector @@ %s::tsquery", [title]) if title else ("FALSE", []),
            quick=score("ts_rank", words=True),
            final=score("ts_rank_cd"),
            complete=("e.search_vector @@ %s::tsquery", [complete]),
        )


class SqliteFullText(_Expressions):
    vendor = "sqlite"
    AND, OR = "AND", "OR"
    table = "search_searchentry_fts"

    @staticmethod
    def alternative(alternative: Alternative, column: str = "") -> str:
        phrase = '"' + " ".join(alternative.terms) + '"'
        return f"{{{column}}}: {phrase}" if column else phrase

    def _holds(self, expression: str) -> tuple[str, list]:
        return f"e.id IN (SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s)", [expression]

    def match(self, query: ParsedQuery) -> tuple[str, list]:
        expression, exact = self.expression(query)
        sql, params = self._holds(expression)
        if not exact:
            counted = []
            for clause in query.optional:
                part, part_params = self._holds(self.clause(clause))
                counted.append(f"({part})")
                params += part_params
            sql += f" AND ({' + '.join(counted)}) >= %s"
            params.append(query.minimum_match)
        return sql, params

    def scoring(self, query: ParsedQuery, outer: bool = False) -> Scoring:
        expression, exact = self.expression(query)
        title = ("0", [])
        if query.title_phrases:
            title = self._holds(
                " AND ".join(self.alternative(Alternative(t), "title_terms") for t in query.title_phrases)
            )
        words = ("f.id IS NOT NULL", [])
        if not exact:
            match, params = self.match(query)
            words = (f"f.id IS NOT NULL AND {match}", params)
        weights = ", ".join(f"{weight:g}" for weight in FIELD_WEIGHTS)
        table = self.table  # FTS5 names its match column and rank function by the table, never an alias
        join = "LEFT JOIN" if outer else "JOIN"
        return Scoring(
            source=(
                f"{ENTRY} e {join} (SELECT rowid AS id, -bm25({table}, {weights}) AS score FROM {table} "
                f"WHERE {table} MATCH %s) f ON f.id = e.id",
                [expression],
            ),
            words=words,
            title=title,
            quick=("f.score", []),
            final=None,
            complete=self._holds(" AND ".join(self.clause(clause) for clause in query.clauses)),
        )


def for_vendor(vendor: str):
    if vendor == "postgresql":
        return PostgresFullText()
    if vendor == "sqlite":
        return SqliteFullText()
    raise NotImplementedError(f"The database search backend runs on PostgreSQL or SQLite, not {vendor}.")


# --- A record's tsvector, made in Python for a rebuild -------------------------------------------------

WEIGHTS = "ABCD"  # of COLUMNS, as VECTOR_SQL gives them
# Where `vector_text` leaves a record to the database's own `to_tsvector`: a character other than the
# lower-case letters and digits analysis writes, a term starting like a number in scientific notation
# ("1e5x", which PostgreSQL's parser cuts in two), or a term too long for it to index.
_PLAIN = str.maketrans("", "", string.ascii_lowercase + string.digits + " ")
_DIGIT_FIRST = re.compile(r" [0-9][a-z0-9]*")
_EXPONENT = re.compile(r"e[0-9]")
LONGEST_TERM = 2046
# Under PostgreSQL's own limits (16,383 positions in all, 255 kept per term), which vector_text does not mimic.
MOST_POSITIONS, MOST_PER_TERM = 16_000, 250


def _plain(text: str) -> bool:
    if not text.isascii() or text.translate(_PLAIN):
        return False
    return not any(_EXPONENT.search(term.group()) for term in _DIGIT_FIRST.finditer(" " + text))


@functools.cache
def _marks(weight: str) -> list[str]:
    """Each position with the weight, as tsvector writes them ("12A"): formatted once, not once a term."""
    return [f"{position}{weight}" for position in range(MOST_POSITIONS + 1)]


def vector_text(columns: dict[str, str]) -> str | None:
    """The tsvector VECTOR_SQL makes of these term columns, in tsvector's input form, or None to leave it to SQL.

    `to_tsvector` spent most of a rebuild's time in the database parsing terms that analysis had just
    written. Exact for the terms it accepts: a test compares the two.
    """
    positions: dict[str, list[str]] = defaultdict(list)
    end = 0
    for column, weight in zip(COLUMNS, WEIGHTS, strict=True):
        text = columns[column] if column == COLUMNS[-1] else f"{columns[column]} {GAP}"
        if not _plain(text):
            return None
        terms = text.split()
        if len(text) > LONGEST_TERM and max(map(len, terms)) > LONGEST_TERM:
            return None
        if end + len(terms) > MOST_POSITIONS:
            return None
        for term, mark in zip(terms, _marks(weight)[end + 1 : end + 1 + len(terms)], strict=True):
            positions[term].append(mark)
        end += len(terms)  # `||` moves the next field's positions past the last one so far
    if any(len(held) > MOST_PER_TERM for held in positions.values()):
        return None
    return " ".join(f"{term}:{','.join(held)}" for term, held in positions.items())


# --- The index itself: made by migration 0007, checked after every migrate -----------------------

# 'simple': the terms are analysed already; it only lower-cases. GAP after each field keeps a phrase inside it.
VECTOR_SQL = (
    f"setweight(to_tsvector('simple', {{0}}title_terms || ' {GAP}'), 'A')"
    f" || setweight(to_tsvector('simple', {{0}}label_terms || ' {GAP}'), 'B')"
    f" || setweight(to_tsvector('simple', {{0}}summary_terms || ' {GAP}'), 'C')"
    f" || setweight(to_tsvector('simple', {{0}}body_terms), 'D')"
)
# How large a row may stay before its long texts go to the TOAST table (PostgreSQL's default: about 2 kB,
# which sent most vectors there too). Room for a typical record's compressed vector beside its short fields.
ROW_BYTES = 4096
# The short fields a search reads from every row it matches (facets, filters, translations' group): never
# moved out of the row. Their lengths are bounded by the model, a few hundred bytes together.
IN_ROW = (
    "key",
    "content_type",
    "issuing_body",
    "jurisdiction",
    "document_type",
    "status",
    "group",
    "province",
    "stage",
    "size_band",
    "gap_band",
    "version",
)
POSTGRES_INSTALL = [
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS search_vector tsvector",
    # A row written without its vector (one record stored through the ORM), or whose terms changed while the
    # vector did not, gets it from VECTOR_SQL; a rebuild writes the vectors `vector_text` made.
    f"""CREATE OR REPLACE FUNCTION search_searchentry_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND NEW.search_vector IS NOT DISTINCT FROM OLD.search_vector
           AND (NEW.title_terms, NEW.label_terms, NEW.summary_terms, NEW.body_terms)
               IS DISTINCT FROM (OLD.title_terms, OLD.label_terms, OLD.summary_terms, OLD.body_terms) THEN
            NEW.search_vector := NULL;
        END IF;
        IF NEW.search_vector IS NULL THEN
            NEW.search_vector := {VECTOR_SQL.format("NEW.")};
        END IF;
        RETURN NEW;
    END $$""",
    "DROP TRIGGER IF EXISTS search_searchentry_vector ON search_searchentry",
    "CREATE TRIGGER search_searchentry_vector BEFORE INSERT OR UPDATE ON search_searchentry "
    "FOR EACH ROW EXECUTE FUNCTION search_searchentry_vector()",
    # Kept in the row, not moved to the TOAST table (what a text of this size gets by default): a search reads
    # the vector of every row it matches, and fetching each from TOAST through its index took most of a broad
    # search's time. The long texts (body, pages) still go out of the row, being the largest.
    "ALTER TABLE search_searchentry ALTER COLUMN search_vector SET STORAGE MAIN",
    f"ALTER TABLE search_searchentry SET (toast_tuple_target = {ROW_BYTES})",
    # A row whose vector alone nears that size had every other field over a few bytes moved out too, the
    # issuer or the key among them: counting a facet then fetched each matching row's value from TOAST.
    "ALTER TABLE search_searchentry " + ", ".join(f'ALTER COLUMN "{column}" SET STORAGE PLAIN' for column in IN_ROW),
    "UPDATE search_searchentry SET search_vector = NULL WHERE search_vector IS NULL",  # rows from before the trigger
    "CREATE INDEX IF NOT EXISTS search_searchentry_vector ON search_searchentry USING gin (search_vector)",
]
POSTGRES_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_searchentry_vector ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_searchentry_vector()",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector",
]

_FTS_COLUMNS = ", ".join(COLUMNS)
_NEW = ", ".join(f"new.{column}" for column in COLUMNS)
_OLD = ", ".join(f"old.{column}" for column in COLUMNS)
SQLITE_INSTALL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS search_searchentry_fts USING fts5({_FTS_COLUMNS},
        content='search_searchentry', content_rowid='id', tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER IF NOT EXISTS search_searchentry_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_searchentry_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.id, {_OLD}); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_searchentry_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.id, {_OLD});
        INSERT INTO search_searchentry_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END""",
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_searchentry_fts_insert",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_update",
    "DROP TABLE IF EXISTS search_searchentry_fts",
]


def install(connection) -> bool:
    """Make the database's full-text index if it is missing; True if anything was made.

    Idempotent. Run by migration 0007 and after every `migrate`: on SQLite,
    Django rebuilds a table to alter it, which drops its triggers, so a later
    migration of `SearchEntry` would otherwise leave the index silently stale.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT is_generated FROM information_schema.columns "
                "WHERE table_name = 'search_searchentry' AND column_name = 'search_vector'"
            )
            column = cursor.fetchone()
            cursor.execute("SELECT 1 FROM pg_trigger WHERE tgname = 'search_searchentry_vector' AND NOT tgisinternal")
            present = column is not None and cursor.fetchone() is not None
            if column is not None and column[0] == "ALWAYS":
                # Made before the vectors were written by the rebuild: a generated column cannot be written.
                cursor.execute("ALTER TABLE search_searchentry DROP COLUMN search_vector")
            for statement in POSTGRES_INSTALL:
                cursor.execute(statement)
        return not present
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'search_searchentry_fts%%' AND type = 'trigger'"
            )
            present = cursor.fetchone()[0] == 3
            for statement in SQLITE_INSTALL:
                cursor.execute(statement)
            if not present:
                # Triggers were missing: what changed meanwhile is not in the index.
                cursor.execute("INSERT INTO search_searchentry_fts(search_searchentry_fts) VALUES ('rebuild')")
        return not present
    return False


def uninstall(connection) -> None:
    statements = {"postgresql": POSTGRES_UNINSTALL, "sqlite": SQLITE_UNINSTALL}.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)

"""The embedded backend: `SearchEntry` rows matched with `contains` on normalised text.

Works the same on SQLite and PostgreSQL. Matching and filtering run in SQL;
ranking is a SQL score (title beats summary beats body, per clause);
facet counts and highlights are worked out in Python on the matched rows.
"""

import difflib
from collections import Counter
from decimal import Decimal

from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from search import highlight
from search.models import SearchEntry
from search.query import ParsedQuery
from search.query_text import needle, normalise
from search.records import Record
from search.results import FacetValue, Hit, Passage, SearchRequest, SearchResults

# Fields apart in the stored text, so a phrase never runs from one into the next.
GAP = " \n "
# Multi-valued record fields, kept in `tags` as " prefix:value ".
MULTI_VALUED = {"languages": "lang", "topics": "topic", "sectors": "sector", "instruments": "instrument"}
VOCABULARY_KEY = "search:database:vocabulary"
TITLE, SUMMARY, BODY = 4, 2, 1


def _amount(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def entry_values(record: Record) -> dict:
    tags = [f"{prefix}:{value}" for field, prefix in MULTI_VALUED.items() for value in record[field]]
    head = [record["title"], record["alt_title"], *record["topic_names"]]
    rest = [record["issuing_body"], record["issuing_body_zh"], record["body"]]
    rest += [passage["text"] for passage in record["passages"]]
    return {
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
        "province": record["province"],
        "stage": record["stage"],
        "size_band": record["size_band"],
        "gap_band": record["gap_band"],
        "investment": _amount(record["investment"]),
        "gap": _amount(record["gap"]),
        "tags": f" {' '.join(tags)} ",
        "head": " " + GAP.join(normalise(text) for text in head) + " ",
        "lead": f" {normalise(record['summary'])} ",
        "haystack": " " + GAP.join(normalise(text) for text in [*head, record["summary"], *rest] if text) + " ",
        "version": record["version"],
    }


def _any(column: str, alternatives: tuple[str, ...]) -> Q:
    condition = Q()
    for alternative in alternatives:
        condition |= Q(**{f"{column}__contains": needle(alternative)})
    return condition


def _filter_q(field: str, values: list[str]) -> Q:
    if field in MULTI_VALUED:
        condition = Q()
        for value in values:
            condition |= Q(tags__contains=f" {MULTI_VALUED[field]}:{value} ")
        return condition
    if field == "year":
        return Q(year__in=[int(v) for v in values if str(v).isdigit()])
    return Q(**{f"{field}__in": values})


def _scope_q(request: SearchRequest) -> Q:
    """What the scope and the range filters rule out: applied to hits and facet counts alike."""
    scope, condition = request.scope, Q()
    if scope.content_types:
        condition &= Q(content_type__in=scope.content_types)
    for name, (low, high) in request.ranges.items():
        column = scope.ranges[name]
        if low is not None:
            condition &= Q(**{f"{column}__gte": low})
        if high is not None:
            condition &= Q(**{f"{column}__lte": high})
    for field, values in request.fixed.items():
        condition &= _filter_q(field, values)
    return condition


def _row_values(facets: dict[str, str], columns: list[str], row: tuple) -> dict[str, set[str]]:
    """Each facet's values for one matched row (`columns` then `tags`)."""
    by_column = dict(zip(columns, row[:-1], strict=True))
    tags: dict[str, set[str]] = {}
    for tag in row[-1].split():
        prefix, _, value = tag.partition(":")
        tags.setdefault(prefix, set()).add(value)
    values = {}
    for name, field in facets.items():
        if field in MULTI_VALUED:
            values[name] = tags.get(MULTI_VALUED[field], set())
        else:
            value = by_column[field]
            values[name] = {str(value)} if value not in ("", None) else set()
    return values


def _order_by(fields: tuple[str, ...]) -> list:
    order = []
    for name in fields:
        if name == "_score":
            order.append("-score")
        else:
            column = name.lstrip("-")
            order.append(F(column).desc(nulls_last=True) if name.startswith("-") else F(column).asc(nulls_last=True))
    return [*order, "key"]


class DatabaseBackend:
    name = "database"

    # --- Writing ------------------------------------------------------------

    def store(self, record: Record) -> None:
        SearchEntry.objects.update_or_create(key=record["id"], defaults=entry_values(record))

    def delete(self, key: str) -> None:
        SearchEntry.objects.filter(key=key).delete()

    def replace_all(self, records, batch_size: int = 500) -> int:
        count, batch = 0, []
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            for record in records:
                batch.append(SearchEntry(key=record["id"], **entry_values(record)))
                if len(batch) >= batch_size:
                    count += len(SearchEntry.objects.bulk_create(batch))
                    batch = []
            count += len(SearchEntry.objects.bulk_create(batch))
        cache.delete(VOCABULARY_KEY)
        return count

    def versions(self) -> dict[str, str]:
        return dict(SearchEntry.objects.values_list("key", "version"))

    # --- Reading ------------------------------------------------------------

    def matching(self, query: ParsedQuery) -> QuerySet:
        entries = SearchEntry.objects.all()
        for clause in query.matching_clauses:
            entries = entries.filter(_any("haystack", clause))
        return entries

    def search(self, query: ParsedQuery, request: SearchRequest) -> SearchResults:
        matched = self.matching(query).filter(_scope_q(request))
        results = SearchResults(request=request, query=query, backend=self.name)

        facets = request.scope.facets
        columns = sorted({field for field in facets.values() if field not in MULTI_VALUED})
        counts: dict[str, Counter] = {name: Counter() for name in facets}
        selected = {name: set(values) for name, values in request.filters.items()}
        for row in matched.values_list(*columns, "tags").iterator(chunk_size=2000):
            values = _row_values(facets, columns, row)
            misses = [name for name, wanted in selected.items() if not values[name] & wanted]
            if not misses:
                results.total += 1
            for name in facets:
                # A facet's counts ignore its own filter (multi-select).
                if not misses or misses == [name]:
                    counts[name].update(values[name])
        results.facets = {
            name: [
                FacetValue(value, n, value in selected.get(name, ()))
                for value, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
            ]
            for name, counter in counts.items()
        }

        filtered = matched
        for name, values in request.filters.items():
            filtered = filtered.filter(_filter_q(facets[name], values))
        score = Value(0, output_field=IntegerField())
        for clause in query.matching_clauses:
            score = score + Case(
                When(_any("head", clause), then=Value(TITLE)),
                When(_any("lead", clause), then=Value(SUMMARY)),
                default=Value(BODY),
                output_field=IntegerField(),
            )
        filtered = filtered.annotate(score=score)
        page = filtered.order_by(*_order_by(request.order(bool(query)))).defer("head", "lead", "haystack", "tags")
        page = page[request.offset : request.offset + request.per_page]
        results.hits = [self._hit(entry, query) for entry in page]
        return results

    def _hit(self, entry: SearchEntry, query: ParsedQuery) -> Hit:
        alternatives = tuple(query.alternatives)
        passages = []
        if entry.passages:
            scored = []
            for passage in entry.passages:
                hits = sum(1 for clause in query.clauses if highlight.count(passage["text"], clause))
                if hits:
                    scored.append((-hits, passage["page"], passage["text"]))
            for _, number, text in sorted(scored)[:3]:
                passages.append(Passage(html=highlight.snippet(text, alternatives) or "", page=number))
        else:
            html = highlight.snippet(entry.body, alternatives)
            if html:
                passages.append(Passage(html=html))
        summary = highlight.snippet(entry.summary, alternatives, length=240) or highlight.plain(entry.summary, 240)
        return Hit(
            key=entry.key,
            content_type=entry.content_type,
            title=entry.title,
            title_html=highlight.whole(entry.title, alternatives),
            alt_title=entry.alt_title,
            url=entry.url,
            date=entry.date.isoformat() if entry.date else None,
            summary=summary,
            languages=entry.languages,
            passages=passages,
        )

    # --- No results ---------------------------------------------------------

    def count(self, query: ParsedQuery, request: SearchRequest) -> int:
        unfiltered = SearchRequest(scope=request.scope, fixed=request.fixed)
        return self.matching(query).filter(_scope_q(unfiltered)).count()

    def _vocabulary(self) -> set[str]:
        words = cache.get(VOCABULARY_KEY)
        if words is None:
            words = set()
            for head, lead in SearchEntry.objects.values_list("head", "lead").iterator(chunk_size=2000):
                words.update(word for word in f"{head} {lead}".split() if len(word) > 2 and word.isascii())
            cache.set(VOCABULARY_KEY, words, 600)
        return words

    def suggest(self, query: ParsedQuery) -> str:
        vocabulary = self._vocabulary()
        changed, words = False, []
        for clause in query.clauses:
            word = clause[0]
            if word in query.words and word not in vocabulary and len(word) > 2:
                # Same first letter and similar length: keeps the comparison cheap on a big vocabulary.
                pool = [w for w in vocabulary if w[0] == word[0] and abs(len(w) - len(word)) <= 2]
                close = difflib.get_close_matches(word, pool, n=1, cutoff=0.75)
                if close:
                    word, changed = close[0], True
            words.append(word)
        return " ".join(words) if changed else ""

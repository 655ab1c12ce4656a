"""The embedded backend: `SearchEntry` rows matched with `contains` on normalised text.

Works the same on SQLite and PostgreSQL. Matching and filtering run in SQL;
ranking is a SQL score (title beats summary beats body, per clause);
facet counts and highlights are worked out in Python on the matched rows.
"""

import difflib
from collections import Counter

from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from search import highlight
from search.models import SearchEntry
from search.query import ParsedQuery
from search.query_text import needle, normalise
from search.records import Record
from search.results import FACETS, FacetValue, Hit, Passage, SearchRequest, SearchResults

# Fields apart in the stored text, so a phrase never runs from one into the next.
GAP = " \n "
MULTI_VALUED = {"languages": "lang", "topics": "topic"}
VOCABULARY_KEY = "search:database:vocabulary"
TITLE, SUMMARY, BODY = 4, 2, 1


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


def _filter_q(name: str, values: list[str]) -> Q:
    field = FACETS[name]
    if field in MULTI_VALUED:
        condition = Q()
        for value in values:
            condition |= Q(tags__contains=f" {MULTI_VALUED[field]}:{value} ")
        return condition
    if field == "year":
        return Q(year__in=[int(v) for v in values if str(v).isdigit()])
    return Q(**{f"{field}__in": values})


def _row_values(row: tuple) -> dict[str, set[str]]:
    content_type, issuing_body, jurisdiction, document_type, year, tags = row
    values = {
        "type": {content_type},
        "issuer": {issuing_body} - {""},
        "jurisdiction": {jurisdiction} - {""},
        "doctype": {document_type} - {""},
        "year": {str(year)} if year else set(),
        "language": set(),
        "topic": set(),
    }
    for tag in tags.split():
        prefix, _, value = tag.partition(":")
        values["language" if prefix == "lang" else "topic"].add(value)
    return values


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
        for clause in query.clauses:
            entries = entries.filter(_any("haystack", clause))
        return entries

    def search(self, query: ParsedQuery, request: SearchRequest) -> SearchResults:
        matched = self.matching(query)
        results = SearchResults(request=request, query=query, backend=self.name)

        rows = matched.values_list("content_type", "issuing_body", "jurisdiction", "document_type", "year", "tags")
        counts: dict[str, Counter] = {name: Counter() for name in FACETS}
        selected = {name: set(values) for name, values in request.filters.items()}
        for row in rows.iterator(chunk_size=2000):
            values = _row_values(row)
            misses = [name for name, wanted in selected.items() if not values[name] & wanted]
            if not misses:
                results.total += 1
            for name in FACETS:
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
            filtered = filtered.filter(_filter_q(name, values))
        score = Value(0, output_field=IntegerField())
        for clause in query.clauses:
            score = score + Case(
                When(_any("head", clause), then=Value(TITLE)),
                When(_any("lead", clause), then=Value(SUMMARY)),
                default=Value(BODY),
                output_field=IntegerField(),
            )
        filtered = filtered.annotate(score=score)
        order = ["-score", "-date", "key"] if request.sort == "relevance" and query else ["-date", "-score", "key"]
        page = filtered.order_by(*order).defer("head", "lead", "haystack", "tags")
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

    def count(self, query: ParsedQuery) -> int:
        return self.matching(query).count()

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

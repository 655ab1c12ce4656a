"""The judged relevance queries, and how a search's answers are scored against them.

Shared by the relevance bench (bench/relevance.py, on the whole demo) and the CI floor test
(test_relevance_floor.py, on part of it), so both score the same way. It lives with the tests
rather than in search/, which must not know content models, or in an app, which would ship it.

A hit is turned into the judged identifier of what the user sees ("document:<slug>",
"brief:<slug>"...), found by model name rather than app label so that a model moving between
apps keeps its identifier.
"""

import math
import statistics
import time
import tomllib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.apps import apps

from initiatives.eod.catalogue import CATALOGUE
from search.results import SITE, SearchRequest
from search.service import SearchService

QUERIES = Path(__file__).resolve().parents[2] / "bench" / "relevance_queries.toml"
DEPTH = 10  # what the first page of results shows
SCOPES = {"site": SITE, "catalogue": CATALOGUE}
# Model name -> judged identifier's prefix. Anything else is "other:<key>", never relevant.
PREFIXES = {
    "policydocument": "document",
    "policybriefpage": "brief",
    "eodprogrammepage": "programme",
    "eventpage": "event",
}


@dataclass(frozen=True)
class JudgedQuery:
    text: str
    kind: str
    scope: str
    language: str
    relevant: dict[str, int]  # identifier -> grade (1 relevant, 2 exactly what is wanted)
    note: str = ""


@dataclass
class Outcome:
    """One query's answer on one backend, scored."""

    text: str
    kind: str
    scope: str
    language: str
    total: int
    ms: float
    ranked: list[str]  # identifiers of the first page, repeats dropped
    repeats: int  # hits dropped as a repeat of an earlier identifier (the other-language version)
    ndcg: float
    success: bool
    rr: float
    grades: list[int] = field(default_factory=list)  # grade of each ranked identifier, 0 when not judged

    @property
    def zero(self) -> bool:
        return self.total == 0


@dataclass(frozen=True)
class Summary:
    ndcg: float
    success: float
    mrr: float
    zero: float  # share of queries with no result at all
    count: int


def load_queries(path: Path = QUERIES) -> list[JudgedQuery]:
    with path.open("rb") as file:
        entries = tomllib.load(file)["query"]
    return [JudgedQuery(**entry) for entry in entries]


def restrict(queries: list[JudgedQuery], prefixes: set[str]) -> list[JudgedQuery]:
    """The judgements that a corpus holding only `prefixes` ("document", "brief"...) can meet.

    Grades of identifiers outside the corpus are dropped (they could never be found, so they
    must not count in the ideal ranking), and so are queries left with nothing relevant.
    """
    kept = []
    for query in queries:
        relevant = {ident: grade for ident, grade in query.relevant.items() if ident.split(":")[0] in prefixes}
        if any(grade > 0 for grade in relevant.values()):
            kept.append(JudgedQuery(**{**asdict(query), "relevant": relevant}))
    return kept


def identify(keys: list[str]) -> list[str]:
    """The judged identifier of each record key, in order: slugs read in one query per content type."""
    wanted = defaultdict(set)
    for key in keys:
        label, _, pk = key.rpartition(":")
        if label.split(".")[-1] in PREFIXES and pk.isdigit():
            wanted[label].add(int(pk))
    slugs = {}
    for label, pks in wanted.items():
        model = apps.get_model(label)
        for pk, slug in model._default_manager.filter(pk__in=pks).values_list("pk", "slug"):
            slugs[f"{label}:{pk}"] = f"{PREFIXES[model._meta.model_name]}:{slug}"
    return [slugs.get(key, f"other:{key}") for key in keys]


def translation_keys(hit) -> list[str]:
    return [translation.key for translation in getattr(hit, "translations", [])]


def first_seen(identifiers: list[str]) -> list[str]:
    """Drop a repeat of an identifier already listed: the user sees the same item twice."""
    return list(dict.fromkeys(identifiers))


def dcg(gains: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(gains[:DEPTH], start=1))


def ndcg(ranked: list[str], relevant: dict[str, int]) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True))
    return dcg([relevant.get(ident, 0) for ident in ranked]) / ideal if ideal else 0.0


def reciprocal_rank(ranked: list[str], relevant: dict[str, int]) -> float:
    for rank, ident in enumerate(ranked[:DEPTH], start=1):
        if relevant.get(ident, 0) >= 1:
            return 1 / rank
    return 0.0


def run_query(service: SearchService, query: JudgedQuery, **options) -> Outcome:
    """Search as a visitor would (the first page of ten) and score it; only the search call is timed."""
    request = SearchRequest(text=query.text, scope=SCOPES[query.scope], per_page=DEPTH, **options)
    started = time.perf_counter()
    results = service.search(request)
    ms = (time.perf_counter() - started) * 1000
    if getattr(results, "degraded", False):
        # The service answered from the database because the cluster did not: not this backend's figures.
        raise RuntimeError(f"The search cluster did not answer {query.text!r}.")
    # A result lists the record's translations with it ("Also in: ..."): the user sees them there.
    shown = identify([key for hit in results.hits[:DEPTH] for key in (hit.key, *translation_keys(hit))])[:DEPTH]
    ranked = first_seen(shown)
    return Outcome(
        text=query.text,
        kind=query.kind,
        scope=query.scope,
        language=query.language,
        total=results.total,
        ms=ms,
        ranked=ranked,
        repeats=len(shown) - len(ranked),
        ndcg=ndcg(ranked, query.relevant),
        success=reciprocal_rank(ranked, query.relevant) > 0,
        rr=reciprocal_rank(ranked, query.relevant),
        grades=[query.relevant.get(ident, 0) for ident in ranked],
    )


def run_all(service: SearchService, queries: list[JudgedQuery], **options) -> list[Outcome]:
    return [run_query(service, query, **options) for query in queries]


def summarise(outcomes: list[Outcome]) -> Summary:
    if not outcomes:
        return Summary(0.0, 0.0, 0.0, 0.0, 0)
    return Summary(
        ndcg=statistics.fmean(o.ndcg for o in outcomes),
        success=statistics.fmean(o.success for o in outcomes),
        mrr=statistics.fmean(o.rr for o in outcomes),
        zero=statistics.fmean(o.zero for o in outcomes),
        count=len(outcomes),
    )


def grouped(outcomes: list[Outcome], attribute: str) -> dict[str, Summary]:
    groups = defaultdict(list)
    for outcome in outcomes:
        groups[getattr(outcome, attribute)].append(outcome)
    return {name: summarise(members) for name, members in sorted(groups.items())}


# The targets every backend must reach on the whole demo.
TARGET_NDCG = 0.75
TARGET_SUCCESS = 0.95
TARGET_ZERO = 0.02
TARGET_KNOWN_ITEM_MRR = 0.9
KNOWN_ITEM_KINDS = ("title", "number")  # the user names one document: it must come first


def targets(outcomes: list[Outcome]) -> list[tuple[bool, str]]:
    """Each target as (met, what it says with the figure reached)."""
    overall = summarise(outcomes)
    known = summarise([o for o in outcomes if o.kind in KNOWN_ITEM_KINDS])
    return [
        (overall.ndcg >= TARGET_NDCG, f"nDCG@10 {overall.ndcg:.3f} >= {TARGET_NDCG}"),
        (overall.success >= TARGET_SUCCESS, f"success@10 {overall.success:.3f} >= {TARGET_SUCCESS}"),
        (overall.zero <= TARGET_ZERO, f"zero-result rate {overall.zero:.1%} <= {TARGET_ZERO:.0%}"),
        (
            known.mrr >= TARGET_KNOWN_ITEM_MRR,
            f"MRR on title and number queries {known.mrr:.3f} >= {TARGET_KNOWN_ITEM_MRR} ({known.count} queries)",
        ),
    ]

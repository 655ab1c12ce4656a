"""Relevance of the portal's search on the demo content, scored against judged queries. Prints figures; not a test.

    eval "$(scripts/services up 2>/dev/null)"   # DATABASE_URL (PostgreSQL) and ELASTICSEARCH_URL
    .venv/bin/python bench/relevance.py [--backends elasticsearch,postgresql,sqlite] [--exact]
                                        [--json out.json] [--show-misses]

Runs the 102 judged queries of bench/relevance_queries.toml through `SearchService`, as the site
search and the EOD catalogue ask them (first page of ten), on each backend: Elasticsearch, and the
database backend on PostgreSQL and on SQLite. Each database is a throwaway one with the demo
loaded: one PostgreSQL database serves the Elasticsearch and PostgreSQL runs (the index is rebuilt
from it, under a prefix of its own, deleted at the end whatever happens); SQLite gets a temporary
file. Each database runs in a subprocess of its own with its own DATABASE_URL, since Django reads
it once at start-up.

Prints nDCG@10, success@10, MRR and the zero-result rate per backend, overall and per kind of
query, scope and language, the mean time of a search call, then the targets, each met or missed.
The scoring is shared with tests/search/test_relevance_floor.py (tests/search/relevance.py).
"""

import argparse
import dataclasses
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import throwaway_database
from django.conf import settings
from django.core.management import call_command
from elasticsearch import Elasticsearch

from search.backends import DatabaseBackend, ElasticsearchBackend
from search.results import SearchRequest
from search.service import SearchService
from tests.search.relevance import Outcome, grouped, load_queries, run_all, summarise, targets

BACKENDS = ("elasticsearch", "postgresql", "sqlite")
LABELS = {
    "elasticsearch": "Elasticsearch",
    "postgresql": "database backend on PostgreSQL",
    "sqlite": "database backend on SQLite",
}
# One loaded database per engine: Elasticsearch reads its records from the PostgreSQL one.
DATABASES = {"postgresql": ("elasticsearch", "postgresql"), "sqlite": ("sqlite",)}
MISS_BELOW = 0.5
WARM_UP = 5  # queries run once before timing: connections, synonyms, analyzers


def say(database: str, text: str) -> None:
    print(f"[{database}] {text}", flush=True)


def request_options(exact: bool) -> dict:
    """Options a visitor can set, passed only when this engine's SearchRequest has them."""
    if not exact:
        return {}
    if "exact" not in {field.name for field in dataclasses.fields(SearchRequest)}:
        sys.exit("--exact: this engine's SearchRequest has no `exact` option.")
    return {"exact": True}


# --- Worker: one database, its demo, its backends ------------------------------------------------------


def load_demo(database: str, companies: int) -> None:
    started = time.monotonic()
    say(database, f"loading the demo ({companies} member companies; a few minutes)")
    call_command("load_demo", companies=companies, stdout=io.StringIO(), stderr=io.StringIO())
    # Meaning vectors for every passage (as `make demo` computes them after the load), then the index
    # rebuilt with them: load_demo rebuilds it too, but the runs below must not depend on that.
    say(database, "computing meaning vectors")
    call_command("search_embed", "--all", stdout=io.StringIO())
    call_command("search_rebuild", stdout=io.StringIO())
    say(database, f"demo loaded and indexed in {time.monotonic() - started:.0f} s")


def search_all(database: str, backend_name: str, options: dict) -> list[dict]:
    backend = ElasticsearchBackend() if backend_name == "elasticsearch" else DatabaseBackend()
    service = SearchService(backend)
    queries = load_queries()
    run_all(service, queries[:WARM_UP], **options)
    say(database, f"{LABELS[backend_name]}: {len(queries)} queries")
    return [dataclasses.asdict(outcome) for outcome in run_all(service, queries, **options)]


def drop_indexes() -> None:
    """Every index under this run's own prefix, by name (the cluster refuses wildcard deletes)."""
    client = Elasticsearch(settings.ELASTICSEARCH_URL)
    names = list(client.indices.get(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*", expand_wildcards="all"))
    if names:
        client.indices.delete(index=",".join(names))


def work(args) -> None:
    database, wanted = args.worker, args.backends.split(",")
    options = request_options(args.exact)
    outcomes = {}
    say(database, "creating and migrating a throwaway database")
    if database == "postgresql":
        with throwaway_database("relevance"):
            try:
                load_demo(database, args.companies)
                for name in wanted:
                    outcomes[name] = search_all(database, name, options)
            finally:
                if settings.ELASTICSEARCH_URL:
                    drop_indexes()
                    say(database, f"deleted the {settings.ELASTICSEARCH_INDEX_PREFIX}-* indexes")
                say(database, "dropping the database")
    else:
        settings.DEBUG = False  # no per-query logging while timing
        call_command("migrate", verbosity=0)
        load_demo(database, args.companies)
        outcomes["sqlite"] = search_all(database, "sqlite", options)
    Path(args.out).write_text(json.dumps(outcomes, ensure_ascii=False))


# --- Main: a worker per database, then the figures -----------------------------------------------------


def worker_env(database: str, wanted: list[str], folder: Path) -> dict:
    env = dict(os.environ)
    # Tasks run in-process and the cache is the process's own: nothing reaches a shared Redis or worker.
    for name in ("CELERY_BROKER_URL", "CACHE_URL", "SEARCH_BACKEND", "ELASTICSEARCH_INDEX_PREFIX"):
        env.pop(name, None)
    env["MEDIA_ROOT"] = str(folder / "media")
    if database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{folder / 'relevance.sqlite3'}"
    if database == "sqlite" or "elasticsearch" not in wanted:
        env.pop("ELASTICSEARCH_URL", None)
    else:
        env["ELASTICSEARCH_INDEX_PREFIX"] = f"bench-relevance-{os.getpid()}"
    return env


def run_worker(database: str, wanted: list[str], args, folder: Path) -> dict[str, list[Outcome]]:
    out = folder / f"{database}.json"
    (folder / database).mkdir()
    command = [sys.executable, __file__, "--worker", database, "--backends", ",".join(wanted), "--out", str(out)]
    command += ["--companies", str(args.companies)] + (["--exact"] if args.exact else [])
    process = subprocess.Popen(command, env=worker_env(database, wanted, folder / database))  # noqa: S603 - this script
    try:
        code = process.wait()
    except KeyboardInterrupt:
        process.wait()  # the worker was interrupted too: let it drop its database and index
        raise
    if code:
        sys.exit(f"The {database} run failed (exit status {code}).")
    return {name: [Outcome(**fields) for fields in rows] for name, rows in json.loads(out.read_text()).items()}


def table(outcomes: list[Outcome]) -> None:
    print(f"  {'':26} {'nDCG@10':>8} {'success@10':>11} {'MRR':>7} {'zero':>7} {'count':>6}")
    rows = [("overall", summarise(outcomes))]
    for attribute in ("kind", "scope", "language"):
        rows += [(f"{attribute}: {name}", summary) for name, summary in grouped(outcomes, attribute).items()]
    for label, s in rows:
        print(f"  {label:26} {s.ndcg:8.3f} {s.success:11.3f} {s.mrr:7.3f} {s.zero:7.1%} {s.count:6d}")


def misses(outcomes: list[Outcome]) -> None:
    missed = [o for o in outcomes if o.ndcg < MISS_BELOW]
    print(f"\n  Queries with nDCG@10 under {MISS_BELOW} ({len(missed)}), their first five results (grade):")
    for o in missed:
        print(f"  - {o.text!r} [{o.kind}, {o.scope}, {o.language}] nDCG {o.ndcg:.2f}, {o.total} results")
        for ident, grade in list(zip(o.ranked, o.grades, strict=True))[:5]:
            print(f"      {grade}  {ident}")


def report(results: dict[str, list[Outcome]], show_misses: bool) -> None:
    for name, outcomes in results.items():
        mean_ms = statistics.fmean(o.ms for o in outcomes)
        repeats = sum(o.repeats for o in outcomes)
        print(f"\n== {LABELS[name]}: {len(outcomes)} queries, mean search call {mean_ms:.1f} ms, "
              f"{repeats} repeated item(s) dropped from first pages")  # fmt: skip
        table(outcomes)
        if show_misses:
            misses(outcomes)
    print("\nTargets, each backend: nDCG@10 >= 0.75, success@10 >= 0.95, zero results <= 2 %, MRR >= 0.9 on "
          "title and document-number queries")  # fmt: skip
    for name, outcomes in results.items():
        print(f"  {LABELS[name]}")
        for met, text in targets(outcomes):
            print(f"    {'met   ' if met else 'MISSED'} {text}")
    if show_misses:
        print("\nThe misses are for reading, to find what a kind of query lacks. Never tune the engine to one "
              "query: a fix must be general and is judged on all queries.")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default=",".join(BACKENDS), help="any of " + ", ".join(BACKENDS))
    parser.add_argument("--exact", action="store_true", help="search exact words only (where the engine offers it)")
    parser.add_argument("--json", type=Path, help="write every query's results and scores to this file")
    parser.add_argument("--show-misses", action="store_true", help="list the queries with nDCG@10 under 0.5")
    parser.add_argument(
        "--companies", type=int, default=0, help="member companies in the demo (they are not searchable)"
    )
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        work(args)
        return

    wanted = args.backends.split(",")
    unknown = set(wanted) - set(BACKENDS)
    if unknown:
        sys.exit(f"Unknown backend(s) {', '.join(sorted(unknown))}: choose among {', '.join(BACKENDS)}.")
    request_options(args.exact)  # refuse --exact before minutes of loading
    if {"elasticsearch", "postgresql"} & set(wanted) and not os.environ.get("DATABASE_URL", "").startswith("postg"):
        sys.exit('The Elasticsearch and PostgreSQL runs need DATABASE_URL (eval "$(scripts/services up)").')
    if "elasticsearch" in wanted and not os.environ.get("ELASTICSEARCH_URL"):
        sys.exit("The Elasticsearch run needs ELASTICSEARCH_URL.")

    results = {}
    with tempfile.TemporaryDirectory(prefix="relevance-") as folder:
        for database, backends in DATABASES.items():
            here = [name for name in backends if name in wanted]
            if here:
                results |= run_worker(database, here, args, Path(folder))
    results = {name: results[name] for name in BACKENDS if name in results}
    report(results, args.show_misses)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "exact": args.exact,
                    "backends": {
                        name: {
                            "summary": dataclasses.asdict(summarise(outcomes)),
                            "mean_ms": statistics.fmean(o.ms for o in outcomes),
                            "queries": [dataclasses.asdict(o) for o in outcomes],
                        }
                        for name, outcomes in results.items()
                    },
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        print(f"\nPer-query results written to {args.json}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        # Each worker has dropped its database and index on the way out.
        sys.exit("Interrupted.")

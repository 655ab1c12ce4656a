"""Outage bench: site search under load while Elasticsearch stops answering mid-run. Prints figures.

    eval "$(scripts/services up 2>/dev/null)"
    .venv/bin/python bench/outage.py [--records 10000] [--seconds 60] [--cut-at 20] [--mode refuse|hang]
                                     [--restore-after 20] [--users 20] [--workers 4]

Creates its own database `portal_outage` (dropped at the end) and a
`bench-outage` search index (deleted at the end) and loads generated records
(bench/search.py's generator) into both through the `replace_all` a rebuild
uses. gunicorn with the bench settings (bench/load_settings.py, page cache off
so every search is run) reaches Elasticsearch through a TCP forwarder started
here, so the shared cluster keeps running for everyone else while the portal
sees an outage: at --cut-at seconds the forwarder either refuses connections
and drops the open ones (`refuse`: a stopped cluster) or accepts and never
answers (`hang`: a cluster that is up but stuck, or a network that drops
packets, so the portal meets timeouts), and with --restore-after it forwards
again. Simulated visitors search the site in English and Chinese (one to two
seconds between pages) for --seconds.

It prints, per phase (before the cut, during the outage, after the return):
requests, errors (non-2xx, timeouts, refused), p50/p95/max, and the share of
pages carrying the reduced-mode notice, read from each page's body; then each
target, met or missed. Every process it starts is stopped at the end.
"""

import argparse
import asyncio
import contextlib
import csv
import importlib.util
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPException
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit, urlunsplit

from load import BENCH, PYTHON, ROOT, Gunicorn, bench_environment, cpu_probe, free_port, run

DATABASE = "portal_outage"
INDEX_PREFIX = "bench-outage"
NOTICE = "Search is running in a reduced mode for a few minutes: results may be less complete than usual."
OUTAGE_P95_MS = 1000
CLIENT_TIMEOUT = 30  # gunicorn's own: a request still unanswered by then is an error


# --- The forwarder: the portal's view of Elasticsearch ---------------------------------------------


class Forwarder:
    """A TCP forwarder on a loopback port in front of Elasticsearch, in its own thread, that can play an outage.

    `pass` forwards both ways. `refuse` stops listening and drops every open
    connection, as a stopped cluster does. `hang` accepts connections and
    swallows requests without ever answering, open connections included.
    """

    def __init__(self, target: str):
        parts = urlsplit(target)
        self.target_host, self.target_port = parts.hostname, parts.port or 9200
        self.port = free_port()
        self.url = urlunsplit(parts._replace(netloc=f"127.0.0.1:{self.port}"))
        self.mode = "pass"
        self.writers: set[asyncio.StreamWriter] = set()
        self.server = None
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        self._call(self._listen())
        return self

    def __exit__(self, *exc):
        self._call(self._shut(listen=False))
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)

    def cut(self, mode: str) -> None:
        self.mode = mode  # from now on nothing is forwarded
        if mode == "refuse":
            self._call(self._shut(listen=False))

    def restore(self) -> None:
        self.mode = "pass"
        self._call(self._shut(listen=True))  # the connections held silent are dropped; the portal opens new ones

    def _call(self, coroutine) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=10)

    async def _listen(self) -> None:
        if self.server is None:
            self.server = await asyncio.start_server(self._connection, "127.0.0.1", self.port)

    async def _shut(self, listen: bool) -> None:
        """Drops every open connection; listens afterwards or not."""
        if not listen and self.server is not None:
            self.server.close()
            self.server = None
        for writer in list(self.writers):
            writer.transport.abort()
        self.writers.clear()
        if listen:
            await self._listen()

    async def _connection(self, client_reader, client_writer) -> None:
        self.writers.add(client_writer)
        upstream_writer = None
        try:
            if self.mode != "pass":
                await self._pipe(client_reader, None)  # swallowed until the portal gives up
                return
            upstream_reader, upstream_writer = await asyncio.open_connection(self.target_host, self.target_port)
            self.writers.add(upstream_writer)
            await asyncio.gather(self._pipe(client_reader, upstream_writer), self._pipe(upstream_reader, client_writer))
        except OSError:
            pass
        finally:
            for writer in (client_writer, upstream_writer):
                if writer is not None:
                    self.writers.discard(writer)
                    writer.close()

    async def _pipe(self, reader, writer) -> None:
        with contextlib.suppress(OSError):
            while data := await reader.read(65536):
                if writer is not None and self.mode == "pass":
                    writer.write(data)
                    await writer.drain()


# --- Preparing the database and the index --------------------------------------------------------


def outage_environment(args) -> dict[str, str]:
    env = bench_environment(DATABASE)
    env["ELASTICSEARCH_INDEX_PREFIX"] = INDEX_PREFIX
    env["BENCH_CACHE_PREFIX"] = INDEX_PREFIX
    return env


def database_command(server_url: str, *statements: str) -> None:
    """Runs statements on the server's own database (`server_url`: the one DATABASE_URL names)."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def bench_search_module():
    """bench/search.py, under another name: `search` is the portal's search app."""
    spec = importlib.util.spec_from_file_location("bench_search", BENCH / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def django_for(env: dict) -> None:
    """Django in this process with the bench's settings and database (for loading, the notice and clean-up)."""
    os.environ.update({key: env[key] for key in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY",
                                                  "ALLOWED_HOSTS", "ELASTICSEARCH_INDEX_PREFIX", "BENCH_CACHE_PREFIX")})  # fmt: skip
    os.environ.pop("CELERY_BROKER_URL", None)
    sys.path.insert(0, str(ROOT))  # before bench/, whose search.py would hide the search app
    import common  # noqa: F401 - sets Django up
    from django.conf import settings

    settings.DEBUG = False  # no query log while loading


def progress(records, count: int, label: str):
    started, step = time.monotonic(), max(1000, count // 10)
    for n, record in enumerate(records, 1):
        yield record
        if n % step == 0 or n == count:
            print(f"  {label}: {n:,} of {count:,} records, {time.monotonic() - started:.0f} s", flush=True)


def load_records(count: int) -> None:
    from search.backends import DatabaseBackend, ElasticsearchBackend

    generated = list(progress(bench_search_module().generate(count), count, "generated"))
    DatabaseBackend().replace_all(progress(generated, count, "database"))  # which gathers planner statistics
    # Small bulk requests: a shared cluster rejects (429) large ones while it is busy indexing for others.
    result = ElasticsearchBackend().replace_all(progress(generated, count, "elasticsearch"), chunk_size=200)
    print(f"  elasticsearch index {result.index}: {result.indexed:,} records, {result.rate:.0f} docs/s", flush=True)


def delete_indexes() -> None:
    from search.client import get_client
    from search.indexes import versioned_indexes

    client = get_client()
    names = versioned_indexes(client)
    if names:
        client.indices.delete(index=",".join(names))


def notices() -> tuple[str, str]:
    from django.utils import translation

    with translation.override("zh-hans"):
        return NOTICE, translation.gettext(NOTICE)


def search_addresses(count: int) -> list[tuple[str, str]]:
    """(language, address) of `count` searches: bench/search.py's queries, half on the Chinese site."""
    rng = random.Random(2025)  # noqa: S311 - seeded bench data
    addresses = []
    for request in bench_search_module().queries(count):
        params = [("q", request.text)]
        params += [(name, value) for name, values in request.filters.items() for value in values]
        if request.sort != "relevance":
            params.append(("sort", request.sort))
        if request.page > 1:
            params.append(("page", str(request.page)))
        language = rng.choice(["en", "zh-hans"])
        prefix = "/zh-hans" if language == "zh-hans" else ""
        addresses.append((language, f"{prefix}/search/?{urlencode(params)}"))
    return addresses


# --- Driving the load ----------------------------------------------------------------------------


@dataclass
class Visit:
    started: float  # seconds since the run began
    ms: float
    error: str  # "" when answered 2xx
    notice: bool


def visit(base: str, language: str, path: str, texts: dict[str, str], clock: float) -> Visit:
    started = time.monotonic()
    error, notice = "", False
    try:
        with urllib.request.urlopen(base + path, timeout=CLIENT_TIMEOUT) as response:  # noqa: S310 - loopback
            body = response.read().decode()
        notice = texts[language] in body
    except HTTPError as failure:
        error = f"HTTP {failure.code}"
    except (URLError, ConnectionError, TimeoutError, HTTPException) as failure:
        error = type(getattr(failure, "reason", failure)).__name__
    return Visit(started - clock, (time.monotonic() - started) * 1000, error, notice)


def drive(base: str, addresses, texts, users: int, seconds: int, schedule) -> list[Visit]:
    """`users` visitors, each opening a search every one to two seconds, for `seconds`; `schedule` runs alongside."""
    clock = time.monotonic()
    visits: list[Visit] = []

    def visitor(seed: int) -> None:
        rng = random.Random(seed)  # noqa: S311 - load mix
        time.sleep(rng.uniform(0, 1.5))  # not all at once
        while time.monotonic() - clock < seconds:
            visits.append(visit(base, *rng.choice(addresses), texts, clock))
            time.sleep(rng.uniform(1, 2))

    with ThreadPoolExecutor(max_workers=users + 1) as pool:
        done = [pool.submit(visitor, n) for n in range(users)]
        schedule(clock)
        for future in done:
            future.result()
    return sorted(visits, key=lambda v: v.started)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def print_phases(phases: dict[str, list[Visit]]) -> None:
    print(f"\n{'phase':26} {'requests':>9} {'errors':>7} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'notice':>7}")
    for label, visits in phases.items():
        if not visits:
            continue
        times = [v.ms for v in visits]
        answered = [v for v in visits if not v.error]
        share = sum(v.notice for v in answered) / len(answered) if answered else 0
        errors = sum(bool(v.error) for v in visits)
        print(
            f"{label:26} {len(visits):>9} {errors:>7} {statistics.median(times):7.0f} {p95(times):7.0f} "
            f"{max(times):7.0f} {share:7.0%}"
        )
    kinds: dict[str, int] = {}
    for visits in phases.values():
        for v in visits:
            if v.error:
                kinds[v.error] = kinds.get(v.error, 0) + 1
    if kinds:
        print("  errors: " + ", ".join(f"{kind} × {n}" for kind, n in sorted(kinds.items())))


def targets(phases: dict[str, list[Visit]]) -> list[tuple[str, bool]]:
    everything = [v for visits in phases.values() for v in visits]
    errors = sum(bool(v.error) for v in everything)
    results = [(f"zero errors over the whole run ({errors} of {len(everything)})", errors == 0)]
    outage = phases["Elasticsearch out"]
    if outage:
        late = p95([v.ms for v in outage])
        results.append((f"search p95 during the outage {late:.0f} ms < {OUTAGE_P95_MS} ms", late < OUTAGE_P95_MS))
        answered = [v for v in outage if not v.error]
        noticed = sum(v.notice for v in answered)
        text = f"reduced-mode notice on every page answered during the outage ({noticed} of {len(answered)})"
        results.append((text, bool(answered) and noticed == len(answered)))
    before = phases["before the cut"]
    noticed = sum(v.notice for v in before)
    results.append(
        (f"no notice before the cut: Elasticsearch answered ({noticed} of {len(before)} with it)", noticed == 0)
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=60, help="length of the load run")
    parser.add_argument("--cut-at", type=float, default=20, help="seconds into the run when Elasticsearch goes")
    parser.add_argument("--mode", choices=["refuse", "hang"], default="refuse")
    parser.add_argument("--restore-after", type=float, default=0, help="seconds of outage before it returns (0: never)")
    parser.add_argument("--users", type=int, default=8, help="visitors, each searching every one to two seconds")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    parser.add_argument("--queries", type=int, default=300, help="distinct searches the visitors choose from")
    args = parser.parse_args()

    env = outage_environment(args)
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="outage-bench-"))
    print(f"Preparing {DATABASE} and the {INDEX_PREFIX} index with {args.records:,} records", flush=True)
    server_url = os.environ["DATABASE_URL"]
    drop = f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'
    database_command(server_url, drop, f'CREATE DATABASE "{DATABASE}"')  # a run cut short may have left it
    try:
        run(env, PYTHON, "manage.py", "migrate", "--no-input")
        django_for(env)
        try:
            load_records(args.records)
            texts = dict(zip(("en", "zh-hans"), notices(), strict=True))
            addresses = search_addresses(args.queries)
            probes = [cpu_probe()]
            with (
                Forwarder(env["ELASTICSEARCH_URL"]) as forwarder,
                Gunicorn(
                    {**env, "ELASTICSEARCH_URL": forwarder.url},
                    args.workers,
                    args.threads,
                    0,
                    workdir / "gunicorn.log",
                ) as server,
            ):
                print(
                    f"  gunicorn {args.workers} × {args.threads} on {server.url}, Elasticsearch through {forwarder.url}"
                )
                for language, path in addresses[: 3 * args.workers]:  # every worker has loaded its code and models
                    warm = visit(server.url, language, path, texts, 0)
                    if warm.error or warm.notice:
                        sys.exit(f"{path} before any outage: {warm.error or 'answered in reduced mode'}")
                events: dict[str, float] = {}

                def schedule(clock: float) -> None:
                    time.sleep(max(0, clock + args.cut_at - time.monotonic()))
                    forwarder.cut(args.mode)
                    events["cut"] = time.monotonic() - clock
                    if args.restore_after:
                        time.sleep(args.restore_after)
                        forwarder.restore()
                        events["restored"] = time.monotonic() - clock

                print(
                    f"Searching for {args.seconds} s; Elasticsearch goes ({args.mode}) at {args.cut_at:.0f} s",
                    flush=True,
                )
                visits = drive(server.url, addresses, texts, args.users, args.seconds, schedule)
            probes.append(cpu_probe())
        finally:
            from django.db import connections

            connections.close_all()
            delete_indexes()
    finally:
        database_command(server_url, drop)

    with (workdir / "visits.csv").open("w", newline="") as out:
        rows = csv.writer(out)
        rows.writerow(["started_s", "ms", "error", "notice"])
        rows.writerows([f"{v.started:.3f}", f"{v.ms:.0f}", v.error, int(v.notice)] for v in visits)
    cut, restored = events["cut"], events.get("restored", float("inf"))
    # A search under way at the cut may meet either side of it: it is counted apart.
    phases = {
        "before the cut": [v for v in visits if v.started + v.ms / 1000 < cut],
        "under way at the cut": [v for v in visits if v.started < cut <= v.started + v.ms / 1000],
        "Elasticsearch out": [v for v in visits if cut <= v.started < restored],
        "after it returned": [v for v in visits if v.started >= restored],
    }
    print(
        f"\n{args.records:,} records; {args.users} visitors (1-2 s between searches) for {args.seconds} s; "
        f"Elasticsearch {args.mode} from {cut:.1f} s"
        + (f" to {restored:.1f} s" if args.restore_after else " to the end")
        + f"; gunicorn {args.workers} × {args.threads}, page cache off; load average {os.getloadavg()[0]:.1f}; "
        f"CPU probe before and after: {probes[0]:.2f} s, {probes[1]:.2f} s (lower is faster)"
    )
    print_phases(phases)
    after = phases["after it returned"]
    if after:
        back = next((v.started - restored for v in after if not v.notice and not v.error), None)
        print(
            "  first page from Elasticsearch again: "
            + (f"{back:.1f} s after it returned" if back is not None else "none before the run ended")
        )
    print("\nTargets")
    for text, met in targets(phases):
        print(f"  {'met   ' if met else 'MISSED'} {text}")
    print(f"\nWhole run {time.perf_counter() - started:.0f} s; every search and the gunicorn log in {workdir}")


if __name__ == "__main__":
    main()

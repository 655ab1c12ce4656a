"""Load bench: the demo site under gunicorn on PostgreSQL, Redis and Elasticsearch, driven by locust. Prints figures.

    eval "$(scripts/services up 2>/dev/null)"
    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--workers 12] [--threads 1] [--reload-demo]

Prepares its own database `portal_bench` (created if missing, migrated, the
demo loaded on the first run or with --reload-demo) and a `portal-bench`
search index, then twice starts gunicorn on 127.0.0.1 with
production settings (bench/load_settings.py) and has locust's anonymous
visitors (bench/locustfile.py) browse for --seconds: first with the page cache
off, so every page is rendered, then with it on, after one visit to each
address. Per page it prints p50/p95/p99, requests per second and errors, the
share of cache hits and the SQL statements a hit ran, then each target: met
or missed. Nothing leaves the machine; every child process is stopped at the end.
"""

import argparse
import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
DATABASE = "portal_bench"
PAGES = ["home", "events", "event page", "tracker", "company", "search", "EOD search"]
UNCACHED_P95_MS = 200
CACHED_P95_MS = 20


def bench_environment(args) -> dict[str, str]:
    missing = [name for name in ("DATABASE_URL", "CACHE_URL", "ELASTICSEARCH_URL") if not os.environ.get(name)]
    if missing or not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit(f'This bench needs PostgreSQL, Redis and Elasticsearch: eval "$(scripts/services up)" ({missing})')
    url = urlsplit(os.environ["DATABASE_URL"])
    env = {
        **os.environ,
        "DATABASE_URL": urlunsplit(url._replace(path=f"/{DATABASE}")),
        "DJANGO_SETTINGS_MODULE": "load_settings",
        "PYTHONPATH": os.pathsep.join([str(BENCH), str(ROOT)]),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "ELASTICSEARCH_INDEX_PREFIX": "portal-bench",
        "LOG_LEVEL": "WARNING",
    }
    # No broker: index updates and other tasks run in-process, never on another deployment's workers.
    env.pop("CELERY_BROKER_URL", None)
    return env


def ensure_database() -> bool:
    """Creates the bench database if it is missing; returns whether it was."""
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone():
            return False
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
        return True


def run(env: dict, *command: str, timeout: int = 600) -> str:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)  # noqa: S603 - our own commands
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    print(f"  {' '.join(command[1:4])}: {time.perf_counter() - started:.0f} s", flush=True)
    return result.stdout


def prepare(env: dict, reload_demo: bool) -> dict[str, list[str]]:
    created = ensure_database()
    manage = (PYTHON, "manage.py")
    run(env, *manage, "migrate", "--no-input")
    if created or reload_demo:
        run(env, *manage, "load_demo", timeout=900)
    run(env, *manage, "search_rebuild")
    return json.loads(run(env, PYTHON, str(BENCH / "load_urls.py")))


class Gunicorn:
    """gunicorn with the bench settings on a free loopback port; stopped (its own process group) on exit."""

    def __init__(self, env: dict, workers: int, threads: int, cache_seconds: int, log: Path):
        self.port = free_port()
        self.log = log.open("w")
        self.process = subprocess.Popen(  # noqa: S603 - fixed command
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                # gthread even with one thread: idle keep-alive connections wait in its poller, not in a process.
                "--worker-class",
                "gthread",
                "--threads",
                str(threads),
                "--backlog",
                "256",
                "--timeout",
                "30",
            ],
            env={**env, "PORTAL_PAGE_CACHE_SECONDS": str(cache_seconds)},
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn stopped: see {self.log.name}")
            try:
                urllib.request.urlopen(f"{self.url}/", timeout=5).read()  # noqa: S310 - loopback
                return self
            except (URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        sys.exit("gunicorn did not answer within a minute")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def warm_up(base: str, urls: dict[str, list[str]]) -> None:
    """Two visits to each address: every worker has loaded its code and templates, the cache holds every page."""
    for _ in range(2):
        for page, paths in urls.items():
            for path in paths:
                try:
                    urllib.request.urlopen(base + path, timeout=30).read()  # noqa: S310 - loopback
                except HTTPError as error:
                    sys.exit(f"{page} {path} answered {error.code}")


def drive(base: str, urls: dict, users: int, seconds: int, workdir: Path, label: str) -> tuple[dict, dict]:
    prefix, report = workdir / label, workdir / f"{label}-headers.json"
    command = [
        PYTHON, "-m", "locust", "-f", str(BENCH / "locustfile.py"), "--headless", "--only-summary",
        "-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{seconds}s", "--stop-timeout", "5",
        "--host", base, "--csv", str(prefix), "--loglevel", "WARNING",
    ]  # fmt: skip
    environment = {**os.environ, "LOAD_URLS": json.dumps(urls), "LOAD_REPORT": str(report)}
    subprocess.run(command, env=environment, cwd=ROOT, capture_output=True, timeout=seconds + 60, check=False)  # noqa: S603
    with open(f"{prefix}_stats.csv") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    return rows, json.loads(report.read_text())


def print_phase(title: str, rows: dict, headers: dict) -> None:
    print(f"\n{title}")
    print(f"{'page':12} {'requests':>9} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'req/s':>7} {'errors':>7} {'hits':>6} {'SQL/hit':>8} {'SQL/miss':>9}")  # fmt: skip
    for page in [*PAGES, "Aggregated"]:
        row = rows.get(page)
        if row is None:
            continue
        tally = headers.get(page, {}) if page != "Aggregated" else merged(headers)
        answered = sum(tally.get(state, 0) for state in ("hit", "miss", "none"))
        hits = tally.get("hit", 0)
        per_hit = f"{tally.get('queries_hit', 0) / hits:.1f}" if hits else "-"
        misses = answered - hits
        per_miss = f"{(tally.get('queries_miss', 0) + tally.get('queries_none', 0)) / misses:.1f}" if misses else "-"
        print(
            f"{page:12} {row['Request Count']:>9} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7} "
            f"{float(row['Requests/s']):7.1f} {row['Failure Count']:>7} "
            f"{(hits / answered if answered else 0):6.0%} {per_hit:>8} {per_miss:>9}"
        )


def merged(headers: dict) -> dict:
    total: dict[str, int] = {}
    for tally in headers.values():
        for key, value in tally.items():
            total[key] = max(total.get(key, 0), value) if key.startswith("max_") else total.get(key, 0) + value
    return total


def targets(uncached: tuple[dict, dict], cached: tuple[dict, dict]) -> list[tuple[str, bool]]:
    results = []
    for label, (rows, _headers) in (("uncached", uncached), ("cached", cached)):
        errors = int(rows["Aggregated"]["Failure Count"])
        results.append((f"{label} run: zero errors ({errors})", errors == 0))
    rows, _headers = uncached
    for page in PAGES:
        if page in rows:
            p95 = float(rows[page]["95%"])
            results.append((f"uncached {page}: p95 {p95:.0f} ms < {UNCACHED_P95_MS} ms", p95 < UNCACHED_P95_MS))
    rows, headers = cached
    for page in PAGES:
        tally = headers.get(page, {})
        answered = sum(tally.get(state, 0) for state in ("hit", "miss", "none"))
        if page not in rows or not answered:
            continue
        p95 = float(rows[page]["95%"])
        if tally.get("hit", 0) / answered < 0.5:
            # Never stored (an event page carries its registration form's CSRF token): an uncached page.
            results.append((f"cached run, {page} (not cacheable): p95 {p95:.0f} ms < {UNCACHED_P95_MS} ms", p95 < UNCACHED_P95_MS))  # fmt: skip
            continue
        results.append((f"cached {page}: p95 {p95:.0f} ms < {CACHED_P95_MS} ms", p95 < CACHED_P95_MS))
        most = tally.get("max_queries_hit", 0)
        results.append((f"cached {page}: at most {most} SQL statements per hit (0)", most == 0))
    return results


def cpu_probe() -> float:
    """Seconds a fixed pure-Python loop takes: on a shared host the same code runs up to half as fast
    from one minute to the next, so runs are only comparable with this figure beside them."""
    started = time.perf_counter()
    total = 0
    for number in range(3_000_000):
        total += number * number % 7
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    # Measured on 2 cores: renders are CPU work under one interpreter lock per process, so a second thread in a
    # busy process makes two renders take turns. 12 x 1: uncached p95 95-140 ms and cached 4-8 ms; 6 x 2:
    # 110-200 ms and 5-7 ms, in runs on the same commit minutes apart.
    parser.add_argument("--workers", type=int, default=12, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    parser.add_argument("--reload-demo", action="store_true", help="load the demo again even if the database has it")
    args = parser.parse_args()

    env = bench_environment(args)
    started = time.perf_counter()
    print(f"Preparing {DATABASE} and the portal-bench index", flush=True)
    urls = prepare(env, args.reload_demo)
    print(f"  {sum(map(len, urls.values()))} addresses over {len(urls)} pages", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    phases, loads, probes = {}, [], [cpu_probe()]
    for label, seconds in (("uncached", 0), ("cached", 300)):
        with Gunicorn(env, args.workers, args.threads, seconds, workdir / f"gunicorn-{label}.log") as server:
            warm_up(server.url, urls)
            phases[label] = drive(server.url, urls, args.users, args.seconds, workdir, label)
            loads.append(os.getloadavg()[0])
    probes.append(cpu_probe())
    print(
        f"\n{args.users} visitors (1-2 s between pages) for {args.seconds} s per run, "
        f"gunicorn {args.workers} workers × {args.threads} threads, locust on the same {os.cpu_count()} cores; "
        f"machine load average at the end of each run: {loads[0]:.1f}, {loads[1]:.1f}; "
        f"CPU probe before and after: {probes[0]:.2f} s, {probes[1]:.2f} s (lower is faster)"
    )
    print_phase("Page cache off: every page rendered", *phases["uncached"])
    print_phase("Page cache on, after one visit to each address", *phases["cached"])
    print("\nTargets")
    for text, met in targets(phases["uncached"], phases["cached"]):
        print(f"  {'met   ' if met else 'MISSED'} {text}")
    print(f"\nWhole run {time.perf_counter() - started:.0f} s; locust CSV and gunicorn logs in {workdir}")


if __name__ == "__main__":
    main()

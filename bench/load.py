"""Load bench: the demo site under gunicorn on PostgreSQL, Redis and Elasticsearch, driven by locust. Prints figures.

    eval "$(scripts/services up 2>/dev/null)"
    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--registrations-per-minute 60]
        [--publishes-per-hour 60] [--steps 2,4,6,8,10,15,20,30,40,50,60] [--step-seconds 20]
        [--workers 12] [--threads 1] [--database portal_bench] [--reload-demo]
        [--baseline REVISION]

Prepares its own database (`--database`, created if missing, migrated, the
demo loaded on the first run or with --reload-demo) and a search index named
after it, then twice starts gunicorn on 127.0.0.1 with production settings
(bench/load_settings.py) and drives it with locust (bench/locustfile.py):

1. Capacity, page cache off: anonymous visitors (1-2 s between pages) in
   steps of `--steps` visitors, `--step-seconds` each, until the p95 of the
   rendered pages reaches 200 ms. It prints each step's rate and p95, the
   highest rate that kept p95 under 200 ms, and per page the CPU milliseconds
   a render costs by the server's own accounting (`X-CPU-Ms`: CPU time of the
   thread that answered, not wall time), comparable between hosts and loads.
2. The cache under writes, page cache on, after one visit to each address:
   `--users` visitors for `--seconds`, while registrants register for the
   open events at `--registrations-per-minute` (page, token, form: as a
   browser does, each from an address of its own) and an editor publishes an
   event page from the admin at `--publishes-per-hour`. Per page it prints
   p50/p95/p99 over all requests, the p95 of hits, the hit rate, the share
   answered stale (a retired page's copy while one request renders it again),
   the SQL a hit ran, then how many writes succeeded and each target: met or
   missed.

gunicorn reads the project's gunicorn.conf.py (the application loaded once,
before the workers fork), as in production.

With `--baseline REVISION` the capacity steps run twice, back to back on the
same host: first on that revision's code (its tree from `git archive`, its own
database `<database>_baseline`, migrated and given the demo by its own code,
its own index and cache prefix, served as that revision served it), then on
the working tree. It prints both, the ratio of the capacities and of the CPU
milliseconds per render, and the target (1.5 times the baseline's capacity).
The baseline is served with this bench's settings module, so its pages report
their CPU time in the same way.

Nothing leaves the machine; every child process is stopped at the end.
"""

import argparse
import csv
import io
import json
import math
import os
import secrets
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
DATABASE = "portal_bench"  # --database changes it
PAGES = ["home", "events", "event page", "tracker", "company", "search", "EOD search"]
UNCACHED_P95_MS = 200
CAPACITY_GAIN = 1.5  # over --baseline
CACHED_P95_MS = 20
WARM_UP_ROUNDS = 12
# X-Cache: a fresh entry, a retired one served while another request renders it again, a render, no cache.
ANSWERS = ("hit", "stale", "miss", "none")


def bench_environment(database: str, root: Path = ROOT) -> dict[str, str]:
    missing = [name for name in ("DATABASE_URL", "CACHE_URL", "ELASTICSEARCH_URL") if not os.environ.get(name)]
    if missing or not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit(f'This bench needs PostgreSQL, Redis and Elasticsearch: eval "$(scripts/services up)" ({missing})')
    url = urlsplit(os.environ["DATABASE_URL"])
    env = {
        **os.environ,
        "DATABASE_URL": urlunsplit(url._replace(path=f"/{database}")),
        "DJANGO_SETTINGS_MODULE": "load_settings",
        "PYTHONPATH": os.pathsep.join([str(BENCH), str(root)]),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "ELASTICSEARCH_INDEX_PREFIX": database.replace("_", "-"),
        "BENCH_CACHE_PREFIX": database,
        "LOG_LEVEL": "WARNING",
    }
    # No broker: index updates and other tasks run in-process, never on another deployment's workers.
    env.pop("CELERY_BROKER_URL", None)
    return env


def ensure_database(name: str, anew: bool = False) -> bool:
    """Creates the bench database if it is missing (dropped first if `anew`); returns whether it was made."""
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        if anew:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        connection.execute(f'CREATE DATABASE "{name}"')
        return True


def run(env: dict, *command: str, timeout: int = 600, root: Path = ROOT) -> str:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=root, capture_output=True, text=True, timeout=timeout, check=False)  # noqa: S603 - our own commands
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    print(f"  {' '.join(command[1:4])}: {time.perf_counter() - started:.0f} s", flush=True)
    return result.stdout


def prepare(env: dict, database: str, reload_demo: bool, root: Path = ROOT, anew: bool = False) -> dict[str, list[str]]:  # fmt: skip
    """Migrates the database (made if missing, or anew), loads the demo into a new one, rebuilds the index: the
    code at `root` does all of it, and lists the addresses with its own bench/load_urls.py."""
    created = ensure_database(database, anew)
    manage = (PYTHON, "manage.py")
    run(env, *manage, "migrate", "--no-input", root=root)
    if created or reload_demo:
        run(env, *manage, "load_demo", timeout=900, root=root)
    run(env, *manage, "search_rebuild", root=root)
    return json.loads(run(env, PYTHON, str(root / "bench" / "load_urls.py"), root=root))


def checkout(revision: str) -> tuple[Path, bool]:
    """The tree of `revision` in var/ (ignored by git), kept between runs with the media its demo wrote there;
    and whether it was extracted now (so its database's demo has no media files yet)."""
    target = ROOT / "var" / "bench-baseline" / revision
    if (target / "manage.py").exists():
        return target, False
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=False)  # noqa: S603, S607
    if archive.returncode:
        sys.exit(f"git archive {revision} failed: {archive.stderr.decode()[-500:]}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tree:
        tree.extractall(target, filter="data")
    return target, True


class Gunicorn:
    """gunicorn with the bench settings on a free loopback port; stopped (its own process group) on exit."""

    def __init__(self, env: dict, workers: int, threads: int, cache_seconds: int, log: Path, root: Path = ROOT):
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
            cwd=root,  # gunicorn reads the gunicorn.conf.py there, if that revision has one
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        deadline = time.monotonic() + 180  # twelve processes importing Django on a busy shared host
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn stopped: see {self.log.name}")
            try:
                urllib.request.urlopen(f"{self.url}/", timeout=5).read()  # noqa: S310 - loopback
                return self
            except (URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        sys.exit("gunicorn did not answer within three minutes")

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


def warm_up(base: str, urls: dict[str, list[str]], workers: int) -> None:
    """Visits until every worker process has answered every page (`X-Worker`), at most WARM_UP_ROUNDS rounds: each
    has loaded its code, compiled its templates and made whatever a page loads on first use, and the cache holds
    every page. Three visits to each address were not enough: a worker's first search of a revision that loads
    its model on first use cost 1,100 ms of CPU inside the first measured step, which alone put that step's
    p95 over the bound."""

    def visit(page_path: tuple[str, str]) -> tuple[str, str | None]:
        page, path = page_path
        try:
            with urllib.request.urlopen(base + path, timeout=60) as response:  # noqa: S310 - loopback
                response.read()
                return page, response.headers.get("X-Worker")
        except HTTPError as error:
            sys.exit(f"{page} {path} answered {error.code}")

    served: dict[str, set] = {page: set() for page in PAGES if urls.get(page)}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for _ in range(WARM_UP_ROUNDS):
            cold = [page for page, answered in served.items() if len(answered) < workers]
            if not cold:
                return
            # As many visits to each cold page as there are workers, all at once, so that busy workers pass
            # the next ones to idle workers.
            visits = [(page, urls[page][i % len(urls[page])]) for page in cold for i in range(workers)]
            for page, worker in pool.map(visit, visits):
                served[page].add(worker)
    cold = {page: len(answered) for page, answered in served.items() if len(answered) < workers}
    if cold:
        print(f"  warm-up: some pages reached fewer than {workers} workers: {cold}", flush=True)


class Writes:
    def __init__(self, registrations_per_minute: float = 0, publishes_per_hour: float = 0, editor=("", "")):
        self.registrations_per_minute = registrations_per_minute
        self.publishes_per_hour = publishes_per_hour
        self.editor = editor

    @property
    def registrants(self) -> int:
        # One registration takes three requests; a registrant keeps its pace up to about one every 3 s.
        return math.ceil(self.registrations_per_minute / 20) if self.registrations_per_minute else 0

    @property
    def writers(self) -> int:
        return self.registrants + (1 if self.publishes_per_hour else 0)

    def environment(self) -> dict[str, str]:
        return {
            "LOAD_REGISTRATIONS_PER_MINUTE": str(self.registrations_per_minute),
            "LOAD_REGISTRANTS": str(self.registrants),
            "LOAD_PUBLISHES_PER_HOUR": str(self.publishes_per_hour),
            "LOAD_EDITOR": self.editor[0],
            "LOAD_EDITOR_PASSWORD": self.editor[1],
        }


def drive(base: str, urls: dict, users: int, seconds: int, workdir: Path, label: str, writes: Writes) -> tuple[dict, dict]:  # fmt: skip
    prefix, report = workdir / label, workdir / f"{label}-headers.json"
    total = users + writes.writers
    command = [
        PYTHON, "-m", "locust", "-f", str(BENCH / "locustfile.py"), "--headless", "--only-summary",
        "-u", str(total), "-r", str(max(1, total // 5)), "-t", f"{seconds}s", "--stop-timeout", "5",
        "--host", base, "--csv", str(prefix), "--loglevel", "WARNING",
    ]  # fmt: skip
    environment = {**os.environ, "LOAD_URLS": json.dumps(urls), "LOAD_REPORT": str(report), **writes.environment()}
    subprocess.run(command, env=environment, cwd=ROOT, capture_output=True, timeout=seconds + 90, check=False)  # noqa: S603
    with open(f"{prefix}_stats.csv") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    return rows, json.loads(report.read_text())


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def page_times(report: dict, pages: list[str]) -> list[float]:
    return [value for page in pages for values in report["times"].get(page, {}).values() for value in values]


def figure(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def capacity(base: str, urls: dict, steps: list[int], seconds: int, workdir: Path, name: str) -> tuple[list, dict]:
    """Steps of visitors with the cache off, until rendered pages' p95 is over the bound in two steps running (one
    can be a moment the shared host slowed): [(visitors, rate, p95)] and every rendered page's CPU milliseconds,
    per page."""
    results, cpu, over = [], {}, 0
    for users in steps:
        rows, report = drive(base, urls, users, seconds, workdir, f"{name}-step-{users}", Writes())
        p95 = percentile(page_times(report, PAGES), 0.95)
        rate = float(rows["Aggregated"]["Requests/s"])
        errors = int(rows["Aggregated"]["Failure Count"])
        results.append((users, rate, p95, errors))
        print(f"  {users:4} visitors: {rate:6.1f} requests/s, p95 {figure(p95)} ms, {errors} errors", flush=True)
        for page, values in report["cpu"].items():
            cpu.setdefault(page, []).extend(values)
        over = over + 1 if p95 is None or p95 >= UNCACHED_P95_MS else 0
        if over == 2:
            break
    return results, cpu


def best_rate(results: list) -> float:
    within = [rate for _users, rate, p95, errors in results if p95 is not None and p95 < UNCACHED_P95_MS and not errors]
    return max(within, default=0.0)


def print_capacity(label: str, results: list, cpu: dict) -> None:
    print(
        f"\nCapacity, page cache off, {label}: highest rate with p95 < {UNCACHED_P95_MS} ms and no errors: "
        f"{best_rate(results):.1f} requests/s"
    )
    print(f"{'page':12} {'renders':>8} {'CPU ms p50':>11} {'CPU ms p95':>11}")
    for page in PAGES:
        values = cpu.get(page, [])
        print(
            f"{page:12} {len(values):>8} {figure(percentile(values, 0.5), 1):>11} {figure(percentile(values, 0.95), 1):>11}"
        )
    every = [value for page in PAGES for value in cpu.get(page, [])]
    print(
        f"{'all pages':12} {len(every):>8} {figure(percentile(every, 0.5), 1):>11} {figure(percentile(every, 0.95), 1):>11}"
    )


def gain(baseline: tuple[list, dict], current: tuple[list, dict], revision: str) -> list[tuple[str, bool]]:
    """The working tree's capacity and CPU per render against the baseline's, measured back to back."""
    before, after = best_rate(baseline[0]), best_rate(current[0])
    ratio = after / before if before else None  # the baseline was over the bound from its first step: no ratio
    cpu_before = [value for page in PAGES for value in baseline[1].get(page, [])]
    cpu_after = [value for page in PAGES for value in current[1].get(page, [])]
    p50_before, p50_after = percentile(cpu_before, 0.5), percentile(cpu_after, 0.5)
    cheaper = p50_before / p50_after if p50_before and p50_after else 0.0
    times = "no ratio: the baseline was over the bound at every step" if ratio is None else f"{ratio:.2f} x"
    print(f"\nAgainst {revision}: capacity {before:.1f} -> {after:.1f} requests/s ({times}); CPU ms per render p50 "
          f"{figure(p50_before, 1)} -> {figure(p50_after, 1)} ({cheaper:.2f} x fewer)")  # fmt: skip
    if ratio is None:
        return [(f"uncached capacity against {revision}'s: no ratio, its p95 was over the bound at every step", False)]
    return [(f"uncached capacity {ratio:.2f} x {revision}'s >= {CAPACITY_GAIN} x", ratio >= CAPACITY_GAIN)]


def print_cached(rows: dict, report: dict) -> None:
    print(f"{'page':12} {'requests':>9} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>7} {'hits':>6} {'stale':>6} {'hit p95':>8} {'SQL/hit':>8} {'CPU ms/miss':>12}")  # fmt: skip
    for page in [*PAGES, "token", "registration", "publish"]:
        row = rows.get(page)
        if row is None:
            continue
        tally = report["tally"].get(page, {})
        answered = sum(tally.get(state, 0) for state in ANSWERS)
        hits = tally.get("hit", 0)
        per_hit = f"{tally.get('queries_hit', 0) / hits:.1f}" if hits else "-"
        hit_p95 = percentile(report["times"].get(page, {}).get("hit", []), 0.95)
        print(
            f"{page:12} {row['Request Count']:>9} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7} "
            f"{row['Failure Count']:>7} {(hits / answered if answered else 0):6.0%} "
            f"{(tally.get('stale', 0) / answered if answered else 0):6.0%} {figure(hit_p95):>8} "
            f"{per_hit:>8} {figure(percentile(report['cpu'].get(page, []), 0.5), 1):>12}"
        )


def targets(rows: dict, report: dict, writes: Writes, seconds: int) -> list[tuple[str, bool]]:
    errors = int(rows["Aggregated"]["Failure Count"])
    results = [(f"cached run under writes: zero errors ({errors})", errors == 0)]
    tallies = [report["tally"].get(page, {}) for page in PAGES]
    hits = sum(tally.get("hit", 0) for tally in tallies)
    answered = sum(tally.get(state, 0) for tally in tallies for state in ANSWERS)
    share = hits / answered if answered else 0
    results.append((f"hit rate over the pages, event pages included: {share:.0%} >= 85 %", share >= 0.85))
    for page in PAGES:
        tally = report["tally"].get(page, {})
        p95 = percentile(report["times"].get(page, {}).get("hit", []), 0.95)
        if p95 is None:
            results.append((f"cached {page}: no hits", False))
            continue
        results.append((f"cached {page}: hit p95 {p95:.0f} ms < {CACHED_P95_MS} ms", p95 < CACHED_P95_MS))
        most = tally.get("max_queries_hit", 0)
        results.append((f"cached {page}: at most {most} SQL statements per hit (0)", most == 0))
    if writes.registrations_per_minute:
        row = rows.get("registration", {})
        done = int(row.get("Request Count", 0)) - int(row.get("Failure Count", 0))
        offered = round(writes.registrations_per_minute * seconds / 60)
        results.append((f"{done} registrations of {offered} offered succeeded", done >= 0.9 * offered and done == int(row.get("Request Count", 0))))  # fmt: skip
    if writes.publishes_per_hour:
        row = rows.get("publish", {})
        done = int(row.get("Request Count", 0)) - int(row.get("Failure Count", 0))
        made = int(row.get("Request Count", 0))
        results.append((f"{done} publishes of {made} made succeeded (at least one)", made > 0 and done == made))
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
    parser.add_argument("--users", type=int, default=50, help="visitors of the cached run")
    parser.add_argument("--seconds", type=int, default=60, help="length of the cached run")
    parser.add_argument("--registrations-per-minute", type=float, default=60)
    parser.add_argument("--publishes-per-hour", type=float, default=60)
    parser.add_argument(
        "--steps", default="2,4,6,8,10,15,20,30,40,50,60", help="visitors per capacity step, cache off; 0 skips"
    )
    parser.add_argument("--step-seconds", type=int, default=20)
    # Measured on 2 cores: renders are CPU work under one interpreter lock per process, so a second thread in a
    # busy process makes two renders take turns. 12 x 1: uncached p95 95-140 ms and cached 4-8 ms; 6 x 2:
    # 110-200 ms and 5-7 ms, in runs on the same commit minutes apart.
    parser.add_argument("--workers", type=int, default=12, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    parser.add_argument("--reload-demo", action="store_true", help="load the demo again even if the database has it")
    parser.add_argument("--database", default=DATABASE, help="the bench's own PostgreSQL database (and index prefix)")
    parser.add_argument("--prepare-only", action="store_true", help="prepare the database and index, then stop")
    parser.add_argument("--baseline", help="a git revision whose capacity is measured first, for comparison")
    args = parser.parse_args()

    env = bench_environment(args.database)
    editor = ("bench-editor", secrets.token_urlsafe(24))
    env.update({"LOAD_EDITOR": editor[0], "LOAD_EDITOR_PASSWORD": editor[1]})
    started = time.perf_counter()
    print(f"Preparing {args.database} and its search index", flush=True)
    urls = prepare(env, args.database, args.reload_demo)
    print(f"  {sum(len(urls.get(page, [])) for page in PAGES)} addresses over {len(PAGES)} pages", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    servings = [("working tree", env, urls, ROOT)]
    if args.baseline:
        database = f"{args.database}_baseline"
        print(f"Preparing {database} with the code of {args.baseline}", flush=True)
        root, extracted = checkout(args.baseline)
        baseline_env = bench_environment(database, root)
        baseline_urls = prepare(baseline_env, database, args.reload_demo, root, anew=extracted)
        servings.insert(0, (args.baseline, baseline_env, baseline_urls, root))
    if args.prepare_only:
        return
    writes = Writes(args.registrations_per_minute, args.publishes_per_hour, editor)
    probes, loads = [cpu_probe()], []
    steps = [int(step) for step in args.steps.split(",") if int(step)]
    capacities = {}
    for label, serving_env, serving_urls, root in servings if steps else []:
        print(f"\nCapacity, page cache off, {label} ({args.step_seconds} s per step)", flush=True)
        name = f"uncached-{len(capacities)}"
        with Gunicorn(serving_env, args.workers, args.threads, 0, workdir / f"gunicorn-{name}.log", root) as server:
            warm_up(server.url, serving_urls, args.workers)
            capacities[label] = capacity(server.url, serving_urls, steps, args.step_seconds, workdir, name)
    loads.append(os.getloadavg()[0])
    with Gunicorn(env, args.workers, args.threads, 300, workdir / "gunicorn-cached.log") as server:
        warm_up(server.url, urls, args.workers)
        rows, report = drive(server.url, urls, args.users, args.seconds, workdir, "cached", writes)
        loads.append(os.getloadavg()[0])
    probes.append(cpu_probe())
    print(
        f"\ngunicorn {args.workers} workers × {args.threads} threads, locust on the same {os.cpu_count()} cores; "
        f"machine load average at the end of each phase: {loads[0]:.1f}, {loads[1]:.1f}; "
        f"CPU probe before and after: {probes[0]:.2f} s, {probes[1]:.2f} s (lower is faster)"
    )
    for label, (results, cpu) in capacities.items():
        print_capacity(label, results, cpu)
    if not steps:
        print("\nCapacity steps skipped (--steps 0)")
    print(
        f"\nPage cache on, {args.users} visitors for {args.seconds} s, {args.registrations_per_minute:g} registrations "
        f"a minute and {args.publishes_per_hour:g} publishes an hour offered"
    )
    print_cached(rows, report)
    met_or_missed = targets(rows, report, writes, args.seconds)
    if args.baseline and steps:
        met_or_missed += gain(capacities[args.baseline], capacities["working tree"], args.baseline)
    print("\nTargets")
    for text, met in met_or_missed:
        print(f"  {'met   ' if met else 'MISSED'} {text}")
    print(f"\nWhole run {time.perf_counter() - started:.0f} s; locust CSV and gunicorn logs in {workdir}")


if __name__ == "__main__":
    main()

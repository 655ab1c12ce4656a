"""What every benchmark shares: Django set up for timing, a throwaway PostgreSQL database, timing a URL."""

import os
import statistics
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
warnings.filterwarnings("ignore", message="No directory at")  # WhiteNoise: no collectstatic in a bench run

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


@contextmanager
def throwaway_database(name: str, path: Path | None = None):
    """A fresh, migrated database of its own name, dropped at the end whatever happens.

    PostgreSQL; or SQLite when `path` (the throwaway file) is given and DATABASE_URL names SQLite.
    """
    if connection.vendor != "postgresql" and not (path and connection.vendor == "sqlite"):
        sys.exit('This benchmark runs on PostgreSQL: set DATABASE_URL (eval "$(scripts/services up)").')
    settings.DEBUG = False  # no per-query logging while timing
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    test_name = str(path) if connection.vendor == "sqlite" else f"bench_{name}_{os.getpid()}"
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = test_name
    original_name = settings.DATABASES["default"]["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


def measure(client: Client, url: str, runs: int) -> dict:
    """Median and 95th-percentile render time of `url`, its SQL query count and time, and its size."""
    for _ in range(3):  # warm up caches and template loading
        client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return {
        "p50": statistics.median(times),
        "p95": statistics.quantiles(times, n=20)[18] if runs >= 20 else max(times),
        "queries": len(captured),
        "sql": sum(float(query["time"]) for query in captured.captured_queries) * 1000,
        "kb": len(response.content) / 1024,
    }


def print_table(client: Client, views: list[tuple[str, str]], runs: int) -> None:
    print(f"{runs} renders per view\n")
    print(f"{'view':32} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'SQL ms':>8} {'KiB':>8}")
    for label, url in views:
        view_runs = runs if "export" not in label else max(5, runs // 5)
        figures = measure(client, url, view_runs)
        print(
            f"{label:32} {figures['p50']:8.1f} {figures['p95']:8.1f} {figures['queries']:8d} "
            f"{figures['sql']:8.1f} {figures['kb']:8.0f}"
        )

"""Service checks for /healthz.

Each check reports "up", "down" or "embedded" (no service configured: the
in-process default is in use). Only a configured service that is down makes
the portal unhealthy; a stale worker heartbeat is reported but does not, as a
web node without workers can still serve pages.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from portal.celery import app as celery_app
from portal.models import WorkerHeartbeat
from search.client import get_client, is_configured

CHECK_TIMEOUT = 2.0  # seconds per service
HEARTBEAT_STALE_AFTER = timedelta(minutes=3)


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        result = check()
    except Exception as error:  # noqa: BLE001 - any failure means "down"; the reason is reported
        result = {"status": "down", "error": f"{type(error).__name__}: {error}"[:300]}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"status": "up", "vendor": connection.vendor}


def check_broker() -> dict:
    if not settings.CELERY_BROKER_URL:
        return {"status": "embedded", "detail": "tasks run in-process"}
    with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=0, timeout=CHECK_TIMEOUT)
    return {"status": "up"}


def check_search() -> dict:
    if not is_configured():
        return {"status": "embedded", "detail": "database search"}
    health = get_client().options(request_timeout=CHECK_TIMEOUT).cluster.health()
    if health["status"] == "red":
        return {"status": "down", "error": "cluster health is red"}
    return {"status": "up", "cluster": health["status"]}


def check_worker() -> dict:
    if not settings.CELERY_BROKER_URL:
        return {"status": "embedded"}
    beat = WorkerHeartbeat.objects.filter(name="celery").first()
    if beat is None:
        return {"status": "unknown", "detail": "no heartbeat recorded yet"}
    age = timezone.now() - beat.seen_at
    return {"status": "up" if age < HEARTBEAT_STALE_AFTER else "stale", "last_seen": beat.seen_at.isoformat()}


def run_checks() -> tuple[bool, dict]:
    """(healthy, report). Unhealthy only when a configured service is down."""
    services = {"database": check_database, "broker": check_broker, "search": check_search}
    report = {name: _timed(check) for name, check in services.items()}
    healthy = all(result["status"] != "down" for result in report.values())
    if report["database"]["status"] == "up":
        report["worker"] = _timed(check_worker)
    return healthy, report

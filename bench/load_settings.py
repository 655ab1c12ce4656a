"""Settings for the load bench: production's, served over plain HTTP on loopback, with a query and CPU counter.

`bench/load.py` starts gunicorn with this module (and SECRET_KEY, ALLOWED_HOSTS,
its own database and index prefix in the environment). Everything production
sets stays (DEBUG off, security headers) except the HTTPS redirect and secure
cookies, since the bench speaks HTTP to 127.0.0.1 as a proxy would, and the
static files, which WhiteNoise serves from the apps as in the tests:
collecting and compressing them takes minutes and the bench requests pages
only. The bench's client stands for the proxy in front of the site, so one
X-Forwarded-For entry is trusted (`PORTAL_PROXY_COUNT = 1`): each simulated
registrant sends an address of its own, which the registration limit counts
as a distinct visitor, as it would count visitors behind a real proxy.
"""

import os
import time

from django.db import connection

from portal.settings.production import *  # noqa: F403
from portal.settings.production import CACHES, MIDDLEWARE, STORAGES, env

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WHITENOISE_USE_FINDERS = True
# The bench shares the development Redis: its entries get their own prefix.
CACHES["default"]["KEY_PREFIX"] = env.get("BENCH_CACHE_PREFIX", "bench-load")
# Outermost, so a page from the cache is counted as well (it must say 0).
MIDDLEWARE = ["load_settings.QueryCountMiddleware", *MIDDLEWARE]
PORTAL_PROXY_COUNT = 1


class QueryCountMiddleware:
    """Adds `X-DB-Queries`: how many SQL statements the request ran, cached or not, `X-CPU-Ms`: the CPU time
    this thread spent on it (the server's own accounting: time waiting for the CPU, the database or the cache
    under load is not counted, so hosts of different speed and load can be compared), and `X-Worker`: the
    process that answered, so the bench can warm every worker before it measures."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0
        started = time.thread_time_ns()

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-DB-Queries"] = str(count)
        response["X-CPU-Ms"] = f"{(time.thread_time_ns() - started) / 1e6:.1f}"
        response["X-Worker"] = str(os.getpid())
        return response

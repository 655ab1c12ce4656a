"""Test settings: fast hashing, in-memory cache and mail, tasks run in-process.

Service URLs still come from the environment so that CI runs the suite on
PostgreSQL; tests that need a real Celery worker switch eagerness off
themselves.
"""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PORTAL_PAGE_CACHE_SECONDS = 0  # on only in the page cache's own tests
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = VAR_DIR / "test-media"
# Each test run owns its indexes, whatever else lives in the cluster (or another run at the same time).
ELASTICSEARCH_INDEX_PREFIX = f"portal-test-{os.getpid()}"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the apps, as in development, without a collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Matching by meaning is switched on by the search tests that are about it: embedding every page
# a test saves would cost the whole suite minutes.
SEARCH_EMBEDDING_MODEL = "off"

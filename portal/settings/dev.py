"""Local development and the embedded demo: SQLite, database search, eager Celery."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, VAR_DIR, env

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]

VAR_DIR.mkdir(parents=True, exist_ok=True)
# Off while developing (template edits do not retire cached pages); the environment can turn it on.
PORTAL_PAGE_CACHE_SECONDS = int(env.get("PORTAL_PAGE_CACHE_SECONDS", "0"))

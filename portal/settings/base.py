"""Settings shared by every environment.

Read the environment once; an unset service URL means the embedded default
(SQLite, database search, eager Celery), so a laptop demo and production differ
only in their environment. Never holds a real secret and never turns DEBUG on.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

env = os.environ.copy()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.get("PORTAL_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = env.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in env.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "portal",
    "members",
    "initiatives",
    "search",
    # Demo content above every app; installed everywhere so that `manage.py load_demo` is found.
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # its Swagger UI from local static files; without it the docs page loads from a CDN
    "django_tasks",
    "portal.admin_site.PortalAdminConfig",  # Django's admin, superusers only
    "django.contrib.auth",
    "axes",
    "csp",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Refuses an oversized body by its Content-Length, before anything below reads it.
    "portal.uploads.RequestSizeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Anonymous pages from the cache, before anything reads the session or the database; what
    # is above still runs on a hit (security headers), what is below is kept in the entry.
    "portal.page_cache.PageCacheMiddleware",
    # The site and its settings from the cache rather than two queries per request.
    "portal.site_lookup.SiteLookupMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.csp.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATABASE_URL = env.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "portal.sqlite3",
            # WAL lets the eager worker and the web process read while one writes.
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and Celery broker must never share a Redis database (a broker flush
# would empty the cache and vice versa), so each has its own URL.
CACHE_URL = env.get("CACHE_URL", "")
if CACHE_URL:
    # Everything cached can be recomputed: an unreachable Redis is an empty
    # cache, not an error page (portal.cache), and a hung one costs a request
    # at most a second per call.
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background work ----------------------------------------------------------

CELERY_BROKER_URL = env.get("CELERY_BROKER_URL", "")
# Without a broker, tasks run in-process so the embedded demo needs no services.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Asia/Shanghai"
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis has no consumer heartbeat: a message taken by a worker that died (or
# lost its connection) before acknowledging it stays in Redis's "unacked" set
# and another worker puts it back in the queue once it is older than the
# visibility timeout. So it must be longer than any task takes, or a slow task
# would be handed out twice. A worker that loses only a pool process requeues
# the message at once (reject_on_worker_lost). Fault tests shorten it.
# The socket timeouts bound how long publishing waits on a broker that is
# unreachable rather than refusing (Celery then retries per the policy below).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(env.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
# Publishing retries for about a second and a half (0, 0.5 and 1 s apart): a
# broker restart usually fits in it. Longer, and the web request would hang;
# what is not queued then is caught up by the periodic tasks below (sweeps of
# pending index updates and unsent registration emails).
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 3, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "portal.tasks.record_heartbeat", "schedule": 60.0},
    # Daily; the task itself acts only on MEMBER_REPORT_REMINDER_DATE (and catches up a few days after).
    "member-report-reminders": {
        "task": "members.tasks.send_report_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    # Reminders go out at the times staff chose for each event; a few minutes' slack is fine.
    "event-reminders": {"task": "initiatives.tasks.send_event_reminders", "schedule": 600.0},
    # Each waitlist offer has its own task for when it lapses; this sweep passes on any whose task was lost.
    "expire-waitlist-offers": {"task": "initiatives.events.expire_lapsed_offers", "schedule": 60.0},
    # Catch-ups for work the broker lost (down or restarted when it was queued):
    # registration emails missing after two minutes, and index updates still
    # pending, which reach the search cluster within half a minute of its return.
    "missing-registration-emails": {"task": "initiatives.tasks.send_missing_registration_emails", "schedule": 120.0},
    "pending-search-updates": {"task": "search.tasks.sync_pending_records", "schedule": 30.0},
    # Saved-search alerts at 08:00 in CELERY_TIMEZONE (Asia/Shanghai): daily searches every day,
    # weekly ones on Mondays (the task decides which are due, and catches up after a missed morning).
    "saved-search-alerts": {
        "task": "initiatives.tasks.queue_saved_search_alerts",
        "schedule": crontab(hour=8, minute=0),
    },
}
# Month-day ("MM-DD", in TIME_ZONE) on which companies without a published
# report for the previous year are reminded.
MEMBER_REPORT_REMINDER_DATE = env.get("MEMBER_REPORT_REMINDER_DATE", "03-01")

# Registrations accepted from one address per window (seconds): enough for a
# company behind one gateway, too few for a script filling the waitlist.
EVENT_REGISTRATION_RATE = (int(env.get("EVENT_REGISTRATION_LIMIT", "20")), 600)
# Financier sign-ups accepted from one address per window (seconds).
FINANCIER_SIGNUP_RATE = (int(env.get("FINANCIER_SIGNUP_LIMIT", "10")), 3600)
# Password reset requests on the member and financier areas' pages (portal.password_reset): per
# client address per 15 minutes, and per email address per hour. Over either, the page answers as
# always and sends nothing.
PASSWORD_RESET_ADDRESS_RATE = (int(env.get("PASSWORD_RESET_ADDRESS_LIMIT", "5")), 15 * 60)
PASSWORD_RESET_EMAIL_RATE = (int(env.get("PASSWORD_RESET_EMAIL_LIMIT", "3")), 3600)
# How many reverse proxies sit in front of the site; their X-Forwarded-For
# entries are trusted to find the visitor's address (0: use the connection).
PORTAL_PROXY_COUNT = int(env.get("PORTAL_PROXY_COUNT", "0"))

# Login throttling on every sign-in form (admin, member area, financier area),
# by django-axes: after five failed attempts for one username from one address,
# that pair is locked out for fifteen minutes with a page that says so.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "portal.ratelimit.client_ip"  # the same proxy rule as the other rate limits
AXES_USERNAME_CALLABLE = "portal.ratelimit.login_username"  # fits the attempts table, however long the input
AXES_VERBOSE = False
# Django's defaults (/accounts/login/, /accounts/profile/) do not exist here. Each area's sign-in
# page goes to its own dashboard, and Wagtail's, for private pages and documents, to the person's
# own area (portal.views.SignInView); these serve anything else that signs in or sends to sign in.
LOGIN_URL = "wagtailcore_login"
LOGIN_REDIRECT_URL = "/"


# Wagtail's own background work (reference index, image focal points, file
# deletion) goes through django-tasks: in-process without a broker, on the
# Celery workers with one.
TASKS = {
    "default": {
        "BACKEND": (
            "portal.task_backend.CeleryTaskBackend"
            if CELERY_BROKER_URL
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- Search -----------------------------------------------------------------

ELASTICSEARCH_URL = env.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_TIMEOUT = float(env.get("ELASTICSEARCH_TIMEOUT", "5"))
# A hung cluster would hold each search for the timeout: a visitor's search
# waits SEARCH_CLUSTER_TIMEOUT_SECONDS at most (indexing, ELASTICSEARCH_TIMEOUT);
# while one search has waited longer than SEARCH_CLUSTER_WAIT_SECONDS, the
# others answer from the database, and once the cluster fails, every search
# does for SEARCH_CLUSTER_RETRY_SECONDS before one of them tries it again,
# first asking whether the cluster answers at all, for SEARCH_CLUSTER_TRIAL_SECONDS at most.
SEARCH_CLUSTER_TIMEOUT_SECONDS = float(env.get("SEARCH_CLUSTER_TIMEOUT_SECONDS", "2"))
SEARCH_CLUSTER_WAIT_SECONDS = float(env.get("SEARCH_CLUSTER_WAIT_SECONDS", "1"))
SEARCH_CLUSTER_RETRY_SECONDS = float(env.get("SEARCH_CLUSTER_RETRY_SECONDS", "15"))
SEARCH_CLUSTER_TRIAL_SECONDS = float(env.get("SEARCH_CLUSTER_TRIAL_SECONDS", "0.5"))
# Prefix for every index and alias this deployment owns, so several
# environments (or test runs) can share one cluster.
ELASTICSEARCH_INDEX_PREFIX = env.get("ELASTICSEARCH_INDEX_PREFIX", "portal")
# The public search's backend: "elasticsearch" or "database"; empty means
# Elasticsearch when ELASTICSEARCH_URL is set. The database copy is kept in
# sync either way and answers while the cluster is unreachable.
SEARCH_BACKEND = env.get("SEARCH_BACKEND", "")
# Primary shards of each new index: fixed once it is created, so a change takes
# effect with `search_rebuild` (search_status says the schema changed).
SEARCH_INDEX_SHARDS = env.get("SEARCH_INDEX_SHARDS", "1")
# Replicas: a count ("1") or an auto-expand range ("0-1": one replica as soon as
# a second node is there). Applied by every rebuild; a live index can be changed
# with PUT <alias>/_settings (docs/operations.md).
SEARCH_INDEX_REPLICAS = env.get("SEARCH_INDEX_REPLICAS", "0-1")
# The multilingual sentence encoder of semantic search (search.semantic.encoder):
# "use-multilingual-3", "multilingual-e5-small" (the optional `e5` extra) or "off".
# Its weights ship in its package: nothing is downloaded at run time.
SEARCH_EMBEDDING_MODEL = env.get("SEARCH_EMBEDDING_MODEL", "use-multilingual-3")
# Matching by meaning (search.ranking.Meaning): a record counts when its closest passage is at least
# SEARCH_SEMANTIC_FLOOR similar to the query (cosine) and within SEARCH_SEMANTIC_MARGIN of the closest
# record's, for the active model. Chosen on the relevance bench (bench/README.md).
SEARCH_SEMANTIC_FLOOR = float(env.get("SEARCH_SEMANTIC_FLOOR", "0.15"))
SEARCH_SEMANTIC_MARGIN = float(env.get("SEARCH_SEMANTIC_MARGIN", "0.15"))

# Whole anonymous pages kept in the cache for this many seconds (0: off), retired
# by the changes that show on them (portal.page_cache); the TTL bounds what time
# alone changes (upcoming events becoming past).
PORTAL_PAGE_CACHE_SECONDS = int(env.get("PORTAL_PAGE_CACHE_SECONDS", "300"))
# While one request renders a retired page again, others get the retired copy for at most
# this long (0: every request renders it), so a change does not have every visitor render at once.
PORTAL_PAGE_CACHE_GRACE_SECONDS = int(env.get("PORTAL_PAGE_CACHE_GRACE_SECONDS", "10"))
# Retired pages rendered again at once, site-wide: more would keep every worker busy after a publish.
PORTAL_PAGE_CACHE_RENDERS = int(env.get("PORTAL_PAGE_CACHE_RENDERS", "4"))

# Wagtail's admin search stays on the database: editors can work while the
# cluster is down, and the public full-text search is our own service.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Internationalisation ------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# --- Files ------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 behaviour: "example.org" means https://
FILE_UPLOAD_PERMISSIONS = 0o644

# --- Uploads (see portal/uploads.py) ------------------------------------------

MB = 1024 * 1024
# Form fields other than files, held in memory: Django refuses more with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * MB)
# An uploaded file above this size goes to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * MB)
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(env.get("WAGTAILDOCS_MAX_UPLOAD_SIZE", 50 * MB))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(env.get("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 20 * MB))
MEMBER_EVIDENCE_MAX_UPLOAD_SIZE = int(env.get("MEMBER_EVIDENCE_MAX_UPLOAD_SIZE", 20 * MB))
# The whole request body, refused with a 413 by its Content-Length before it is
# read: the largest file a path takes, plus room for the rest of its form. Any
# other path takes DATA_UPLOAD_MAX_MEMORY_SIZE.
REQUEST_BODY_LIMITS = {
    "/admin/": max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE) + MB,
    "/members/": MEMBER_EVIDENCE_MAX_UPLOAD_SIZE + MB,
}
# Images past this many pixels are refused on upload, and Pillow refuses to open
# twice as many anywhere (decompression bombs; portal.uploads.limit_pillow_pixels).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
# No SVG: it can carry script. Wagtail checks each file's format against its extension.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Documents are always streamed by Wagtail's view, which applies collection
# privacy; their files are never served from /media/ (see portal.urls).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "htm", "html", "pdf", "pptx", "txt", "xlsx"]
# Only PDFs open in the browser; anything else (HTML included) is a download,
# sent with "Content-Security-Policy: default-src 'none'; sandbox" (portal.csp).
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# Refuses a document whose bytes are not what its extension says.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.DocumentForm"

# --- Content-Security-Policy (see portal/csp.py) ---------------------------------

# Public pages run only the site's own static scripts and styles: no inline
# code and no nonces, so a page from a shared cache is as safe as a fresh one.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Wagtail's and Django's admins write inline scripts and styles, so they get a
# relaxed policy; Wagtail's preview frames the page inside the admin ('self').
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
CSP_ADMIN_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# --- Email ------------------------------------------------------------------

EMAIL_HOST = env.get("EMAIL_HOST", "")
EMAIL_PORT = int(env.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.get("EMAIL_USE_TLS", "true").lower() == "true"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Carbon Neutrality Alliance <noreply@example.org>")
SERVER_EMAIL = env.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Wagtail ----------------------------------------------------------------

WAGTAIL_SITE_NAME = "Carbon Neutrality Alliance"
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no calls home from the admin
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # nor to Gravatar: avatars are uploaded, or the default (and CSP is 'self')
WAGTAIL_MODERATION_ENABLED = True
# The admin's password reset mails staff accounts only: representatives and financiers reset on
# their own area's page, so their links never lead into /admin/ (portal.password_reset).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "portal.password_reset.StaffPasswordResetForm"  # noqa: S105 (a class path)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    # Per-task and per-page chatter drowns out what matters in command output.
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("elastic_transport", "django_tasks", "wagtail", "kombu", "celery.app.trace")
    },
}

"""A shared cache of whole public pages for anonymous visitors, answered before Wagtail routes the request.

Why not the alternatives:

- Wagtail's `{% wagtailcache %}` / `{% wagtailpagecache %}` cache fragments of a
  template; by the time a template runs, Wagtail has already queried the
  database to find the site and the page, so a page served that way is never
  free of SQL.
- Django's `UpdateCacheMiddleware`/`FetchFromCacheMiddleware` key an entry on
  the raw `Accept-Language` and `Cookie` headers (one copy per browser
  language and per signed-in visitor), have no way to drop every entry when
  content changes short of emptying the whole cache (which also holds the rate
  limits), and set `Expires`/`max-age` on the response, so browsers would keep
  pages that must change at once on publish.

So this middleware keeps a full response per (scheme, host, language, path,
sorted query string) under a *generation* number. Any change that can show on
a public page (publishing, unpublishing, moving or deleting a page; saving or
deleting a snippet, a company's pledge, a registration, a synonym, a setting)
bumps the generation after its transaction commits, which retires every entry
at once; the TTL bounds what no signal reports (time passing: an event moving
from upcoming to past, a registration deadline). A generation rather than
per-page invalidation because one change shows on many pages (menus, listings,
tracker totals, search results), and working out which is where bugs hide.

What is kept and served:

- Only GET/HEAD requests outside the personal and admin areas.
- An entry is *stored* only from a request that carried no cookie at all, so
  nothing in it can belong to anyone; it is *served* only to requests whose
  cookies cannot change a page (the CSRF and language cookies: the language
  comes from the address). A session or a pending message bypasses the cache.
- Only a 200 that sets no cookie (a page that used a CSRF token sets one for a
  cookieless visitor: a cached token would be everyone's), is not marked
  private/no-store/no-cache, and varies on nothing but Cookie (handled by the
  rule above) and Accept-Language (the key holds the resolved language).

`X-Cache: hit|miss` says what happened; `PORTAL_PAGE_CACHE_SECONDS = 0` turns it off.
"""

import hashlib
import time
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from celery.signals import task_success
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, patch_vary_headers
from django.utils.translation import get_language_from_path
from wagtail.images.models import AbstractRendition
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "page-cache:generation"
# A generation rarely lives this long; the bound only frees memory.
KEPT_SECONDS = 24 * 60 * 60
# Areas whose pages are personal, streamed with permission checks, or admin; the open data
# API mixes public reads with a representative's own drafts under one prefix, so it is left
# to answer every request itself.
EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/documents/",
    "/members/",
    "/financiers/",
    "/registrations/",
    "/i18n/",
    "/_util/",
    "/healthz",
    "/static/",
    "/media/",
)
# Vary headers a stored page may carry: see the module docstring.
HARMLESS_VARY = {"cookie", "accept-language"}
UNCACHEABLE_CONTROL = {"private", "no-store", "no-cache"}


def timeout() -> int:
    return int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0))


def generation() -> int | None:
    """The current generation, or None while the cache is unreachable (portal.cache reads it as empty)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Lost (evicted, or a fresh cache): start from the clock so no old entry can come back.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return None if value is None else int(value)


def request_generation(request: HttpRequest) -> int | None:
    """The generation as this request first saw it: one cache round trip however many parts ask."""
    if not hasattr(request, "_portal_generation"):
        request._portal_generation = generation()
    return request._portal_generation


def kept_per_generation(request: HttpRequest, key: str, build: Callable[[], object]) -> object:
    """`build()`, kept in the cache until content next changes: for data every page shows (`portal.chrome`,
    `portal.site_lookup`). Built afresh for each request while the cache is unreachable."""
    number = request_generation(request)
    if number is None:
        return build()
    key = f"{key}:{number}"
    kept = cache.get(key)
    if kept is None:
        kept = build()
        cache.set(key, kept, KEPT_SECONDS)
    return kept


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: the next lookup starts one from the clock
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate() -> None:
    """Retire every cached page and header (`portal.chrome`) once the current transaction commits (at once outside one).

    Before the commit would be too early: a request could still read the old
    rows and store them under the new generation. Whether or not whole pages
    are cached: the header and footer links always are.
    """
    transaction.on_commit(bump_generation)


def _unprefixed(path: str) -> str:
    language = get_language_from_path(path)
    return path.removeprefix(f"/{language}") if language else path


def _cookies_allowed(request: HttpRequest) -> bool:
    harmless = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return set(request.COOKIES) <= harmless


def is_eligible_request(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and _cookies_allowed(request)
        and "HTTP_AUTHORIZATION" not in request.META  # a token may see more than the public
        and not _unprefixed(request.path).startswith(EXCLUDED_PREFIXES)
    )


def is_storable(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or request.COOKIES or response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:  # SessionMiddleware, above, will set a cookie for it
        return False
    control = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if control & UNCACHEABLE_CONTROL:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    return vary <= HARMLESS_VARY


def cache_key(request: HttpRequest, generation_number: int) -> str:
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)))
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    identity = "\n".join((request.scheme, request.get_host(), language, request.path, query))
    return f"page-cache:{generation_number}:{hashlib.sha256(identity.encode()).hexdigest()}"


class PageCacheMiddleware:
    """Goes after LocaleMiddleware (the key needs the language) and before anything that reads the session.

    Middleware above it still runs on a hit, so security headers are added to cached pages too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = timeout()
        if not seconds or not is_eligible_request(request):
            return self.get_response(request)
        number = request_generation(request)
        if number is None:  # no cache to keep pages in just now: render them
            return self.get_response(request)
        key = cache_key(request, number)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            # What the cache answers depends on the cookies sent (a session bypasses it), as the page
            # itself did through the session it read: a proxy must not give a hit to a signed-in visitor.
            patch_vary_headers(response, ["Cookie"])
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_storable(request, response):
            cache.set(key, (response.status_code, dict(response.items()), response.content), seconds)
        response["X-Cache"] = "miss"
        return response


# --- Invalidation ----------------------------------------------------------------

# Models whose rows never show on a public page and change often (sessions,
# login throttling, logs, drafts, workflow bookkeeping, editors' live
# sessions, renditions made while rendering): saving them must not retire the
# whole cache. Everything else does: a model missing from this list costs a
# few cache misses, a model wrongly on it serves stale pages.
QUIET_MODELS = {
    "admin.logentry",
    "contenttypes.contenttype",
    "initiatives.alertdigest",
    "initiatives.alertitem",
    "initiatives.financieremail",
    "initiatives.registrationemail",
    "initiatives.savedsearch",
    "members.notificationlog",
    "portal.workerheartbeat",
    "sessions.session",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtailembeds.embed",
    "wagtailusers.userprofile",
}
QUIET_APPS = {"axes", "wagtailadmin", "wagtailsearch"}
# Signing in writes last_login and nothing a page shows.
QUIET_FIELDS = {"last_login"}


def _is_quiet(sender) -> bool:
    meta = sender._meta
    return meta.app_label in QUIET_APPS or meta.label_lower in QUIET_MODELS or issubclass(sender, AbstractRendition)


def on_model_changed(sender, raw=False, update_fields=None, **kwargs) -> None:
    if raw or _is_quiet(sender) or (update_fields is not None and set(update_fields) <= QUIET_FIELDS):
        return
    invalidate()


def on_content_signal(sender=None, **kwargs) -> None:
    invalidate()


def on_task_success(sender=None, **kwargs) -> None:
    """An index write reaches search pages after the sync task, not after the commit that queued it.

    Elasticsearch makes it searchable within its one-second refresh; a search
    cached in that second keeps the old hits for at most the TTL.
    """
    if getattr(sender, "name", "") == "search.tasks.sync_record":
        invalidate()


def connect_invalidation() -> None:
    post_save.connect(on_model_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(on_model_changed, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(on_model_changed, dispatch_uid="page_cache_m2m_changed")
    # Saves come with these too, but unpublishing descendants and moves also write with bulk updates.
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(on_content_signal, dispatch_uid=f"page_cache_{id(signal)}")
    task_success.connect(on_task_success, dispatch_uid="page_cache_task_success")

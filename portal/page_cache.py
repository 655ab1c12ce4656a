"""A shared cache of whole public pages for anonymous visitors, answered before Wagtail routes the request.

Why not the alternatives:

- Wagtail's `{% wagtailcache %}` / `{% wagtailpagecache %}` cache fragments of a
  template; by the time a template runs, Wagtail has already queried the
  database to find the site and the page, so a page served that way is never
  free of SQL.
- Django's `UpdateCacheMiddleware`/`FetchFromCacheMiddleware` key an entry on
  the raw `Accept-Language` and `Cookie` headers (one copy per browser
  language and per signed-in visitor), have no way to drop the entries a
  change affects short of emptying the whole cache (which also holds the rate
  limits), and set `Expires`/`max-age` on the response, so browsers would keep
  pages that must change at once on publish.

So this middleware keeps a full response per (scheme, host, language, path,
sorted query string), with the *tags* of what the page was built from, as
Varnish and Fastly surrogate keys do: `event:42`, `events`, `company:<slug>`,
`tracker`, `library`, `search`. Each tag has a version number in the cache; an
entry is served only while every tag version it was stored with is unchanged
(one `get_many`). A change bumps the versions of the tags it touches after
its transaction commits (a registration: its event's page, not the tracker or
the library), so it retires exactly the entries that show it.

- Views and pages declare their tags where they render (`depends_on`), before
  they read what the tags stand for, so a change committed during the render
  retires the entry being stored.
- Every entry also carries the *global* tag: what shows on every page (menus,
  site settings, the page tree: a page published, moved or deleted) and any
  change no app has mapped to tags bumps it and retires everything, as does
  `bump_generation`.
- An entry whose page declared nothing is retired by every change, tagged or
  not: a page nobody tagged is never served stale.
- Apps map their models to tags from `AppConfig.ready()` (`register_tags`);
  the TTL bounds what no signal reports (time passing: an event moving from
  upcoming to past, a registration deadline).

What is kept and served:

- Only GET/HEAD requests outside the personal and admin areas.
- An entry is *stored* only from a request that carried no cookie at all, so
  nothing in it can belong to anyone; it is *served* only to requests whose
  cookies cannot change a page (the CSRF and language cookies: the language
  comes from the address). A session or a pending message bypasses the cache.
- Only a 200 that sets no cookie (a page that used a CSRF token sets one for a
  cookieless visitor: a cached token would be everyone's; the event page's
  form gets its token from an uncached endpoint instead), is not marked
  private/no-store/no-cache, and varies on nothing but Cookie (handled by the
  rule above) and Accept-Language (the key holds the resolved language).

A retired entry is not thrown away at once. The first request for it takes
a short lock and renders the page again; while it does, other visitors of
that page get the retired copy (`X-Cache: stale`), as Varnish's grace and
nginx's `proxy_cache_lock` with `proxy_cache_use_stale updating` do. And the
site renders at most `PORTAL_PAGE_CACHE_RENDERS` retired pages at once:
past that, a retired page is served as it was until a render is free. Either
way a retired copy is served for at most `PORTAL_PAGE_CACHE_GRACE_SECONDS`
from the first time it was. Without this, a change that shows everywhere (a
page published) would have every worker render at once, the visitors of
cached pages queueing behind them, and a registration drive would render its
event page once per visitor rather than once per registration.

Entries keep the body gzipped, compressed once when stored: a visitor whose
browser accepts gzip gets those bytes as they are (a company page of 97 KB
travels as 12 KB), any other client the unpacked page, and the cache
holds a seventh of the memory.

`X-Cache: hit|stale|miss` says what happened; `PORTAL_PAGE_CACHE_SECONDS = 0` turns it off.
"""

import contextlib
import gzip
import hashlib
import re
import time
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, urlencode

from celery.signals import task_success
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language_from_path
from wagtail.images.models import AbstractRendition
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GLOBAL = "global"
# Bumped by every change: the tag of entries whose page declared none.
ANY_CHANGE = "any-change"
# How many retired pages the site is rendering again just now.
RENDERS_KEY = "page-cache:renders"
TAG_PREFIX = "page-cache:tag:"
# Kept data rarely lives this long; the bound only frees memory.
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
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as Django's GZipMiddleware reads Accept-Encoding


def timeout() -> int:
    return int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0))


def grace() -> int:
    return int(getattr(settings, "PORTAL_PAGE_CACHE_GRACE_SECONDS", 0))


# --- Tags ----------------------------------------------------------------------


def _tag_key(tag: str) -> str:
    return f"{TAG_PREFIX}{tag}"


def _read_versions(found: dict, tags: Iterable[str]) -> dict[str, int] | None:
    """{tag: version} from a get_many answer, starting lost tags from the clock (so no old entry can come back);
    None while the cache is unreachable."""
    versions, missing = {}, []
    for tag in tags:
        value = found.get(_tag_key(tag))
        if value is None:
            missing.append(tag)
        else:
            versions[tag] = int(value)
    if missing:
        start = time.time_ns()
        for tag in missing:
            cache.add(_tag_key(tag), start, timeout=None)
        again = cache.get_many([_tag_key(tag) for tag in missing])
        for tag in missing:
            if _tag_key(tag) not in again:
                return None
            versions[tag] = int(again[_tag_key(tag)])
    return versions


def tag_versions(tags: Iterable[str]) -> dict[str, int] | None:
    tags = list(dict.fromkeys(tags))
    return _read_versions(cache.get_many([_tag_key(tag) for tag in tags]), tags)


def _base_versions(request: HttpRequest, found: dict | None = None) -> dict[str, int] | None:
    """The global and any-change versions as this request first saw them: one round trip however many parts ask."""
    if not hasattr(request, "_page_cache_base"):
        if found is None:
            found = cache.get_many([_tag_key(GLOBAL), _tag_key(ANY_CHANGE)])
        request._page_cache_base = _read_versions(found, (GLOBAL, ANY_CHANGE))
    return request._page_cache_base


def request_generation(request: HttpRequest) -> int | None:
    """The global version this request started with, or None while the cache is unreachable."""
    versions = _base_versions(request)
    return None if versions is None else versions[GLOBAL]


def kept_per_generation(request: HttpRequest, key: str, build: Callable[[], object]) -> object:
    """`build()`, kept in the cache until the next change that shows everywhere: for data every page shows
    (`portal.chrome`, `portal.site_lookup`). Built afresh for each request while the cache is unreachable."""
    number = request_generation(request)
    if number is None:
        return build()
    key = f"{key}:{number}"
    kept = cache.get(key)
    if kept is None:
        kept = build()
        cache.set(key, kept, KEPT_SECONDS)
    return kept


def kept_per_tags(key: str, tags: Iterable[str], build: Callable[[], object]) -> object:
    """`build()`, kept in the cache until any of `tags` is bumped or a change that shows everywhere: for data
    derived from many rows that several pages show (a sector's ranking on each of its companies' pages). The
    versions are read before building, so a change committed meanwhile retires what is stored. Built afresh
    while the cache is unreachable."""
    versions = tag_versions([GLOBAL, *tags])
    if versions is None:
        return build()
    key = ":".join([key, *(f"{tag}={number}" for tag, number in sorted(versions.items()))])
    kept = cache.get(key)
    if kept is None:
        kept = build()
        cache.set(key, kept, KEPT_SECONDS)
    return kept


def depends_on(request: HttpRequest | None, *tags: str) -> None:
    """Declare what the page being rendered shows, before reading it: its cache entry is retired when any of
    these tags is bumped (or the global one), and no longer by every change. Without tags: the page shows
    nothing beyond what every page shows. A no-op for requests whose page will not be stored."""
    declared = getattr(request, "_page_cache_tags", None)
    if declared is None:
        return
    request._page_cache_declared = True
    new = [tag for tag in tags if tag not in declared]
    if new:
        versions = tag_versions(new)
        if versions is None:  # unreachable: nothing will be stored
            request._page_cache_tags = None
            return
        declared.update(versions)


def _bump(tags: Iterable[str]) -> None:
    for tag in tags:
        try:
            cache.incr(_tag_key(tag))
        except ValueError:  # lost or never read: the next lookup starts it from the clock
            cache.add(_tag_key(tag), time.time_ns(), timeout=None)


def bump_generation() -> None:
    """Retire every cached page and every kept piece of data, at once."""
    _bump((GLOBAL,))


def bump_tags(*tags: str) -> None:
    """Retire the entries that show any of these tags, and those whose page declared none, at once."""
    _bump((*tags, ANY_CHANGE))


def invalidate(*tags: str) -> None:
    """Retire the entries showing `tags` (without tags: everything) once the current transaction commits
    (at once outside one).

    Before the commit would be too early: a request could still read the old
    rows and store them under the new versions.
    """
    if tags:
        transaction.on_commit(lambda: bump_tags(*tags))
    else:
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


def cache_key(request: HttpRequest) -> str:
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)))
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    identity = "\n".join((request.scheme, request.get_host(), language, request.path, query))
    # "gz": entries hold gzipped bodies (an entry of the earlier, plain form is never read as one).
    return f"page-cache:gz:{hashlib.sha256(identity.encode()).hexdigest()}"


def _still_valid(stored_versions: dict[str, int], base: dict[str, int]) -> bool:
    others = [tag for tag in stored_versions if tag not in base]
    current = dict(base)
    if others:
        versions = tag_versions(others)
        if versions is None:
            return False
        current.update(versions)
    return all(current.get(tag) == version for tag, version in stored_versions.items())


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
        key = cache_key(request)
        # The entry and the versions every entry carries in one round trip.
        found = cache.get_many([key, _tag_key(GLOBAL), _tag_key(ANY_CHANGE)])
        base = _base_versions(request, found)
        if base is None:  # no cache to keep pages in just now: render them
            return self.get_response(request)
        stored = found.get(key)
        claimed = None
        if stored is not None:
            versions, status, headers, content = stored
            if _still_valid(versions, base):
                return _from_cache(request, status, headers, content, "hit")
            if grace():
                claimed = _claim_render(key)
                if claimed is None:
                    return _from_cache(request, status, headers, content, "stale")
        try:
            response = self._render(request, key, base, seconds)
        finally:
            if claimed is not None:
                _release_render(key, holds_lock_and_slot=claimed)
        response["X-Cache"] = "miss"
        # The same address is answered gzipped from the cache: a shared cache between must keep the two apart.
        patch_vary_headers(response, ["Accept-Encoding"])
        return response

    def _render(self, request: HttpRequest, key: str, base: dict[str, int], seconds: int) -> HttpResponse:
        request._page_cache_tags = {GLOBAL: base[GLOBAL]}
        request._page_cache_declared = False
        response = self.get_response(request)
        declared = request._page_cache_tags
        if declared is not None and is_storable(request, response):
            versions = declared if request._page_cache_declared else {**declared, ANY_CHANGE: base[ANY_CHANGE]}
            entry = (versions, response.status_code, dict(response.items()), compress_string(response.content))
            cache.set(key, entry, seconds)
        return response


def _claim_render(key: str) -> bool | None:
    """None: this request gets the retired copy of `key`, since another request renders it, or the site already
    renders `PORTAL_PAGE_CACHE_RENDERS` retired pages. Otherwise it renders the page again: True when it took
    the entry's lock and a render slot for that, False when the retired copy has been served for the whole
    grace, so it renders whatever else is under way."""
    now, seconds = time.time(), grace()
    cache.add(f"{key}:stale-since", now, timeout=2 * seconds)
    if now - float(cache.get(f"{key}:stale-since", now)) >= seconds:
        return False
    if not cache.add(f"{key}:rendering", 1, timeout=seconds):
        return None
    if not _take_render_slot():
        cache.delete(f"{key}:rendering")
        return None
    return True


def _take_render_slot() -> bool:
    cache.add(RENDERS_KEY, 0, timeout=grace())  # lapses: a render whose worker died holds no slot for long
    try:
        taken = cache.incr(RENDERS_KEY)
    except ValueError:  # lapsed just now
        return True
    if taken > int(getattr(settings, "PORTAL_PAGE_CACHE_RENDERS", 4)):
        _give_render_slot()
        return False
    return True


def _give_render_slot() -> None:
    with contextlib.suppress(ValueError):  # lapsed meanwhile
        cache.decr(RENDERS_KEY)


def _release_render(key: str, holds_lock_and_slot: bool) -> None:
    if holds_lock_and_slot:
        cache.delete(f"{key}:rendering")
        _give_render_slot()
    cache.delete(f"{key}:stale-since")


def _from_cache(request: HttpRequest, status: int, headers: dict, gzipped: bytes, state: str) -> HttpResponse:
    """The stored page: its gzipped body as it is to a client that accepts gzip (every browser), unpacked for one
    that does not. No kept page holds a secret (no CSRF token, nothing of a visitor), so compressing it gives
    BREACH nothing to find."""
    if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(gzipped, status=status, headers=headers)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(gzipped), status=status, headers=headers)
    # What the cache answers depends on the cookies sent (a session bypasses it), as the page
    # itself did through the session it read: a proxy must not give a hit to a signed-in visitor.
    patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
    response["X-Cache"] = state
    return response


# --- Invalidation ----------------------------------------------------------------

# Models whose rows never show on a public page and change often (sessions,
# login throttling, logs, drafts, workflow bookkeeping, editors' live
# sessions, renditions made while rendering): saving them must not retire
# anything. Everything else does: a model missing from this list and from
# `register_tags` retires every entry, a model wrongly on it serves stale pages.
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

# {model label: function(instance) -> the tags a change of that row retires}, filled by the apps.
_tags_for_model: dict[str, Callable[[object], Iterable[str]]] = {}


def register_tags(label: str, tags_for: Callable[[object], Iterable[str]]) -> None:
    """Map a model ("app_label.model_name") to the tags its changes retire, rather than every entry."""
    _tags_for_model[label.lower()] = tags_for


def _is_quiet(sender) -> bool:
    meta = sender._meta
    return meta.app_label in QUIET_APPS or meta.label_lower in QUIET_MODELS or issubclass(sender, AbstractRendition)


def on_model_changed(sender, instance=None, raw=False, update_fields=None, **kwargs) -> None:
    if raw or _is_quiet(sender) or (update_fields is not None and set(update_fields) <= QUIET_FIELDS):
        return
    tags_for = _tags_for_model.get(sender._meta.label_lower)
    tags = list(tags_for(instance)) if tags_for is not None and instance is not None else []
    invalidate(*tags)  # unmapped: everything


def on_content_signal(sender=None, **kwargs) -> None:
    """Page publishing, unpublishing and moves change menus, listings and links everywhere: everything goes."""
    invalidate()


def on_task_success(sender=None, **kwargs) -> None:
    """An index write reaches search pages after the sync task, not after the commit that queued it.

    Elasticsearch makes it searchable within its one-second refresh; a search
    cached in that second keeps the old hits for at most the TTL.
    """
    if getattr(sender, "name", "") == "search.tasks.sync_record":
        invalidate("search")


def connect_invalidation() -> None:
    post_save.connect(on_model_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(on_model_changed, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(on_model_changed, dispatch_uid="page_cache_m2m_changed")
    # Saves come with these too, but unpublishing descendants and moves also write with bulk updates.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_content_signal, dispatch_uid=f"page_cache_{id(signal)}")
    # Snippets and reviewed rows (pledges, documents): their saves say what they show.
    for signal in (published, unpublished):
        signal.connect(on_model_changed_by_publish, dispatch_uid=f"page_cache_{id(signal)}")
    task_success.connect(on_task_success, dispatch_uid="page_cache_task_success")


def on_model_changed_by_publish(sender, instance=None, **kwargs) -> None:
    on_model_changed(type(instance) if instance is not None else sender, instance=instance)

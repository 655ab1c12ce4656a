"""The request's Wagtail site and its identity settings, kept in the cache per host and content generation.

Wagtail finds both with a query each on every request: the site by hostname
and port (a query with a CASE expression that costs more to build than to
run), then the settings row. Both change only when an editor changes content,
which bumps the page cache's generation (`portal.page_cache`), so that number in
the key retires them at once. Wagtail reads what this middleware leaves on
the request (`_wagtail_site`, and the settings' own per-request attribute).
The site's home page is kept in its own type, which routing would otherwise
query for on every request.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site

from portal import page_cache
from portal.models.site_settings import SiteIdentity

# Paths that show no site header (the API, admin, files, health checks): they look the site up
# themselves if they need it, and a request for the API schema needs no database at all.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/documents/", "/static/", "/media/", "/healthz", "/_util/")


def _find(request: HttpRequest):
    site = Site._find_for_request(request)
    if site is None:
        return None, None
    # Kept as its own page type: routing every request starts from it, with a query otherwise.
    site.root_page = site.root_page.specific
    return site, SiteIdentity.for_site(site)


def remember_site(request: HttpRequest) -> None:
    if page_cache.request_generation(request) is None:  # no cache reachable: Wagtail looks them up itself
        return
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"site:{hostname}:{request.get_port()}"
    site, identity = page_cache.kept_per_generation(request, key, lambda: _find(request))
    request._wagtail_site = site
    if identity is not None:
        identity._request = request  # as SiteIdentity.for_request leaves it: page links use the request
        setattr(request, SiteIdentity.get_cache_attr_name(), identity)


class SiteLookupMiddleware:
    """Goes below the page cache, which answers its hits without either."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(SKIPPED_PREFIXES):
            remember_site(request)
        return self.get_response(request)

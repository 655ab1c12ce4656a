"""The links every page's header and footer show, kept as plain data per site, language and content generation.

Built from the database they cost five queries and some URL routing on every
page (about a quarter of a small page's render). They change only with content,
and any content change bumps the page cache's generation (`portal.page_cache`),
so that number in the key retires them exactly when a page could differ. The
current-page marks in the menu depend on the request and are worked out per
request from these hrefs.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Site

from portal import page_cache
from portal.models.site_settings import SiteIdentity


@dataclass(frozen=True)
class ChromeLink:
    href: str
    label: str


@dataclass(frozen=True)
class Chrome:
    home_url: str
    menu: tuple[ChromeLink, ...]
    footer: tuple[ChromeLink, ...]


def _build(request: HttpRequest, site: Site | None) -> Chrome:
    if site is None:
        return Chrome("/", (), ())
    identity = SiteIdentity.for_request(request)
    return Chrome(
        home_url=site.root_page.localized.get_url(request) or "/",
        menu=tuple(ChromeLink(link.href, link.label) for link in identity.menu_links),
        footer=tuple(ChromeLink(link.href, link.label) for link in identity.footer_link_list),
    )


def for_request(request: HttpRequest) -> Chrome:
    if not hasattr(request, "_portal_chrome"):
        site = Site.find_for_request(request)
        key = f"chrome:{site.pk if site else 0}:{request.scheme}:{get_language()}"
        request._portal_chrome = page_cache.kept_per_generation(request, key, lambda: _build(request, site))
    return request._portal_chrome

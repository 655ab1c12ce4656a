"""Template tags for the public site: language switcher, navigation state, breadcrumbs, anchors.

Load with ``{% load portal_tags %}``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils.text import slugify
from django.utils.translation import get_language, get_language_from_path, get_language_info
from wagtail.models import Page

from portal import chrome, page_cache

register = template.Library()

# How each language names itself in the switcher (never translated).
LANGUAGE_LABELS = {"en": "English", "zh-hans": "中文"}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    label: str
    url: str | None
    """The current page in this language when a live translation exists, else None."""
    next: str
    """The unprefixed address the visitor lands on in this language when there is no ``url``."""
    absolute_url: str | None
    is_current: bool

    @property
    def switch_url(self) -> str:
        """Where the switcher sends the visitor: the translation, else ``next`` in this language.

        A plain link, as ``set_language`` would redirect (the address decides the language, so no
        cookie is needed): a form would need a CSRF token, which keeps a page out of shared caches.
        """
        if self.url:
            return self.url
        return self.next if self.code == settings.LANGUAGE_CODE else f"/{self.code}{self.next}"


def unprefixed_path(path: str) -> str:
    """``path`` without its leading language prefix (``/zh-hans/about/`` -> ``/about/``).

    ``set_language`` resolves ``next`` in the default language and then reverses it in the
    chosen one, so it must be given the unprefixed form or it would add a second prefix.
    """
    code = get_language_from_path(path)
    if code and path.startswith(f"/{code}/"):
        return path[len(code) + 1 :]
    if code and path == f"/{code}":
        return "/"
    return path


def _is_page(value: object) -> bool:
    return isinstance(value, Page) and value.pk is not None


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[LanguageLink]:
    """One entry per language in settings.LANGUAGES, for the switcher and hreflang links."""
    request: HttpRequest | None = context.get("request")
    page = context.get("page")
    current = get_language()
    # Used twice per page (hreflang links and the switcher): work it out once per request.
    cache_key = (page.pk if _is_page(page) else None, current)
    cache: dict = getattr(request, "_portal_language_links", {}) if request is not None else {}
    if cache_key in cache:
        return cache[cache_key]

    translations: dict[str, tuple[str | None, str | None]] = {}
    if _is_page(page):
        translations = translation_urls(page, request)

    if request is None or _is_page(page):
        # A Wagtail page with no translation: the home page in the chosen language.
        fallback_next = "/"
    else:
        # Any other view: the same address in the chosen language.
        fallback_next = unprefixed_path(request.path)
        if request.META.get("QUERY_STRING"):
            fallback_next += "?" + request.META["QUERY_STRING"]

    links = []
    for code, _name in settings.LANGUAGES:
        url, absolute = translations.get(code, (None, None))
        label = LANGUAGE_LABELS.get(code) or get_language_info(code)["name_local"]
        links.append(LanguageLink(code, label, url, fallback_next, absolute, code == current))
    if request is not None:
        cache[cache_key] = links
        request._portal_language_links = cache
    return links


def translation_urls(page: Page, request: HttpRequest | None) -> dict[str, tuple[str | None, str | None]]:
    """{language code: (URL, absolute URL)} of the page's live translations, itself included; kept until
    content next changes, since every page asks (hreflang links and the switcher)."""

    def build() -> dict[str, tuple[str | None, str | None]]:
        return {
            translation.locale.language_code: (translation.get_url(request), translation.get_full_url(request))
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }

    if request is None:
        return build()
    # The URLs hold the scheme and host the page was asked for.
    key = f"translation-urls:{request.scheme}:{request.get_host()}:{page.pk}"
    return page_cache.kept_per_generation(request, key, build)


@register.simple_tag(takes_context=True)
def nav_current(context: template.Context, href: str) -> str:
    """The aria-current value for a navigation link: "page", "true" (a section we are in) or ""."""
    request: HttpRequest | None = context.get("request")
    if request is None or not href:
        return ""
    parts = urlsplit(href)
    if parts.netloc and parts.netloc != request.get_host():
        return ""
    target, path = parts.path, request.path
    if not target.startswith("/"):
        return ""
    if path == target:
        return "page"
    # A home page ("/" or "/zh-hans/") is an ancestor of everything; only its own URL counts.
    if target.endswith("/") and unprefixed_path(target) != "/" and path.startswith(target):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def site_chrome(context: template.Context) -> chrome.Chrome:
    """The home, menu and footer links of the request's site in the visitor's language."""
    request: HttpRequest | None = context.get("request")
    return chrome.for_request(request) if request is not None else chrome.Chrome("/", (), ())


@register.simple_tag(takes_context=True)
def home_url(context: template.Context) -> str:
    """The URL of the site's home page in the visitor's language."""
    return site_chrome(context).home_url


@register.simple_tag(takes_context=True)
def full_page_url(context: template.Context) -> str:
    """The page's absolute URL, found with the request so the site's root paths are read once per request."""
    page = context.get("page")
    return (page.get_full_url(context.get("request")) or "") if _is_page(page) else ""


@dataclass(frozen=True)
class Crumb:
    url: str
    title: str


@register.simple_tag(takes_context=True)
def breadcrumbs(context: template.Context) -> list[Crumb]:
    """The live ancestors of the page from its home page down to its parent (the tree root left out), as links;
    kept until content next changes, since every page below a home page shows them (a query and a URL each)."""
    page, request = context.get("page"), context.get("request")
    if not _is_page(page):
        return []

    def build() -> list[Crumb]:
        return [
            Crumb(crumb.get_url(request) or "", crumb.title)
            for crumb in page.get_ancestors().filter(depth__gt=1).live()
        ]

    if request is None:
        return build()
    # The URLs are relative to the site the request is for, or absolute to another.
    key = f"breadcrumbs:{request.scheme}:{request.get_host()}:{page.pk}"
    return page_cache.kept_per_generation(request, key, build)


@register.filter
def anchor(text: str) -> str:
    """An id for a heading; keeps Chinese characters, which Django's ``slugify`` filter drops."""
    return slugify(str(text), allow_unicode=True) or "section"


@register.simple_tag
def section_headings(body: Iterable | None) -> list[dict[str, str]]:
    """The h2 headings of a StreamField body as {"anchor", "text"}, for an "On this page" list."""
    headings = []
    for block in body or []:
        if getattr(block, "block_type", None) == "heading" and block.value.get("level", "h2") == "h2":
            text = str(block.value.get("text", ""))
            headings.append({"anchor": anchor(text), "text": text})
    return headings

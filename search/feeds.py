"""An Atom feed of any site search: "subscribe to this search", alerts without an account.

Served by the search view itself (``?format=atom`` beside the page's own
parameters): the same query and filters as the page, read the same way (odd
parameters dropped), but always newest first and the page's sort ignored.

- Items: the `FEED_LENGTH` newest matching items, live and public only (see
  `search.exports.visible`), dated by the date the search sorts on.
- Each entry's summary is its first matching passage, highlighted as on the
  page (the generator escapes the HTML once, which is what readers expect).
- Links are absolute; entry ids are their links, as the result's address is
  what identifies it to a reader.
- Words (feed title, dates' language) follow the request's language, as the
  page does: /zh-hans/search/?format=atom is the Chinese feed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, QueryDict
from django.utils import feedgenerator, timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from portal.models.site_settings import SiteIdentity
from search.exports import first_passage, matching_hits
from search.forms import search_request
from search.presenters import HitView

FEED_LENGTH = 50
# Parameters the feed decides itself, whatever the page's address says.
OWN_PARAMETERS = ("page", "sort", "format")


def _with(params: QueryDict, name: str, value: str) -> str:
    query = params.copy()
    for own in OWN_PARAMETERS:
        query.pop(own, None)
    query[name] = value
    return query.urlencode()


def page_query(params: QueryDict) -> str:
    """The search page the feed follows: its query and filters, newest first."""
    return _with(params, "sort", "date")


def query_for(params: QueryDict) -> str:
    """The query string of the feed of the search in `params`."""
    return _with(params, "format", "atom")


@dataclass
class FeedSource:
    request: HttpRequest
    text: str
    hits: list[HitView]


class SearchFeed(Feed):
    feed_type = feedgenerator.Atom1Feed

    def __call__(self, request, *args, **kwargs):
        # One instance per request (see the view), so keeping the request here is safe; links need it.
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request) -> FeedSource:
        text = search_request(request.GET).text[:200]
        return FeedSource(request, text, matching_hits(request.GET, limit=FEED_LENGTH, sort="date"))

    def title(self, source: FeedSource) -> str:
        site_name = SiteIdentity.for_request(source.request).name
        title = _("Search: “%(query)s”") % {"query": source.text} if source.text else _("Search results")
        return f"{title} · {site_name}" if site_name else title

    def link(self, source: FeedSource) -> str:
        return source.request.build_absolute_uri(f"{source.request.path}?{page_query(source.request.GET)}")

    def feed_url(self, source: FeedSource) -> str:
        return source.request.build_absolute_uri(f"{source.request.path}?{query_for(source.request.GET)}")

    def subtitle(self, source: FeedSource) -> str:
        return _("The newest results of this search, as new content matches it.")

    def description(self, source: FeedSource) -> str:
        return self.subtitle(source)

    def items(self, source: FeedSource) -> list[HitView]:
        return source.hits

    def item_title(self, view: HitView) -> str:
        # Plain text: the generator escapes it once.
        return view.hit.title

    def item_link(self, view: HitView) -> str:
        return self.request.build_absolute_uri(view.hit.url or self.request.path)

    def item_description(self, view: HitView) -> str:
        # Already HTML (escaped text, <mark> around matches); the plain summary is escaped by the backends too.
        return first_passage(view) or view.hit.summary or escape(view.hit.alt_title)

    def item_pubdate(self, view: HitView) -> datetime.datetime | None:
        if view.date is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(view.date, datetime.time()))

    def item_updateddate(self, view: HitView) -> datetime.datetime | None:
        return self.item_pubdate(view)

    def item_categories(self, view: HitView) -> list[str]:
        return [view.type_label]

"""RSS 2.0 and Atom feeds of the policy briefs of one index page, so of one language.

Served as routes of `PolicyBriefIndexPage` (``feed/rss/``, ``feed/atom/``)
and filtered like the listing by ``?topic=<slug>``; a slug that names no topic
is a 404, since a subscription to a mistyped topic would otherwise silently
deliver every brief.

- Items: the 20 newest live briefs, dated by `PolicyBriefPage.published_at`.
- Links are absolute, from the Wagtail site the index belongs to.
- GUIDs come from the page's translation key and language, not its URL, so a
  renamed slug does not make readers show a brief again.
- Every author is named: Django's generators write one author per item, so
  the generators below add one element per author (``dc:creator`` in RSS,
  ``<author>`` in Atom).
- Words (feed title, topic names) are in the index page's language,
  whichever language the request happens to carry.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils import feedgenerator, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from portal.models.site_settings import SiteIdentity
from portal.models.topics import Topic
from portal.text import xml_text

if TYPE_CHECKING:  # only named in annotations: the index page's routes import this module
    from portal.library.models import PolicyBriefIndexPage, PolicyBriefPage

FEED_LENGTH = 20
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"


def xml_value(value):
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple):
        return [xml_value(item) for item in value]
    return value


class XmlTextMixin:
    """Django's feed writer refuses control characters, which XML 1.0 cannot carry and a stored title
    may hold (Wagtail's page form takes them): the feed shows the text without them instead of failing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{name: xml_value(value) for name, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **{name: xml_value(value) for name, value in kwargs.items()})


class RssWithAuthors(XmlTextMixin, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)


class AtomWithAuthors(XmlTextMixin, feedgenerator.Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")


@dataclass
class FeedSource:
    index_page: PolicyBriefIndexPage
    topic: Topic | None
    request: HttpRequest


class BriefsFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        # One instance per request (see the routes), so keeping the request here is safe; links need its site.
        self.request = request
        # Build the whole document in the index page's language: titles, topic names, <language>.
        with translation.override(kwargs["index_page"].locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index_page):
        topic = index_page.topic_from(request)
        if topic is False:
            raise Http404("No topic has this slug.")
        return FeedSource(index_page, topic, request)

    def title(self, source: FeedSource) -> str:
        site_name = SiteIdentity.for_request(source.request).name
        title = f"{source.index_page.title} · {site_name}" if site_name else source.index_page.title
        return f"{title} — {source.topic.name}" if source.topic else title

    def link(self, source: FeedSource) -> str:
        return source.index_page.get_full_url(source.request)

    def feed_url(self, source: FeedSource) -> str:
        route = source.index_page.reverse_subpage(self.route_name)
        query = f"?topic={source.topic.slug}" if source.topic else ""
        return self.link(source) + route + query

    def description(self, source: FeedSource) -> str:
        return source.index_page.introduction or _("Policy briefs from the association.")

    def subtitle(self, source: FeedSource) -> str:
        return self.description(source)

    def items(self, source: FeedSource):
        return source.index_page.briefs(source.topic)[:FEED_LENGTH]

    def item_title(self, brief: PolicyBriefPage) -> str:
        # Plain text: the generator escapes it once, which is what feed readers expect.
        return brief.title

    def item_link(self, brief: PolicyBriefPage) -> str:
        return brief.get_full_url(self.request)

    def item_description(self, brief: PolicyBriefPage) -> str:
        # Feed readers take descriptions as HTML; the summary is plain text, so it is escaped once here.
        return escape(brief.summary)

    def item_pubdate(self, brief: PolicyBriefPage):
        return brief.published_at

    def item_updateddate(self, brief: PolicyBriefPage):
        return brief.last_published_at or brief.published_at

    def item_guid(self, brief: PolicyBriefPage) -> str:
        return uuid.uuid5(brief.translation_key, brief.locale.language_code).urn

    def item_guid_is_permalink(self, brief: PolicyBriefPage) -> bool:
        return False

    def item_categories(self, brief: PolicyBriefPage) -> list[str]:
        return [topic.name for topic in brief.topics.all()]

    def item_extra_kwargs(self, brief: PolicyBriefPage) -> dict:
        return {"authors": [author.name for author in brief.authors.all()]}


class BriefsRssFeed(BriefsFeed):
    feed_type = RssWithAuthors
    route_name = "rss"


class BriefsAtomFeed(BriefsFeed):
    feed_type = AtomWithAuthors
    route_name = "atom"

"""Policy briefs: the association's short readings of new policy, published through staff moderation."""

import datetime

from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.i18n import join_list, pick
from portal.library.feeds import BriefsAtomFeed, BriefsRssFeed
from portal.models.topics import Topic

PER_PAGE = 12


def visitor_date(day: datetime.date) -> str:
    """ "3 March 2026" or "2026年3月3日", in the visitor's language."""
    return date_format(day, pick("j F Y", "Y年n月j日"))


class PolicyBriefIndexPage(RoutablePageMixin, Page):
    """Lists the briefs, newest first, and serves their RSS and Atom feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["portal.PolicyBriefPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("policy brief index")

    def briefs(self, topic=None):
        """Live, public briefs of this index (so of its language), newest first, optionally on one topic."""
        briefs = PolicyBriefPage.objects.child_of(self).live().public()
        if topic is not None:
            briefs = briefs.filter(topics=topic)
        return (
            briefs.order_by("-date", "-first_published_at", "-pk")
            .select_related("locale")
            .prefetch_related("authors", "topics")
        )

    def topic_from(self, request):
        """The topic named by ``?topic=<slug>``: None when absent, False when no topic has that slug."""
        slug = request.GET.get("topic", "").strip()
        if not slug:
            return None
        if not slug_re.match(slug):  # no topic has it, and PostgreSQL refuses some of it (NUL) in a query
            return False
        return Topic.objects.filter(slug=slug).first() or False

    def feed_links(self, request, topic=None) -> list[dict]:
        """The RSS and Atom addresses of this index, for links and <link rel="alternate">, filtered like the list."""
        base = self.get_url(request) or ""
        query = f"?topic={topic.slug}" if topic else ""
        return [
            {"type": "application/rss+xml", "label": "RSS", "url": base + self.reverse_subpage("rss") + query},
            {"type": "application/atom+xml", "label": "Atom", "url": base + self.reverse_subpage("atom") + query},
        ]

    @path("")
    def index_route(self, request):
        topic = self.topic_from(request)
        # An unknown topic is ignored with a note, as the events listing does, rather than an empty list.
        page_obj = Paginator(self.briefs(topic or None), PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "topic": topic or None,
                "unknown_topic": request.GET.get("topic", "")[:80] if topic is False else "",
                "page_obj": page_obj,
                "briefs": page_obj.object_list,
                "page_range": page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
                "page_query": f"topic={topic.slug}" if topic else "",
                "topics": self.topics_in_use(),
                "feeds": self.feed_links(request, topic or None),
            },
        )

    # Wagtail page paths allow no dots, so the feeds are "feed/rss/" rather than "feed.xml".
    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        return BriefsRssFeed()(request, index_page=self)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        return BriefsAtomFeed()(request, index_page=self)

    def topics_in_use(self):
        """Topics that at least one listed brief carries: the filter offers no empty choices."""
        return Topic.objects.filter(briefs__in=self.briefs()).distinct()


class PolicyBriefPage(Page):
    date = models.DateField(_("date"), default=datetime.date.today, help_text=_("The date readers see on the brief."))
    summary = models.TextField(
        pgettext_lazy("abstract of a text", "summary"),
        help_text=_("Two or three sentences: shown in lists, feeds and search."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    topics = ParentalManyToManyField("portal.Topic", verbose_name=_("topics"), blank=True, related_name="briefs")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("summary")], heading=_("Summary")),
        InlinePanel("authors", heading=_("Authors"), label=_("author"), min_num=1),
        FieldPanel("body"),
        FieldPanel("topics"),
        InlinePanel("related_documents", heading=_("Related documents"), label=_("document")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["portal.PolicyBriefIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("policy brief")
        verbose_name_plural = _("policy briefs")

    @property
    def display_date(self) -> str:
        return visitor_date(self.date)

    @property
    def author_names(self) -> str:
        return join_list(author.name for author in self.authors.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        context["index_page"] = index_page
        context["feeds"] = index_page.feed_links(request) if isinstance(index_page, PolicyBriefIndexPage) else []
        # Library entries can be unpublished after the brief cites them; only live ones are shown.
        context["related_documents"] = [
            {
                "document": link.document,
                # The library's public pages give documents a URL; until then a document is listed without a link.
                "url": getattr(link.document, "url", "") or "",
                "issued": visitor_date(link.document.issued_on) if link.document.issued_on else "",
            }
            for link in self.related_documents.select_related("document")
            if link.document.live
        ]
        return context

    @property
    def published_at(self) -> datetime.datetime:
        """When the brief counts as published, for feeds: its date, at the moment it first went live if that day."""
        first = self.first_published_at
        if first and timezone.localdate(first) == self.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(9, 0)))


class BriefAuthor(Orderable):
    page = ParentalKey(PolicyBriefPage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("full name"), max_length=120)
    role = models.CharField(_("role"), max_length=200, blank=True, help_text=_("e.g. Policy analyst, the association"))

    panels = [FieldPanel("name"), FieldPanel("role")]

    def __str__(self) -> str:
        return self.name


class BriefDocument(Orderable):
    page = ParentalKey(PolicyBriefPage, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey(
        "portal.PolicyDocument", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "document"], name="brief_document_once")]

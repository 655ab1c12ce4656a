"""Policy briefs: the association's short readings of new policy, published through staff moderation."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyBlock


class PolicyBriefIndexPage(RoutablePageMixin, Page):
    """Lists the briefs, newest first, and serves their RSS and Atom feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["portal.PolicyBriefPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("policy brief index")

    def briefs(self):
        return PolicyBriefPage.objects.child_of(self).live().order_by("-date", "-first_published_at")


class PolicyBriefPage(Page):
    date = models.DateField(_("date"), default=datetime.date.today, help_text=_("The date readers see on the brief."))
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences: shown in lists, feeds and search."))
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

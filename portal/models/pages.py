from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import page_cache
from portal.blocks import BodyBlock
from portal.home_panels import panels_context


class HomePage(Page):
    hero_heading = models.CharField(_("hero heading"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(_("hero button label"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    # One home page per locale, directly under the root.
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        # Pages only (retired by any publish), and what the panels declare: not every registration.
        page_cache.depends_on(request)
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().specific()
        # What other apps show here (the member companies) comes from the panels they register.
        context.update(panels_context(request))
        return context


class StandardPage(Page):
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

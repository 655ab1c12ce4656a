from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.i18n import pick


class Topic(index.Indexed, models.Model):
    """A subject shared across the site: events, policy briefs and documents are tagged with the same list."""

    name_en = models.CharField(_("name (English)"), max_length=80)
    name_zh = models.CharField(_("name (Chinese)"), max_length=80, blank=True)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Used in addresses, e.g. ?topic=hydrogen")
    )

    panels = [FieldPanel("name_en"), FieldPanel("name_zh"), FieldPanel("slug")]
    search_fields = [index.SearchField("name_en"), index.SearchField("name_zh"), index.AutocompleteField("name_en")]

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(self.name_en, self.name_zh)

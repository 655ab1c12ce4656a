from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from portal.i18n import pick


class Speaker(index.Indexed, models.Model):
    """A person who speaks at events; chosen on each event and in agenda items."""

    name = models.CharField(_("full name"), max_length=120)
    name_zh = models.CharField(_("name (Chinese)"), max_length=120, blank=True)
    title = models.CharField(
        _("job title"), max_length=160, blank=True, help_text=_("Job title, e.g. Head of Sustainability")
    )
    title_zh = models.CharField(_("title (Chinese)"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    organisation_zh = models.CharField(_("organisation (Chinese)"), max_length=160, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_zh")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_zh")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_zh")]),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("bio")], heading=_("Profile")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_zh"),
        index.SearchField("organisation"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return pick(self.name, self.name_zh)

    @property
    def display_title(self) -> str:
        return pick(self.title, self.title_zh)

    @property
    def display_organisation(self) -> str:
        return pick(self.organisation, self.organisation_zh)

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from portal.i18n import pick


class Sector(models.TextChoices):
    CHEMICALS = "chemicals", _("Chemicals")
    MATERIALS = "materials", _("Advanced materials")
    ENERGY = "energy", _("Energy and utilities")
    AUTOMOTIVE = "automotive", _("Automotive")
    PHARMA = "pharma", _("Pharmaceuticals and life sciences")
    ELECTRONICS = "electronics", _("Electronics and semiconductors")
    MACHINERY = "machinery", _("Machinery and equipment")
    CONSUMER = "consumer", _("Consumer goods")
    FOOD = "food", _("Food and agriculture")
    LOGISTICS = "logistics", _("Logistics")


class MemberCompany(index.Indexed, models.Model):
    """A member of the association. Names are kept in both working languages."""

    name_en = models.CharField(_("name (English)"), max_length=200, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    headquarters_country = models.CharField(_("headquarters country"), max_length=64)
    member_since = models.PositiveSmallIntegerField(
        _("member since"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    website = models.URLField(_("website"), blank=True)
    profile_en = models.TextField(_("short profile (English)"), blank=True)
    profile_zh = models.TextField(_("short profile (Chinese)"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("name_en"), FieldPanel("name_zh"), FieldPanel("slug")], heading=_("Name")),
        FieldPanel("logo"),
        FieldPanel("sector"),
        FieldPanel("headquarters_country"),
        FieldPanel("member_since"),
        FieldPanel("website"),
        FieldPanel("profile_en"),
        FieldPanel("profile_zh"),
    ]
    search_fields = [
        index.SearchField("name_en"),
        index.SearchField("name_zh"),
        index.AutocompleteField("name_en"),
        index.FilterField("sector"),
    ]

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("member company")
        verbose_name_plural = _("member companies")

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return pick(self.name_en, self.name_zh)

    @property
    def profile(self) -> str:
        return pick(self.profile_en, self.profile_zh)

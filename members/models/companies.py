from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
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


class Province(models.TextChoices):
    """Provincial-level divisions of mainland China where members operate."""

    ANHUI = "AH", _("Anhui")
    BEIJING = "BJ", _("Beijing")
    CHONGQING = "CQ", _("Chongqing")
    FUJIAN = "FJ", _("Fujian")
    GANSU = "GS", _("Gansu")
    GUANGDONG = "GD", _("Guangdong")
    GUANGXI = "GX", _("Guangxi")
    GUIZHOU = "GZ", _("Guizhou")
    HAINAN = "HI", _("Hainan")
    HEBEI = "HE", _("Hebei")
    HEILONGJIANG = "HL", _("Heilongjiang")
    HENAN = "HA", _("Henan")
    HUBEI = "HB", _("Hubei")
    HUNAN = "HN", _("Hunan")
    INNER_MONGOLIA = "NM", _("Inner Mongolia")
    JIANGSU = "JS", _("Jiangsu")
    JIANGXI = "JX", _("Jiangxi")
    JILIN = "JL", _("Jilin")
    LIAONING = "LN", _("Liaoning")
    NINGXIA = "NX", _("Ningxia")
    QINGHAI = "QH", _("Qinghai")
    SHAANXI = "SN", _("Shaanxi")
    SHANDONG = "SD", _("Shandong")
    SHANGHAI = "SH", _("Shanghai")
    SHANXI = "SX", _("Shanxi")
    SICHUAN = "SC", _("Sichuan")
    TIANJIN = "TJ", _("Tianjin")
    TIBET = "XZ", _("Tibet")
    XINJIANG = "XJ", _("Xinjiang")
    YUNNAN = "YN", _("Yunnan")
    ZHEJIANG = "ZJ", _("Zhejiang")


class MemberCompany(index.Indexed, ClusterableModel):
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
    provinces = models.JSONField(_("provinces of operation"), default=list, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("name_en"), FieldPanel("name_zh"), FieldPanel("slug")], heading=_("Name")),
        FieldPanel("logo"),
        FieldPanel("sector"),
        FieldPanel("headquarters_country"),
        FieldPanel("member_since"),
        FieldPanel("website"),
        FieldPanel("profile_en"),
        FieldPanel("profile_zh"),
        FieldPanel("provinces", widget=forms.CheckboxSelectMultiple(choices=Province.choices)),
        InlinePanel("plants", heading=_("Plants in China"), label=_("Plant")),
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

    def clean(self):
        unknown = set(self.provinces or []) - set(Province.values)
        if unknown:
            raise ValidationError({"provinces": _("Unknown province codes: %s") % ", ".join(sorted(unknown))})

    @property
    def province_labels(self) -> list[str]:
        labels = dict(Province.choices)
        return [str(labels[code]) for code in self.provinces if code in labels]


class Plant(Orderable):
    """A production site in China, with its green-factory designation if it has one."""

    company = ParentalKey(MemberCompany, related_name="plants", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    province = models.CharField(_("province"), max_length=2, choices=Province.choices)
    green_factory_year = models.PositiveSmallIntegerField(
        _("green factory since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2016), MaxValueValidator(2100)],
        help_text=_("Year of the national green-factory designation, if any."),
    )

    panels = [FieldPanel("name"), FieldPanel("city"), FieldPanel("province"), FieldPanel("green_factory_year")]

    class Meta(Orderable.Meta):
        verbose_name = _("plant")

    def __str__(self) -> str:
        return self.name

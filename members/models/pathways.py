"""Benchmark pathways (staff-maintained data with their source) and the alignment
assessments recorded each time a company's pledges or reports are approved.

The rule that compares a company with a pathway is in `members.tracker.pathways.alignment`.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from members.models.companies import Sector
from members.models.pledges import YEAR_VALIDATORS
from portal.i18n import pick


class PathwayKind(models.TextChoices):
    CONTRACTION = "contraction", _("Absolute contraction: a fixed share of base-year emissions each year")
    PEAK_THEN_NEUTRAL = "peak_then_neutral", _("Peak, then a straight line to net zero")
    SECTOR_INTENSITY = "sector_intensity", _("Sector intensity: published values year by year")


def check_point_years(years) -> None:
    """A pathway given year by year must have one value for every year between its first and last."""
    years = sorted(years)
    duplicates = sorted({year for year in years if years.count(year) > 1})
    if duplicates:
        raise ValidationError(
            _("The pathway has more than one value for %(years)s.") % {"years": ", ".join(map(str, duplicates))},
            code="duplicate_year",
        )
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years)) if years else []
    if missing:
        raise ValidationError(
            _(
                "The pathway has a gap: no value for %(years)s. Give one value for every year from %(first)s to %(last)s."
            )
            % {"years": ", ".join(map(str, missing)), "first": years[0], "last": years[-1]},
            code="gap",
        )


class PathwayForm(WagtailAdminModelForm):
    """Checks the yearly values together: no gap, no year twice."""

    def clean(self):
        cleaned = super().clean()
        points = self.formsets.get("points")
        if points is None or not points.is_valid():
            return cleaned
        years = [
            form.cleaned_data["year"]
            for form in points.forms
            if form.cleaned_data.get("year") is not None and not form.cleaned_data.get("DELETE")
        ]
        kind = cleaned.get("kind")
        if kind == PathwayKind.SECTOR_INTENSITY and len(years) < 2:
            self.add_error(None, _("A sector pathway needs a value for at least two consecutive years."))
        if years:
            try:
                check_point_years(years)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


class Pathway(ClusterableModel):
    """A benchmark a company's emissions path is compared with, with its published source."""

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Stable identifier used in open data."))
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_zh = models.CharField(_("name (Chinese)"), max_length=60, blank=True)
    label_en = models.CharField(
        _("label when aligned (English)"), max_length=80, help_text=_("For example “Aligned with 1.5 °C”.")
    )
    label_zh = models.CharField(_("label when aligned (Chinese)"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=PathwayKind.choices)
    ambition = models.PositiveSmallIntegerField(
        _("ambition rank"),
        help_text=_("1 for the most ambitious. A company gets the label of the most ambitious pathway it meets."),
    )
    annual_rate = models.DecimalField(
        _("yearly reduction (% of base-year emissions)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(100))],
    )
    peak_year = models.PositiveSmallIntegerField(_("peak year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    neutral_year = models.PositiveSmallIntegerField(
        _("net-zero year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, blank=True)
    intensity_unit = models.CharField(_("intensity unit"), max_length=40, blank=True)
    source = models.CharField(_("source"), max_length=300)
    source_year = models.PositiveSmallIntegerField(_("year of the source"), validators=YEAR_VALIDATORS)
    source_url = models.URLField(_("source address"), blank=True)
    active = models.BooleanField(_("used in assessments"), default=True)

    base_form_class = PathwayForm
    panels = [
        MultiFieldPanel(
            [FieldPanel("code"), FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_zh")])], heading=_("Name")
        ),
        FieldRowPanel([FieldPanel("label_en"), FieldPanel("label_zh")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("ambition"), FieldPanel("active")]),
        FieldRowPanel([FieldPanel("annual_rate"), FieldPanel("peak_year"), FieldPanel("neutral_year")]),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("intensity_unit")]),
        InlinePanel("points", heading=_("Values year by year (sector pathways)"), label=_("Value")),
        MultiFieldPanel(
            [FieldPanel("source"), FieldPanel("source_year"), FieldPanel("source_url")], heading=_("Source")
        ),
    ]

    class Meta:
        ordering = ["ambition", "code"]
        verbose_name = _("benchmark pathway")
        verbose_name_plural = _("benchmark pathways")

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return pick(self.name_en, self.name_zh)

    @property
    def label(self) -> str:
        return pick(self.label_en, self.label_zh)

    def clean(self):
        errors = {}
        if self.kind == PathwayKind.CONTRACTION and self.annual_rate is None:
            errors["annual_rate"] = _("An absolute contraction pathway needs its yearly reduction.")
        if self.kind == PathwayKind.PEAK_THEN_NEUTRAL:
            if self.peak_year is None:
                errors["peak_year"] = _("Give the year emissions peak.")
            if self.neutral_year is None:
                errors["neutral_year"] = _("Give the year of net zero.")
            elif self.peak_year is not None and self.neutral_year <= self.peak_year:
                errors["neutral_year"] = _("Net zero must come after the peak year.")
        if self.kind == PathwayKind.SECTOR_INTENSITY:
            if not self.sector:
                errors["sector"] = _("A sector pathway names its sector.")
            if not self.intensity_unit:
                errors["intensity_unit"] = _("Give the unit of the intensity values.")
        if errors:
            raise ValidationError(errors)


class PathwayPoint(Orderable):
    pathway = ParentalKey(Pathway, related_name="points", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4, validators=[MinValueValidator(Decimal(0))])

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("value")])]

    class Meta(Orderable.Meta):
        verbose_name = _("pathway value")


class AlignmentAssessment(models.Model):
    """The alignment labels of a company as computed after an approval: a record, never edited."""

    company = models.ForeignKey(
        "members.MemberCompany",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="alignment_assessments",
    )
    assessed_at = models.DateTimeField(_("assessed at"), db_index=True)
    methodology_version = models.CharField(_("methodology version"), max_length=16)
    trigger = models.CharField(_("approved item"), max_length=255, blank=True)
    headline_year = models.PositiveSmallIntegerField(_("headline year"))
    headline = models.CharField(_("headline label"), max_length=40)
    headline_rank = models.PositiveSmallIntegerField(_("headline rank"))
    direction = models.CharField(_("since the previous assessment"), max_length=10)
    disclosure = models.CharField(_("disclosure"), max_length=12)
    # [{"year": 2030, "label": "1-5c", "rank": 1, "reason": "...", "direction": "up"}, ...]
    results = models.JSONField(_("results"), default=list)

    class Meta:
        ordering = ["-assessed_at", "-pk"]
        get_latest_by = ["assessed_at", "pk"]
        verbose_name = _("alignment assessment")
        verbose_name_plural = _("alignment assessments")

    def __str__(self) -> str:
        return f"{self.company}: {self.headline} ({self.assessed_at:%Y-%m-%d})"

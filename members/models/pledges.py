from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from members.models.review import Reviewed
from portal.i18n import pick

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]
NON_NEGATIVE = [MinValueValidator(Decimal(0))]


class PledgeType(models.TextChoices):
    EMISSIONS_PEAK = "peak", _("Emissions peak")
    OPERATIONAL_NEUTRALITY = "operational_neutrality", _("Operational carbon neutrality")
    SUPPLY_CHAIN_NEUTRALITY = "supply_chain_neutrality", _("Supply-chain carbon neutrality")
    NET_ZERO = "net_zero", _("Net zero")
    ABSOLUTE_REDUCTION = "absolute_reduction", _("Absolute reduction")
    INTENSITY_REDUCTION = "intensity_reduction", _("Intensity reduction")
    RENEWABLE_ELECTRICITY = "renewable_electricity", _("Renewable electricity share")


NEUTRALITY_TYPES = (
    PledgeType.OPERATIONAL_NEUTRALITY,
    PledgeType.SUPPLY_CHAIN_NEUTRALITY,
    PledgeType.NET_ZERO,
)


class Unit(models.TextChoices):
    TONNES = "tco2e", _("tCO2e")
    PERCENT = "percent", _("%")


class PledgeStatus(models.TextChoices):
    """A ladder: each step implies the ones before it; withdrawn stands apart."""

    DECLARED = "declared", _("Declared")
    PLAN_PUBLISHED = "plan_published", _("Plan published")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Verification(models.TextChoices):
    SELF_DECLARED = "self", _("Self-declared")
    THIRD_PARTY = "third_party", _("Third-party verified")
    SBTI = "sbti", _("SBTi validated")


class Pledge(Reviewed, ClusterableModel):
    company = models.ForeignKey(
        "members.MemberCompany", verbose_name=_("company"), on_delete=models.CASCADE, related_name="pledges"
    )
    pledge_type = models.CharField(_("type"), max_length=32, choices=PledgeType.choices)
    scope_1 = models.BooleanField(_("Scope 1"), default=False)
    scope_2 = models.BooleanField(_("Scope 2"), default=False)
    scope_3 = models.BooleanField(_("Scope 3"), default=False)
    unit = models.CharField(_("unit"), max_length=8, choices=Unit.choices, default=Unit.TONNES)
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=14, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), validators=YEAR_VALIDATORS)
    target_value = models.DecimalField(
        _("target value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_("Emissions in the target year (tCO2e), or the share to reach (%)."),
    )
    status = models.CharField(_("status"), max_length=16, choices=PledgeStatus.choices, default=PledgeStatus.DECLARED)
    verification = models.CharField(
        _("verification"), max_length=16, choices=Verification.choices, default=Verification.SELF_DECLARED
    )
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    source_url = models.URLField(_("public source"), blank=True)
    evidence = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("company"),
        FieldPanel("pledge_type"),
        FieldRowPanel([FieldPanel("scope_1"), FieldPanel("scope_2"), FieldPanel("scope_3")], heading=_("Scopes")),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("baseline_year"), FieldPanel("baseline_value")], heading=_("Baseline")),
        FieldRowPanel([FieldPanel("target_year"), FieldPanel("target_value")], heading=_("Target")),
        InlinePanel("milestones", heading=_("Interim milestones"), label=_("Milestone")),
        FieldRowPanel([FieldPanel("status"), FieldPanel("verification")]),
        MultiFieldPanel([FieldPanel("description_en"), FieldPanel("description_zh")], heading=_("Description")),
        MultiFieldPanel([FieldPanel("source_url"), FieldPanel("evidence")], heading=_("Source")),
    ]

    class Meta:
        # Not by company: that would join the company table into every query.
        ordering = ["target_year", "pledge_type"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def __str__(self) -> str:
        title = gettext("%(type)s by %(year)s") % {"type": self.get_pledge_type_display(), "year": self.target_year}
        return f"{self.company}: {title}"

    @property
    def description(self) -> str:
        return pick(self.description_en, self.description_zh)

    @property
    def scopes(self) -> list[int]:
        return [n for n in (1, 2, 3) if getattr(self, f"scope_{n}")]

    def clean(self):
        errors = {}
        if not (self.scope_1 or self.scope_2 or self.scope_3):
            errors["scope_1"] = _("Tick at least one scope the pledge covers.")
        if self.baseline_year and self.target_year and self.target_year < self.baseline_year:
            errors["target_year"] = _("The target year cannot be before the baseline year (%(year)s).") % {
                "year": self.baseline_year
            }
        if self.baseline_value is not None and not self.baseline_year:
            errors["baseline_year"] = _("Give the year the baseline value refers to.")
        if self.unit == Unit.PERCENT:
            for field in ("baseline_value", "target_value"):
                value = getattr(self, field)
                if value is not None and value > 100:
                    errors[field] = _("A share cannot be above 100 %.")
        if errors:
            raise ValidationError(errors)


class Milestone(Orderable):
    pledge = ParentalKey(Pledge, related_name="milestones", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    description = models.CharField(_("description"), max_length=255, blank=True)

    panels = [FieldPanel("year"), FieldPanel("value"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")

    def __str__(self) -> str:
        return f"{self.year}: {self.description or self.value}"

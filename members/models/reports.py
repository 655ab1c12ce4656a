from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from members.models.pledges import NON_NEGATIVE, YEAR_VALIDATORS
from members.models.provenance import check_provenance
from members.models.review import Reviewed


def tonnes(label):
    return models.DecimalField(label, max_digits=14, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE)


class ProgressReport(Reviewed):
    """A company's emissions for one calendar year, in tCO2e."""

    company = models.ForeignKey(
        "members.MemberCompany", verbose_name=_("company"), on_delete=models.CASCADE, related_name="reports"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    scope_1 = tonnes(_("Scope 1 (tCO2e)"))
    scope_2_location = tonnes(_("Scope 2, location-based (tCO2e)"))
    scope_2_market = tonnes(_("Scope 2, market-based (tCO2e)"))
    scope_3 = tonnes(_("Scope 3 (tCO2e)"))
    renewable_share = models.DecimalField(
        _("renewable electricity share (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    notes = models.TextField(_("notes"), blank=True)
    evidence = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Where each emissions figure came from, keyed by field name (members.models.provenance):
    # {"scope_1": {"basis": "restated", "document": 12, "page": 34, "assurance": "limited",
    #              "assurer": "…", "earlier": "61000.00"}, ...}
    provenance = models.JSONField(_("provenance of the figures"), default=dict, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("company"), FieldPanel("year")]),
        MultiFieldPanel(
            [
                FieldPanel("scope_1"),
                FieldRowPanel([FieldPanel("scope_2_location"), FieldPanel("scope_2_market")]),
                FieldPanel("scope_3"),
            ],
            heading=_("Emissions"),
        ),
        FieldPanel("renewable_share"),
        FieldPanel("notes"),
        FieldPanel("evidence"),
        FieldPanel("provenance"),
    ]

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["company", "year"], name="one_report_per_company_year")]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.company}: {self.year}"

    def clean(self):
        check_provenance(self)

    @property
    def scope_1_2(self) -> Decimal | None:
        """Scope 1 plus market-based Scope 2 (location-based when no market figure)."""
        scope_2 = self.scope_2_market if self.scope_2_market is not None else self.scope_2_location
        if self.scope_1 is None or scope_2 is None:
            return None
        return self.scope_1 + scope_2

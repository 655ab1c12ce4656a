"""China's green finance catalogues: the categories a programme's projects are tagged with.

Staff keep the categories as data (a snippet), each with the catalogue edition
it comes from, its code and its name in English and Chinese: the Green Bond
Endorsed Projects Catalogue (2021 edition, issued by the PBOC, NDRC and CSRC)
and the Green Finance Support Project Catalogue (2025 edition). Migration
0009 enters the 2021 catalogue's six top-level categories; deeper levels and
the 2025 catalogue's categories are added by staff from the published texts.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class CatalogueEdition(models.TextChoices):
    GREEN_BOND_2021 = "gbepc-2021", _("Green Bond Endorsed Projects Catalogue (2021 edition)")
    GREEN_FINANCE_2025 = "gfspc-2025", _("Green Finance Support Project Catalogue (2025 edition)")


class GreenCategory(models.Model):
    edition = models.CharField(_("catalogue"), max_length=20, choices=CatalogueEdition.choices)
    code = models.CharField(_("code"), max_length=20, help_text=_("As the catalogue numbers it, e.g. 4 or 4.2."))
    name_en = models.CharField(_("name in English"), max_length=200)
    name_zh = models.CharField(_("name in Chinese"), max_length=200)

    panels = [FieldPanel("edition"), FieldRowPanel([FieldPanel("code"), FieldPanel("name_en"), FieldPanel("name_zh")])]

    class Meta:
        ordering = ["edition", "code"]
        verbose_name = _("green catalogue category")
        verbose_name_plural = _("green catalogue categories")
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="one_green_category_per_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def key(self) -> str:
        """The value the catalogue's facet and the address use: edition and code."""
        return f"{self.edition}:{self.code}"

    @property
    def name(self) -> str:
        """The name in the active language."""
        return self.name_zh if (get_language() or "").startswith("zh") else self.name_en

    @property
    def year(self) -> str:
        return self.edition.rpartition("-")[2]

    @property
    def label(self) -> str:
        """Code and name, with the edition's year: the two catalogues number their categories alike."""
        return f"{self.code} {self.name} ({self.year})"


def category_labels() -> dict[str, str]:
    """Facet value -> "code name" in the active language, for every category."""
    return {category.key: category.label for category in GreenCategory.objects.all()}

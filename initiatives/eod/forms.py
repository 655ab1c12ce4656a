"""The EOD programme editor: sectors and instruments as checkboxes, and the cost check across the inlines.

This module must not import the models: `EodProgrammePage` names
`EodProgrammePageForm` as its base form class, so the choices come from
`initiatives.eod.choices`. The fields a translation shows read-only are the
page's `shared_fields` (see `initiatives.translations`).
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from initiatives.eod.choices import EodSector, Instrument
from initiatives.translations import SharedFieldsFormMixin
from portal.text import PlainTextFormMixin

# Inline formsets whose costs together may not pass the total investment.
COST_FORMSETS = ("environmental_components", "industrial_components")


class EodProgrammePageForm(SharedFieldsFormMixin, PlainTextFormMixin, WagtailAdminPageForm):
    # The model stores plain lists of values (JSON); editors tick boxes.
    sectors = forms.MultipleChoiceField(
        label=_("Industrial sectors"),
        choices=EodSector.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Industries whose proceeds feed back to the conservation work."),
    )
    instruments = forms.MultipleChoiceField(
        label=_("Financing instruments"),
        choices=Instrument.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        total = cleaned.get("total_investment")
        costs = self.components_cost()
        # Only the form knows the inline rows being saved; the page's own
        # clean() sees the rows from before this edit. A negative total gets
        # the model's own message instead.
        if total is not None and total >= 0 and costs is not None and costs > total:
            self.add_error(
                "total_investment",
                _(
                    "The environmental and industrial projects cost %(costs)s CNY million together, "
                    "more than the total investment."
                )
                % {"costs": f"{costs:,.2f}"},
            )
        return cleaned

    def components_cost(self) -> Decimal | None:
        """The sum of the kept inline rows' costs, or None while a row is itself invalid."""
        total = Decimal(0)
        for name in COST_FORMSETS:
            formset = self.formsets.get(name)
            if formset is None:
                continue
            if not formset.is_valid():
                return None  # the row's own error is shown; a sum of half-read rows would mislead
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None)
                if not data or formset._should_delete_form(form):
                    continue
                total += data.get("cost") or Decimal(0)
        return total

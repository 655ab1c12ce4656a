"""A form field people never see: software that fills every field fills this one too, and is turned away."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """Adds the hidden `website` field (the template renders it out of sight) and `is_bot()`."""

    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix("website"), "").strip())

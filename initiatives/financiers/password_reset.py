"""The financier area's password reset form: a reset link for financier accounts only, whatever their approval.

Apart from the other forms so that the task sending the link (`initiatives.financiers.tasks`) needs nothing
of the sign-up and account rules.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from initiatives.financiers import emails
from portal.password_reset import AreaPasswordResetForm, AreaTokenGenerator


class FinancierPasswordResetForm(AreaPasswordResetForm):
    """Django's password reset form for financiers' accounts, whatever their approval (see `portal.password_reset`)."""

    email = forms.EmailField(
        label=_("Work email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    token_generator = AreaTokenGenerator("financier-area")
    subject_template_name = "initiatives/email/financier_password_reset_subject.txt"
    email_template_name = "initiatives/email/financier_password_reset.txt"

    @classmethod
    def area_users(cls):
        return get_user_model().objects.filter(financier__isnull=False)

    def deliver(self, key, message):
        emails.send_once(key, [message])

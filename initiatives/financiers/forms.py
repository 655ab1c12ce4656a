"""Forms of the financier area: signing up and in, the mandate, saved searches, expressions of interest."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from initiatives.eod.models import EodSector, Instrument, ProgrammeStage
from initiatives.financiers.accounts import email_taken
from initiatives.financiers.models import Financier, FinancierMandate, SavedSearch, reversed_range_message
from members.models import Province
from portal.honeypot import HoneypotMixin
from portal.text import PlainTextFormMixin

AMOUNT_ATTRS = {"min": "0.01", "step": "0.01", "inputmode": "decimal"}
# Above any programme's total investment (max_digits 12, 2 decimals): CNY 9.99 trillion.
AMOUNT_LIMIT = Decimal("9999999999.99")


class SignUpForm(PlainTextFormMixin, HoneypotMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Work email"),
        max_length=150,
        help_text=_("You sign in with it. Use your organisation’s address: staff check it before approving you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=[("", _("Choose one")), *Financier.Kind.choices])
    position = forms.CharField(
        label=_("Position"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "organization-title"})
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        help_text=_("Optional. For staff to call you about your application."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the association keeps these details to run my financier account and to pass "
            "my expressions of interest to programme contacts, as the privacy notice explains."
        ),
        error_messages={"required": _("Please agree to the privacy notice so that we can open your account.")},
    )

    def clean_full_name(self) -> str:
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email_taken(email):
            raise forms.ValidationError(
                _("An account with this email address already exists. Sign in instead."), code="taken"
            )
        return email

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not all(char.isdigit() or char in "+-() " for char in phone):
            raise forms.ValidationError(_("Use digits, spaces and + - ( ) only."), code="phone")
        return phone

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            # Judged against the person's own details, as Django's user forms do.
            user = get_user_model()(
                username=(cleaned.get("email") or "").lower(),
                email=cleaned.get("email") or "",
                first_name=cleaned.get("full_name") or "",
            )
            try:
                password_validation.validate_password(password1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class FinancierAuthenticationForm(PlainTextFormMixin, AuthenticationForm):
    """Django's sign-in form with the work email as username, for financier accounts only."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Please enter a correct work email and password. The password is case-sensitive."),
        "not_financier": _(
            "This account is not a financier account. Member representatives sign in to the member area; "
            "association staff to the administration site."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Work email")
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not Financier.objects.filter(user=user).exists():
            raise forms.ValidationError(self.error_messages["not_financier"], code="not_financier")


class SavedSearchCreateForm(PlainTextFormMixin, forms.Form):
    """What the catalogue's "Save this search" form posts; the query string is checked by the catalogue's form."""

    querystring = forms.CharField(max_length=2000, required=False)
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    frequency = forms.ChoiceField(
        label=_("Email alerts"), choices=SavedSearch.Frequency.choices, initial=SavedSearch.Frequency.WEEKLY
    )


class SavedSearchForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        widgets = {"frequency": forms.RadioSelect}
        help_texts = {"frequency": _("Alerts list programmes that are new to this search or were updated since.")}

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Give the search a name."), code="required")
        return name


def amount_field(label):
    return forms.DecimalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(AMOUNT_LIMIT)],
        help_text=_("CNY million"),
        widget=forms.NumberInput(attrs=AMOUNT_ATTRS),
        error_messages={
            "invalid": _("Enter an amount in CNY million, as a number such as 150 or 87.5."),
            "min_value": _("Enter an amount above zero."),
            "max_value": _("This amount is larger than any programme."),
            "max_decimal_places": _("Use at most two decimals."),
            "max_digits": _("This amount is larger than any programme."),
            "max_whole_digits": _("This amount is larger than any programme."),
        },
    )


class InterestForm(PlainTextFormMixin, forms.Form):
    amount_min = amount_field(_("Amount from"))
    amount_max = amount_field(_("Amount up to"))
    instrument = forms.ChoiceField(
        label=_("Instrument"), choices=Instrument.choices, widget=forms.RadioSelect, initial=Instrument.LOAN
    )
    message = forms.CharField(
        label=_("Message to the programme"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Optional. Your conditions, questions or timing. The programme’s contact and staff read it."),
    )

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        sought = list(getattr(programme, "instruments", None) or [])
        if sought:
            # The instruments the programme asks for come first, and the first of them is preselected.
            ordered = [c for c in Instrument.choices if c[0] in sought] + [
                c for c in Instrument.choices if c[0] not in sought
            ]
            self.fields["instrument"].choices = ordered
            self.fields["instrument"].initial = ordered[0][0]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("amount_min"), cleaned.get("amount_max")
        if low is not None and high is not None and low > high:
            self.add_error("amount_max", _("The upper amount cannot be below the lower one."))
        return cleaned


class MandateForm(PlainTextFormMixin, forms.ModelForm):
    """A financier's mandate. Each part left empty accepts any programme."""

    provinces = forms.MultipleChoiceField(
        label=_("Provinces"), choices=Province.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), choices=EodSector.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    instruments = forms.MultipleChoiceField(
        label=_("Instruments"), choices=Instrument.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    stages = forms.MultipleChoiceField(
        label=_("Stages"), choices=ProgrammeStage.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = FinancierMandate
        fields = ["provinces", "sectors", "instruments", "stages", "ticket_min", "ticket_max", "min_proceeds_share"]
        labels = {
            "ticket_min": _("Smallest ticket"),
            "ticket_max": _("Largest ticket"),
            "min_proceeds_share": _("Least share of proceeds fed back to conservation"),
        }
        help_texts = {
            "ticket_min": _("CNY million. Compared with the financing a programme still seeks."),
            "ticket_max": _("CNY million."),
            "min_proceeds_share": _("Percent of the industrial proceeds, from 0 to 100."),
        }
        widgets = {
            "ticket_min": forms.NumberInput(attrs=AMOUNT_ATTRS),
            "ticket_max": forms.NumberInput(attrs=AMOUNT_ATTRS),
            "min_proceeds_share": forms.NumberInput(
                attrs={"min": "0", "max": "100", "step": "any", "inputmode": "decimal"}
            ),
        }
        error_messages = {
            "ticket_min": {
                "invalid": _("Enter an amount in CNY million, as a number such as 150 or 87.5."),
                "min_value": _("Enter an amount above zero."),
                "max_digits": _("This amount is larger than any programme."),
                "max_whole_digits": _("This amount is larger than any programme."),
                "max_decimal_places": _("Use at most two decimals."),
            },
            "ticket_max": {
                "invalid": _("Enter an amount in CNY million, as a number such as 150 or 87.5."),
                "min_value": _("Enter an amount above zero."),
                "max_digits": _("This amount is larger than any programme."),
                "max_whole_digits": _("This amount is larger than any programme."),
                "max_decimal_places": _("Use at most two decimals."),
            },
            "min_proceeds_share": {
                "invalid": _("Enter a percentage from 0 to 100."),
                "min_value": _("Enter a percentage from 0 to 100."),
                "max_value": _("Enter a percentage from 0 to 100."),
                "max_digits": _("Enter a percentage from 0 to 100."),
                "max_whole_digits": _("Enter a percentage from 0 to 100."),
                "max_decimal_places": _("Use at most two decimals."),
            },
        }

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("ticket_min"), cleaned.get("ticket_max")
        if low is not None and high is not None and low > high:
            self.add_error("ticket_max", reversed_range_message())
        return cleaned

    def _post_clean(self):
        # The model's clean() repeats the range check; the form has said it already, once.
        if "ticket_max" in self.errors:
            return
        super()._post_clean()

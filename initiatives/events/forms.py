"""Forms: the event editor's time handling in the admin, and the public registration form.

This module must not import the models: `EventPage` names `EventPageForm` as
its base form class. The fields a translation shows read-only are the page's
`shared_fields` (see `initiatives.translations`).
"""

import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from initiatives.translations import SharedFieldsFormMixin
from portal.honeypot import HoneypotMixin
from portal.text import PlainTextFormMixin

# Typed and shown as wall-clock time at the venue, in the event's own zone.
LOCAL_TIME_FIELDS = ("start", "end", "registration_opens", "registration_closes")

# Reminder times staff can tick for an event, in hours before it starts.
REMINDER_CHOICES = [
    (336, _("Two weeks before")),
    (168, _("A week before")),
    (72, _("Three days before")),
    (24, _("A day before")),
    (3, _("Three hours before")),
    (1, _("An hour before")),
]


class EventPageForm(SharedFieldsFormMixin, PlainTextFormMixin, WagtailAdminPageForm):
    reminder_hours = forms.TypedMultipleChoiceField(
        label=_("Reminders"),
        choices=REMINDER_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Emails to confirmed people before the event starts, each sent once. None ticked: no reminders."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = zoneinfo.ZoneInfo(self.instance.time_zone)
        for name in LOCAL_TIME_FIELDS:
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None:
                # A naive value is shown as it is: the clock at the venue.
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone") or self.instance.time_zone
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return cleaned
        for name in LOCAL_TIME_FIELDS:
            value = cleaned.get(name)
            if value is not None:
                # The field read the clock in the admin's zone; it was meant at the venue.
                cleaned[name] = timezone.make_aware(timezone.make_naive(value), zone)
        return cleaned


class RegistrationForm(PlainTextFormMixin, HoneypotMixin, forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=120)
    email = forms.EmailField(label=_("Email"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=160)
    role = forms.CharField(label=_("Job title or role"), max_length=120)
    needs = forms.CharField(
        label=_("Accessibility or dietary needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Only the organisers see this."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the association keeps these details to run this event, as the privacy notice explains."),
        error_messages={"required": _("Please agree to the privacy notice so that we can register you.")},
    )

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())


class TicketCodeForm(forms.Form):
    """The door: a scanned QR code or a ticket code typed in."""

    code = forms.CharField(label=_("Ticket code"), max_length=200, strip=True)


class WalkInForm(PlainTextFormMixin, forms.Form):
    """Someone who comes without registering: registered and checked in in one step."""

    name = forms.CharField(label=_("Full name"), max_length=120)
    email = forms.EmailField(label=_("Email"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=160)
    role = forms.CharField(label=_("Job title or role"), max_length=120, required=False)
    consent = forms.BooleanField(
        label=_("They agree that the association keeps these details to run this event."),
        error_messages={"required": _("Ask for their agreement to the privacy notice first.")},
    )

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())


class FollowUpForm(PlainTextFormMixin, forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text; links are kept as they are. It is sent once to each person and cannot be recalled."),
    )

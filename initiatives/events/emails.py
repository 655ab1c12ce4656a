"""Emails to people who register for events, in the language they registered in.

Each (registration, kind) is sent at most once: the `RegistrationEmail` row
is claimed in the same transaction as the send (see portal.mail.send_once).
An email that no longer fits the registration (a waitlist notice for someone
already given a seat, a reminder for a cancelled place) is not sent.
"""

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from initiatives.events import times
from initiatives.events.cancel_links import cancel_token
from initiatives.events.ical import event_ics
from initiatives.events.models import Registration, RegistrationEmail
from portal import mail
from portal.i18n import page_in
from portal.mail import page_url, site_url

logger = logging.getLogger(__name__)

Kind = RegistrationEmail.Kind
Status = Registration.Status

SUBJECTS = {
    Kind.CONFIRMATION: _("You are registered: %(event)s"),
    Kind.WAITLIST: _("You are on the waitlist: %(event)s"),
    Kind.PROMOTION: _("A seat is yours: %(event)s"),
    Kind.REMINDER: _("Tomorrow: %(event)s"),
    Kind.CANCELLATION: _("Registration cancelled: %(event)s"),
    Kind.EVENT_CANCELLED: _("Event cancelled: %(event)s"),
}


def still_relevant(registration: Registration, kind: str) -> bool:
    event = registration.event
    if kind == Kind.EVENT_CANCELLED:
        return event.cancelled and registration.is_active
    if kind == Kind.CANCELLATION:
        return registration.status == Status.CANCELLED
    if event.cancelled:
        return False
    if kind == Kind.WAITLIST:
        return registration.status == Status.WAITLISTED
    return registration.status == Status.CONFIRMED


def build_message(registration: Registration, kind: str) -> EmailMessage:
    event = registration.event
    with translation.override(registration.language):
        page = page_in(event, registration.language)  # the registrant's language when it is live
        cancel_path = reverse("initiatives:cancel_registration", args=[cancel_token(registration)])
        context = {
            "kind": kind,
            "registration": registration,
            "page": page,
            "event": event,
            "when": times.describe_when(event),
            "zone": times.zone_label(event),
            "event_url": page_url(page),
            "cancel_url": site_url(cancel_path),
            "can_cancel": registration.is_active and not event.cancelled,
        }
        subject = str(SUBJECTS[kind] % {"event": page.title})
        body = render_to_string("initiatives/email/registration.txt", context).strip() + "\n"
    message = EmailMessage(subject, body, to=[registration.email])
    if kind in (Kind.CONFIRMATION, Kind.PROMOTION, Kind.REMINDER):
        message.attach("event.ics", event_ics(page), "text/calendar; charset=utf-8")
    return message


def send_registration_email(registration_id: int, kind: str) -> bool:
    """Send one kind of email about a registration, once. True if it went out now."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not still_relevant(registration, kind):
        logger.info("No %s email for registration %s: it no longer applies", kind, registration_id)
        return False

    def claim() -> bool:
        return RegistrationEmail.objects.get_or_create(registration=registration, kind=kind)[1]

    return mail.send_once(
        claim, [build_message(registration, kind)], label=f"{kind} for registration {registration_id}"
    )

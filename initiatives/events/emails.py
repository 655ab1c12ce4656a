"""Emails to people who register for events, in the language they registered in.

Each (registration, kind, hours before for reminders) is sent at most once: the `RegistrationEmail` row
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
from initiatives.events.models import FollowUp, Registration, RegistrationEmail
from initiatives.events.tickets import offer_url, qr_png, ticket_url
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
    Kind.OFFER: _("A seat is free for you, please answer: %(event)s"),
    Kind.FOLLOW_UP_ATTENDED: _("Thank you for coming: %(event)s"),
    Kind.FOLLOW_UP_ABSENT: _("Sorry we missed you: %(event)s"),
}
EARLY_REMINDER_SUBJECT = _("Coming up: %(event)s")
# Emails that carry the ticket: its QR code as a picture and the event as a calendar file.
WITH_TICKET = (Kind.CONFIRMATION, Kind.PROMOTION, Kind.REMINDER)


def subject(kind: str, hours_before: int, title: str) -> str:
    template = EARLY_REMINDER_SUBJECT if kind == Kind.REMINDER and hours_before > 24 else SUBJECTS[kind]
    return str(template % {"event": title})


def follow_up_for(registration: Registration, kind: str) -> FollowUp | None:
    audience = FollowUp.Audience.ATTENDED if kind == Kind.FOLLOW_UP_ATTENDED else FollowUp.Audience.ABSENT
    return FollowUp.objects.filter(event=registration.event, audience=audience).first()


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
    if kind == Kind.OFFER:
        return registration.status == Status.OFFERED
    if kind == Kind.FOLLOW_UP_ATTENDED:
        return registration.attended and registration.is_active
    if kind == Kind.FOLLOW_UP_ABSENT:
        return not registration.attended and registration.is_active
    return registration.status == Status.CONFIRMED


def build_message(registration: Registration, kind: str, hours_before: int = 0) -> EmailMessage:
    event = registration.event
    follow_up = follow_up_for(registration, kind) if kind in (Kind.FOLLOW_UP_ATTENDED, Kind.FOLLOW_UP_ABSENT) else None
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
            "can_cancel": registration.is_active and not event.cancelled and not event.has_ended(),
            "ticket_url": ticket_url(registration),
            "with_ticket": kind in WITH_TICKET,
            "offer_url": offer_url(registration) if kind == Kind.OFFER else "",
            "offer_expires": times.describe_moment(event, registration.offer_expires_at),
            "hours_before": hours_before,
            "days_before": hours_before // 24,
            "follow_up": follow_up,
        }
        body = render_to_string("initiatives/email/registration.txt", context).strip() + "\n"
        message = EmailMessage(subject(kind, hours_before, page.title), body, to=[registration.email])
    if kind in WITH_TICKET:
        message.attach("event.ics", event_ics(page), "text/calendar; charset=utf-8")
        message.attach("ticket.png", qr_png(registration), "image/png")
    return message


def send_registration_email(registration_id: int, kind: str, hours_before: int = 0) -> bool:
    """Send one kind of email about a registration, once (a reminder once per time before). True if sent now."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if kind != Kind.REMINDER:
        hours_before = 0
    if registration is None or not still_relevant(registration, kind):
        logger.info("No %s email for registration %s: it no longer applies", kind, registration_id)
        return False

    def claim() -> bool:
        return RegistrationEmail.objects.get_or_create(registration=registration, kind=kind, hours_before=hours_before)[
            1
        ]

    return mail.send_once(
        claim,
        [build_message(registration, kind, hours_before)],
        label=f"{kind} {hours_before or ''} for registration {registration_id}",
    )

"""Background work for events: registration emails and the day-before reminders.

Tasks take identifiers and load rows fresh; each email is claimed in
`RegistrationEmail` before it goes out, so running a task twice sends once.
"""

import datetime

from django.db.models import F
from django.utils import timezone

from initiatives import emails
from initiatives.models import Registration, RegistrationEmail
from portal.celery import idempotent_task
from portal.mail import MAIL_ERRORS

REMINDER_LEAD = datetime.timedelta(hours=24)


@idempotent_task(retry_on=MAIL_ERRORS)
def send_registration_email(registration_id: int, kind: str) -> bool:
    return emails.send_registration_email(registration_id, kind)


def registrations_due_a_reminder(now: datetime.datetime):
    """Confirmed places at live, uncancelled events starting within a day, not yet reminded.

    People who registered (or were given a seat) inside that last day already
    have a fresh confirmation, so they are left alone.
    """
    return (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            event__live=True,
            event__cancelled=False,
            event__start__gt=now,
            event__start__lte=now + REMINDER_LEAD,
        )
        .exclude(emails__kind=RegistrationEmail.Kind.REMINDER)
        .exclude(created_at__gt=F("event__start") - REMINDER_LEAD)
        .exclude(promoted_at__gt=F("event__start") - REMINDER_LEAD)
        .order_by("pk")
    )


@idempotent_task()
def send_event_reminders() -> int:
    """Run by beat every few minutes: queue one reminder per registration due one."""
    now = timezone.now()
    due = list(registrations_due_a_reminder(now).values_list("pk", flat=True))
    for registration_id in due:
        send_registration_email.delay(registration_id, RegistrationEmail.Kind.REMINDER)
    return len(due)

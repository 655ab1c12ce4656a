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


# --- Financiers: account decisions, saved-search alerts, expressions of interest ---------------
# Each email is claimed under a unique key (or, for digests, on its own row) in the
# transaction that sends it: see initiatives.financiers.emails and .alerts.


@idempotent_task(retry_on=MAIL_ERRORS)
def notify_staff_of_financier_signup(financier_id: int) -> bool:
    from initiatives.financiers import emails as financier_emails

    return financier_emails.send_signup_to_staff(financier_id)


@idempotent_task(retry_on=MAIL_ERRORS)
def send_financier_decision(financier_id: int, status: str, decided_at: str) -> bool:
    from initiatives.financiers import emails as financier_emails

    return financier_emails.send_decision(financier_id, status, decided_at)


@idempotent_task()
def queue_saved_search_alerts() -> int:
    """Run by beat every morning: check each due saved search on its own, and resend digests a crash left behind."""
    from initiatives.financiers import alerts

    now = timezone.now()
    due = alerts.due_searches(now)
    for saved_search_id in due:
        check_saved_search.delay(saved_search_id)
    for digest_id in alerts.stale_digests(now):
        send_alert_digest.delay(digest_id)
    return len(due)


@idempotent_task()
def check_saved_search(saved_search_id: int) -> int | None:
    from initiatives.financiers import alerts

    digest = alerts.check_search(saved_search_id)
    return digest.pk if digest is not None else None


@idempotent_task(retry_on=MAIL_ERRORS)
def send_alert_digest(digest_id: int) -> bool:
    from initiatives.financiers import alerts

    return alerts.send_digest(digest_id)


@idempotent_task(retry_on=MAIL_ERRORS)
def notify_interest_contact(interest_id: int) -> bool:
    from initiatives.financiers import emails as financier_emails

    return financier_emails.send_interest_to_contact(interest_id)


@idempotent_task(retry_on=MAIL_ERRORS)
def notify_staff_of_interest(interest_id: int) -> bool:
    from initiatives.financiers import emails as financier_emails

    return financier_emails.send_interest_to_staff(interest_id)


@idempotent_task(retry_on=MAIL_ERRORS)
def send_interest_status(interest_id: int, status: str, changed_at: str) -> bool:
    from initiatives.financiers import emails as financier_emails

    return financier_emails.send_interest_status(interest_id, status, changed_at)

"""Background work for events: registration emails and the day-before reminders.

Each task keeps the name it had when the tasks lived in `initiatives.tasks`:
beat schedules and messages already queued refer to tasks by name.

Tasks take identifiers and load rows fresh; each email is claimed in
`RegistrationEmail` before it goes out, so running a task twice sends once.
"""

import datetime

from django.db.models import F
from django.utils import timezone

from initiatives.events import emails
from initiatives.events.models import Registration, RegistrationEmail
from portal.celery import idempotent_task
from portal.mail import MAIL_ERRORS

REMINDER_LEAD = datetime.timedelta(hours=24)


@idempotent_task(retry_on=MAIL_ERRORS, name="initiatives.tasks.send_registration_email")
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


# A registration email normally goes out within seconds; one missing after
# EMAIL_GRACE was lost on the way (the broker down or restarted when it was
# queued). Older than EMAIL_LOOKBACK, the moment for it has passed.
EMAIL_GRACE = datetime.timedelta(minutes=2)
EMAIL_LOOKBACK = datetime.timedelta(days=2)


def emails_missing(now: datetime.datetime, *, grace: datetime.timedelta = EMAIL_GRACE) -> list[tuple[int, str]]:
    """(registration id, kind) of each email a registration's current state calls for and never got.

    Only for events still to come: the confirmation, waitlist place or seat
    from the waitlist of a live place, the receipt of a cancelled one.
    """
    window = {"__gte": now - EMAIL_LOOKBACK, "__lte": now - grace}

    def changed(field: str) -> dict:
        return {f"{field}{lookup}": moment for lookup, moment in window.items()}

    upcoming = Registration.objects.filter(event__start__gt=now, event__cancelled=False)
    Status, Kind = Registration.Status, RegistrationEmail.Kind
    wanted = [
        (
            upcoming.filter(status=Status.CONFIRMED, promoted_at__isnull=True, **changed("created_at")),
            Kind.CONFIRMATION,
        ),
        (upcoming.filter(status=Status.CONFIRMED, **changed("promoted_at")), Kind.PROMOTION),
        (upcoming.filter(status=Status.WAITLISTED, **changed("created_at")), Kind.WAITLIST),
        (upcoming.filter(status=Status.CANCELLED, **changed("cancelled_at")), Kind.CANCELLATION),
    ]
    missing = []
    for registrations, kind in wanted:
        ids = registrations.exclude(emails__kind=kind).order_by("pk").values_list("pk", flat=True)
        missing += [(registration_id, kind) for registration_id in ids]
    return missing


@idempotent_task(name="initiatives.tasks.send_missing_registration_emails")
def send_missing_registration_emails(grace_seconds: float = EMAIL_GRACE.total_seconds()) -> int:
    """Run by beat: queue again the registration emails that were lost on the way.

    The claim in RegistrationEmail makes a duplicate impossible, should the
    first task turn up after all.
    """
    missing = emails_missing(timezone.now(), grace=datetime.timedelta(seconds=grace_seconds))
    for registration_id, kind in missing:
        send_registration_email.delay(registration_id, kind)
    return len(missing)


@idempotent_task(name="initiatives.tasks.send_event_reminders")
def send_event_reminders() -> int:
    """Run by beat every few minutes: queue one reminder per registration due one."""
    now = timezone.now()
    due = list(registrations_due_a_reminder(now).values_list("pk", flat=True))
    for registration_id in due:
        send_registration_email.delay(registration_id, RegistrationEmail.Kind.REMINDER)
    return len(due)

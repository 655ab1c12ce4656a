"""Background work for events: registration emails, reminders, waitlist offers and follow-ups.

Each task keeps the name it had when the tasks lived in `initiatives.tasks`:
beat schedules and messages already queued refer to tasks by name.

Tasks take identifiers and load rows fresh; each email is claimed in
`RegistrationEmail` before it goes out, so running a task twice sends once.
"""

import datetime

from django.db.models import F
from django.utils import timezone

from initiatives.events import emails
from initiatives.events.forms import REMINDER_CHOICES
from initiatives.events.models import EventPage, FollowUp, Registration, RegistrationEmail
from portal.celery import idempotent_task
from portal.mail import MAIL_ERRORS

Status = Registration.Status


@idempotent_task(retry_on=MAIL_ERRORS, name="initiatives.tasks.send_registration_email")
def send_registration_email(registration_id: int, kind: str, hours_before: int = 0) -> bool:
    return emails.send_registration_email(registration_id, kind, hours_before)


def registrations_due_a_reminder(now: datetime.datetime, hours: int = 24, event: EventPage | None = None):
    """Confirmed places at live, uncancelled events starting within `hours`, not yet given that reminder.

    People who registered (or were given a seat) inside those hours already
    have a fresh confirmation, so they are left alone.
    """
    lead = datetime.timedelta(hours=hours)
    registrations = Registration.objects.filter(
        status=Status.CONFIRMED,
        event__live=True,
        event__cancelled=False,
        event__start__gt=now,
        event__start__lte=now + lead,
    )
    if event is not None:
        registrations = registrations.filter(event=event)
    return (
        registrations.exclude(emails__kind=RegistrationEmail.Kind.REMINDER, emails__hours_before=hours)
        .exclude(created_at__gt=F("event__start") - lead)
        .exclude(promoted_at__gt=F("event__start") - lead)
        .order_by("pk")
    )


def reminders_due(now: datetime.datetime) -> list[tuple[int, int]]:
    """(registration id, hours before) of each reminder due now, by the times each event's staff chose.

    Only the nearest reminder whose time has come is sent: after a pause in
    the beat, someone is not sent "in a week" and "tomorrow" together.
    """
    horizon = now + datetime.timedelta(hours=max(hours for hours, _ in REMINDER_CHOICES))
    upcoming = Registration.objects.filter(
        status=Status.CONFIRMED, event__live=True, event__cancelled=False, event__start__gt=now
    ).filter(event__start__lte=horizon)
    due = []
    for event in EventPage.objects.filter(pk__in=upcoming.values("event_id")).order_by("start", "pk"):
        passed = [hours for hours in event.reminder_hours or [] if event.start - datetime.timedelta(hours=hours) <= now]
        if passed:
            hours = min(passed)
            ids = registrations_due_a_reminder(now, hours, event).values_list("pk", flat=True)
            due += [(registration_id, hours) for registration_id in ids]
    return due


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
    Kind = RegistrationEmail.Kind
    wanted = [
        (
            upcoming.filter(status=Status.CONFIRMED, promoted_at__isnull=True, **changed("created_at")),
            Kind.CONFIRMATION,
        ),
        (upcoming.filter(status=Status.CONFIRMED, **changed("promoted_at")), Kind.PROMOTION),
        (upcoming.filter(status=Status.WAITLISTED, **changed("created_at")), Kind.WAITLIST),
        (upcoming.filter(status=Status.OFFERED, **changed("offered_at")), Kind.OFFER),
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
    """Run by beat every few minutes: queue each reminder due (claimed per registration and time when sent)."""
    due = reminders_due(timezone.now())
    for registration_id, hours in due:
        send_registration_email.delay(registration_id, RegistrationEmail.Kind.REMINDER, hours)
    return len(due)


@idempotent_task(name="initiatives.events.expire_waitlist_offers")
def expire_waitlist_offers(event_id: int) -> int:
    """Queued with each offer for the moment it lapses: end the event's lapsed offers and pass the seats on."""
    # The registration rules queue this task, so they are imported here, not at the top.
    from initiatives.events.registration import expire_offers

    return len(expire_offers(event_id))


@idempotent_task(name="initiatives.events.expire_lapsed_offers")
def expire_lapsed_offers() -> int:
    """Run by beat every minute: the same for every event, should an offer's own task have been lost."""
    from initiatives.events.registration import events_with_lapsed_offers, expire_offers

    return sum(len(expire_offers(event_id)) for event_id in events_with_lapsed_offers(timezone.now()))


@idempotent_task(name="initiatives.events.send_follow_up")
def send_follow_up(follow_up_id: int) -> int:
    """Queue a follow-up's email to each person in its audience; each is claimed, so once per person."""
    follow_up = FollowUp.objects.select_related("event").filter(pk=follow_up_id).first()
    if follow_up is None:
        return 0
    ids = list(follow_up_audience(follow_up).values_list("pk", flat=True))
    for registration_id in ids:
        send_registration_email.delay(registration_id, follow_up.email_kind)
    return len(ids)


def follow_up_audience(follow_up: FollowUp):
    """Who came (checked in), or everyone still registered who did not: the waitlist too."""
    registrations = follow_up.event.registrations.exclude(status=Status.CANCELLED)
    if follow_up.audience == FollowUp.Audience.ATTENDED:
        return registrations.filter(checked_in_at__isnull=False)
    return registrations.filter(checked_in_at__isnull=True)

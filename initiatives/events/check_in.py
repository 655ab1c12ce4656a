"""Checking people in at the door: a scanned or typed ticket code marks the registration attended.

Several staff phones may scan at once, and the same ticket twice: the
attendance is written by one conditional UPDATE (`... WHERE checked_in_at IS
NULL`), which the database applies to a row once whoever asks first, on
SQLite and PostgreSQL alike. The loser of a race reads the winner's time and
answers "already checked in".
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.events.models import EventPage, Registration
from initiatives.events.tickets import ticket_code_from

Status = Registration.Status


class Outcome(StrEnum):
    CHECKED_IN = "checked-in"
    ALREADY = "already"
    NOT_REGISTERED = "not-registered"
    NOT_CONFIRMED = "not-confirmed"
    INVALID = "invalid"


@dataclass(frozen=True)
class CheckIn:
    outcome: Outcome
    message: str
    registration: Registration | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == Outcome.CHECKED_IN


def clock(event: EventPage, moment: datetime.datetime) -> str:
    """A check-in time as the door sees it: "09:12" on the day of the event, with the date otherwise."""
    local = moment.astimezone(event.zone)
    if local.date() == timezone.now().astimezone(event.zone).date():
        return f"{local:%H:%M}"
    return f"{local:%Y-%m-%d %H:%M}"


def check_in(event: EventPage, scanned_or_typed: str, *, now: datetime.datetime | None = None) -> CheckIn:
    """Check in the holder of a ticket at this event; the answer says what happened, in words for staff."""
    now = now or timezone.now()
    event = event.source
    code = ticket_code_from(scanned_or_typed)
    registration = None
    if code is not None:
        registration = Registration.objects.select_related("event").filter(ticket_code=code).first()
    if registration is None:
        return CheckIn(
            Outcome.INVALID,
            _("Not a valid ticket: the code was altered, mistyped or never issued. Nobody was checked in."),
        )
    if registration.event_id != event.pk:
        return CheckIn(
            Outcome.NOT_REGISTERED,
            _("%(name)s is not registered for this event: the ticket is for “%(event)s”.")
            % {"name": registration.name, "event": registration.event.title},
            registration,
        )
    if registration.status == Status.CANCELLED:
        return CheckIn(
            Outcome.NOT_REGISTERED,
            _("%(name)s is not registered for this event: the registration was cancelled.")
            % {"name": registration.name},
            registration,
        )
    if registration.status != Status.CONFIRMED:
        return CheckIn(
            Outcome.NOT_CONFIRMED,
            _("%(name)s is on the waitlist, without a confirmed seat. Use “Walk-in” to let them in.")
            % {"name": registration.name},
            registration,
        )
    marked = Registration.objects.filter(pk=registration.pk, status=Status.CONFIRMED, checked_in_at__isnull=True)
    if marked.update(checked_in_at=now):
        registration.checked_in_at = now
        return CheckIn(
            Outcome.CHECKED_IN,
            _("%(name)s, %(organisation)s: checked in.")
            % {"name": registration.name, "organisation": registration.organisation},
            registration,
        )
    registration.refresh_from_db(fields=["checked_in_at", "status"])
    return CheckIn(
        Outcome.ALREADY,
        _("%(name)s already checked in at %(time)s.")
        % {"name": registration.name, "time": clock(event, registration.checked_in_at)},
        registration,
    )


@dataclass(frozen=True)
class DoorCounts:
    checked_in: int
    confirmed: int
    walk_ins: int

    def as_dict(self) -> dict:
        return {"checked_in": self.checked_in, "confirmed": self.confirmed, "walk_ins": self.walk_ins}


def door_counts(event: EventPage) -> DoorCounts:
    counts = event.source.registrations.filter(status=Status.CONFIRMED).aggregate(
        confirmed=Count("pk"),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        walk_ins=Count("pk", filter=Q(walk_in=True)),
    )
    return DoorCounts(**counts)

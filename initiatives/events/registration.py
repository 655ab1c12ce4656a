"""Registration rules: seats, the waitlist, cancellation and promotion.

Every change to an event's registrations happens inside a transaction that
first locks the event's row (`SELECT ... FOR UPDATE` on PostgreSQL), so
people racing for the last seat queue up one at a time: the count of
confirmed seats they read is the count they write against. Emails go out
from Celery tasks after the transaction commits.
"""

import datetime
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.events.models import EventPage, Registration, RegistrationEmail, RegistrationStatus
from initiatives.events.tasks import send_registration_email


class RegistrationRefused(Exception):
    """A registration or cancellation that the rules do not allow; the message is for the visitor."""


def _locked(event: EventPage) -> EventPage:
    # Lock only the event's own table row: editors saving the page's title do not wait on registrations.
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.source.pk)


def _email_after_commit(registration: Registration, kind: str) -> None:
    # A broker that is down then is logged, not raised (the registration stands), and beat's
    # send_missing_registration_emails sends what was not queued.
    send_registration_email.delay_on_commit(registration.pk, kind)


def register(
    event: EventPage,
    *,
    name: str,
    email: str,
    organisation: str,
    role: str,
    needs: str = "",
    language: str = "en",
    now: datetime.datetime | None = None,
) -> Registration:
    """A confirmed seat if one is free, else a waitlist place. Raises RegistrationRefused."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _locked(event)
        status = event.registration_status(now)
        if status != RegistrationStatus.OPEN:
            raise RegistrationRefused(status.label)
        email_key = email.strip().lower()
        if event.registrations.filter(email_key=email_key).exclude(status=Registration.Status.CANCELLED).exists():
            raise RegistrationRefused(_("This email address is already registered for this event."))
        _fill_vacancies(event, now)  # nobody may jump a queue that has seats waiting for it
        confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
        has_seat = event.capacity is None or confirmed < event.capacity
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=event,
                    name=name,
                    email=email.strip(),
                    organisation=organisation,
                    role=role,
                    needs=needs,
                    language=language,
                    status=Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITLISTED,
                    consented_at=now,
                )
        except IntegrityError as error:  # the same address in a parallel request
            raise RegistrationRefused(_("This email address is already registered for this event.")) from error
        kind = RegistrationEmail.Kind.CONFIRMATION if has_seat else RegistrationEmail.Kind.WAITLIST
        _email_after_commit(registration, kind)
    return registration


@dataclass(frozen=True)
class Cancellation:
    """What `cancel` did: whether it cancelled the registration just now, and who moved up into the seat."""

    cancelled: bool
    promoted: list[Registration] = field(default_factory=list)


def cancel(registration: Registration, *, now: datetime.datetime | None = None) -> Cancellation:
    """Cancel a registration; a freed seat goes to the first person waiting.

    Cancelling twice is harmless: the second time changes nothing and says so (`cancelled` is False).
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return Cancellation(cancelled=False)
        if event.has_ended(now):
            raise RegistrationRefused(_("This event has already taken place."))
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        _email_after_commit(registration, RegistrationEmail.Kind.CANCELLATION)
        return Cancellation(cancelled=True, promoted=_fill_vacancies(event, now))


def fill_vacancies(event: EventPage, *, now: datetime.datetime | None = None) -> list[Registration]:
    """Promote waiting people into free seats, e.g. after staff raise the capacity."""
    with transaction.atomic():
        return _fill_vacancies(_locked(event), now or timezone.now())


def next_in_line(
    event: EventPage, now: datetime.datetime, *, freeing: Registration | None = None
) -> list[Registration]:
    """The waitlist rule: who moves up into the free seats, first come first served, until the event begins.

    With `freeing`, as if that confirmed registration's seat were free too: what cancelling it would do.
    """
    if event.cancelled or event.start <= now:
        return []
    waiting = event.registrations.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "pk")
    if event.capacity is not None:
        confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED)
        if freeing is not None:
            confirmed = confirmed.exclude(pk=freeing.pk)
        waiting = waiting[: max(event.capacity - confirmed.count(), 0)]
    return list(waiting)


def seats_going_to(registration: Registration, now: datetime.datetime | None = None) -> list[Registration]:
    """Who would move up from the waitlist if this registration were cancelled now (the admin's preview)."""
    if registration.status != Registration.Status.CONFIRMED:
        return []
    return next_in_line(registration.event, now or timezone.now(), freeing=registration)


def _fill_vacancies(event: EventPage, now: datetime.datetime) -> list[Registration]:
    # Call with the event row locked.
    promoted = next_in_line(event, now)
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        _email_after_commit(registration, RegistrationEmail.Kind.PROMOTION)
    return promoted

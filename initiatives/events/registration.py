"""Registration rules: seats, the waitlist, cancellation, offers of freed seats and walk-ins.

A freed seat goes to the first person waiting as an offer held for the
event's `offer_hours` (or given at once when that is 0): they accept or
decline from the offer email's link, and an offer declined or left to
expire passes to the next person. `expire_offers` runs from an eta task
queued with each offer and from beat's sweep; the event lock makes the
second run find nothing to do.

Every change to an event's registrations happens inside a transaction that
first locks the event's row (`SELECT ... FOR UPDATE` on PostgreSQL), so
people racing for the last seat queue up one at a time: the count of
confirmed seats they read is the count they write against. Emails go out
from Celery tasks after the transaction commits.
"""

import datetime
import functools
import logging
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerUnreachable

from initiatives.events.models import EventPage, FollowUp, Registration, RegistrationEmail, RegistrationStatus
from initiatives.events.tasks import expire_waitlist_offers, send_registration_email
from initiatives.events.tasks import send_follow_up as send_follow_up_task

logger = logging.getLogger(__name__)


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
        has_seat = event.capacity is None or event.seats_taken() < event.capacity
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
        held = event.registrations.filter(status__in=(Registration.Status.CONFIRMED, Registration.Status.OFFERED))
        if freeing is not None:
            held = held.exclude(pk=freeing.pk)
        waiting = waiting[: max(event.capacity - held.count(), 0)]
    return list(waiting)


def seats_going_to(registration: Registration, now: datetime.datetime | None = None) -> list[Registration]:
    """Who would move up from the waitlist if this registration were cancelled now (the admin's preview)."""
    if registration.status != Registration.Status.CONFIRMED:
        return []
    return next_in_line(registration.event, now or timezone.now(), freeing=registration)


def _fill_vacancies(event: EventPage, now: datetime.datetime) -> list[Registration]:
    """Give the free seats to the people next in line: as offers, or at once when the event holds none.

    Call with the event row locked.
    """
    promoted = next_in_line(event, now)
    for registration in promoted:
        if event.offer_hours:
            registration.status = Registration.Status.OFFERED
            registration.offered_at = now
            registration.offer_expires_at = min(now + datetime.timedelta(hours=event.offer_hours), event.start)
            registration.save(update_fields=["status", "offered_at", "offer_expires_at"])
            _email_after_commit(registration, RegistrationEmail.Kind.OFFER)
            # At the moment it lapses; beat's sweep catches an expiry whose task was lost.
            expiry = functools.partial(
                _publish_or_log, expire_waitlist_offers, event.pk, eta=registration.offer_expires_at
            )
            transaction.on_commit(expiry)
        else:
            registration.status = Registration.Status.CONFIRMED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at"])
            _email_after_commit(registration, RegistrationEmail.Kind.PROMOTION)
    return promoted


def _publish_or_log(task, *args, eta: datetime.datetime) -> None:
    try:
        task.apply_async(args=args, eta=eta)
    except BrokerUnreachable as error:
        logger.error("Could not queue %s%r, the broker is unreachable: %s", task.name, args, error)


# --- Offers of freed seats --------------------------------------------------------------


class OfferAnswer(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"


def answer_offer(
    registration: Registration, answer: OfferAnswer, *, now: datetime.datetime | None = None
) -> Registration:
    """Accept or decline an offered seat. Raises RegistrationRefused if the offer is no longer open.

    Accepting confirms the seat (with a ticket by email); declining frees it for the next person.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        refusal = offer_closed_reason(registration, now)
        if refusal is not None:
            raise RegistrationRefused(refusal)
        if answer == OfferAnswer.ACCEPTED:
            registration.status = Registration.Status.CONFIRMED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at"])
            _email_after_commit(registration, RegistrationEmail.Kind.PROMOTION)
        else:
            registration.status = Registration.Status.CANCELLED
            registration.cancelled_at = now
            registration.save(update_fields=["status", "cancelled_at"])
            _fill_vacancies(event, now)
    return registration


def offer_closed_reason(registration: Registration, now: datetime.datetime | None = None) -> str | None:
    """Why an offer link no longer does anything, for the person who followed it; None while it is open."""
    now = now or timezone.now()
    Status = Registration.Status
    expired = _("This offer expired and the seat has passed to the next person on the waitlist.")
    if registration.status == Status.OFFERED:
        return None if registration.offer_expires_at > now else expired
    if registration.status == Status.CONFIRMED and registration.offered_at is not None:
        return _("You already accepted this seat: your registration is confirmed.")
    if registration.status == Status.CANCELLED and registration.offered_at is not None:
        if registration.cancelled_at and registration.cancelled_at >= registration.offer_expires_at:
            return expired
        return _("You declined this seat, or cancelled your registration. Nothing more to do.")
    return _("There is no open offer of a seat for this registration.")


def expire_offers(event_id: int, *, now: datetime.datetime | None = None) -> list[Registration]:
    """End the offers of an event that have lapsed, passing each seat on; who was offered it next.

    Safe to run any number of times: under the event's lock, a lapsed offer is ended once.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = EventPage.objects.select_for_update(of=("self",)).filter(pk=event_id).first()
        if event is None:
            return []
        lapsed = event.registrations.filter(status=Registration.Status.OFFERED, offer_expires_at__lte=now)
        if not lapsed.update(status=Registration.Status.CANCELLED, cancelled_at=now):
            return []
        return _fill_vacancies(event, now)


def events_with_lapsed_offers(now: datetime.datetime) -> list[int]:
    return list(
        Registration.objects.filter(status=Registration.Status.OFFERED, offer_expires_at__lte=now)
        .order_by()
        .values_list("event_id", flat=True)
        .distinct()
    )


# --- At the door ----------------------------------------------------------------------------


def register_walk_in(
    event: EventPage,
    *,
    name: str,
    email: str,
    organisation: str,
    role: str = "",
    language: str = "en",
    now: datetime.datetime | None = None,
) -> tuple[Registration, bool]:
    """Someone at the door without a ticket: registered and checked in in one step.

    They are in the room, so no seat limit or registration window applies.
    Someone already registered under that email is checked in on their
    registration (a waitlist place becomes a seat). Returns the registration
    and whether it is new.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = _locked(event)
        if event.cancelled:
            raise RegistrationRefused(_("The event is cancelled."))
        email_key = email.strip().lower()
        existing = (
            event.registrations.select_for_update()
            .filter(email_key=email_key)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        if existing is not None:
            if existing.status != Registration.Status.CONFIRMED:
                existing.status = Registration.Status.CONFIRMED
                existing.promoted_at = now
            if existing.checked_in_at is None:
                existing.checked_in_at = now
            existing.save(update_fields=["status", "promoted_at", "checked_in_at"])
            return existing, False
        registration = Registration.objects.create(
            event=event,
            name=name,
            email=email.strip(),
            organisation=organisation,
            role=role,
            language=language,
            status=Registration.Status.CONFIRMED,
            consented_at=now,
            checked_in_at=now,
            walk_in=True,
        )
        # Their ticket by email: the way back to a certificate of attendance after the event.
        _email_after_commit(registration, RegistrationEmail.Kind.CONFIRMATION)
    return registration, True


# --- After the event ----------------------------------------------------------------------


def send_follow_up(event: EventPage, audience: str, message: str, user) -> FollowUp:
    """Record the one follow-up to this audience and queue its emails. Raises RegistrationRefused.

    Only after the event, and once per audience: the unique row is the guard,
    and each email is claimed per person, so nobody gets it twice.
    """
    event = event.source
    if not event.has_ended():
        raise RegistrationRefused(_("Follow-ups can be sent once the event has ended."))
    try:
        with transaction.atomic():
            follow_up = FollowUp.objects.create(event=event, audience=audience, message=message, sent_by=user)
            send_follow_up_task.delay_on_commit(follow_up.pk)
    except IntegrityError as error:
        raise RegistrationRefused(_("This follow-up has already been sent; each person gets it once.")) from error
    return follow_up

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Ticket codes: Crockford's base32, no I, L, O or U to misread when a code is typed at the door.
TICKET_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TICKET_CODE_LENGTH = 10  # 50 random bits


def new_ticket_code() -> str:
    return "".join(secrets.choice(TICKET_ALPHABET) for _ in range(TICKET_CODE_LENGTH))


def normalise_ticket_code(typed: str) -> str:
    """A code as staff type it ("k7m2q-x9dab ") in the stored form ("K7M2QX9DAB"), misread letters mended."""
    code = "".join(typed.split()).replace("-", "").upper()
    return code.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


class Registration(models.Model):
    """A person's place at an event: confirmed, on the waitlist, or cancelled.

    Registrations always belong to the original (default-locale) event page,
    so every translation of an event shares one set of seats. Cancelled rows
    stay as history; an email can hold one active registration per event.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        OFFERED = "offered", _("Offered a seat")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        "initiatives.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("full name"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    email_key = models.CharField(max_length=254, editable=False, help_text="Lower-cased email, for uniqueness.")
    organisation = models.CharField(_("organisation"), max_length=160)
    role = models.CharField(_("role"), max_length=120)
    needs = models.TextField(_("accessibility or dietary needs"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="en", help_text=_("Emails are written in it."))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    consented_at = models.DateTimeField(_("consented at"))
    promoted_at = models.DateTimeField(_("moved off the waitlist at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    ticket_code = models.CharField(
        _("ticket code"), max_length=16, unique=True, editable=False, default=new_ticket_code
    )
    offered_at = models.DateTimeField(_("offered a seat at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True, db_index=True)
    walk_in = models.BooleanField(_("walk-in"), default=False, help_text=_("Registered at the door."))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [("check_in_registration", _("Can check people in at the door"))]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email_key"],
                condition=~Q(status="cancelled"),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="registration_queue")]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        self.email_key = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED

    @property
    def ticket_code_display(self) -> str:
        """The code as printed under the QR code, in two groups to read aloud."""
        code = self.ticket_code or ""
        return f"{code[:5]}-{code[5:]}"

    @property
    def attended(self) -> bool:
        return self.checked_in_at is not None


class RegistrationEmail(models.Model):
    """An email sent about a registration. One row per kind: a task run twice sends once."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation")
        WAITLIST = "waitlist", _("Waitlist place")
        PROMOTION = "promotion", _("Seat from the waitlist")
        REMINDER = "reminder", _("Reminder")
        CANCELLATION = "cancellation", _("Cancellation receipt")
        EVENT_CANCELLED = "event-cancelled", _("Event cancelled")
        OFFER = "offer", _("Offer of a freed seat")
        FOLLOW_UP_ATTENDED = "follow-up-attended", _("Follow-up to attendees")
        FOLLOW_UP_ABSENT = "follow-up-absent", _("Follow-up to people who did not come")

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="emails"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Which reminder: an event may have several (a week before, a day before); 0 for every other kind.
    hours_before = models.PositiveIntegerField(_("hours before the event"), default=0)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["sent_at"]
        verbose_name = _("registration email")
        verbose_name_plural = _("registration emails")
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind", "hours_before"], name="one_email_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.registration.email}"


class FollowUp(models.Model):
    """A message staff send after an event to one audience: those who came, or those who did not.

    One per audience and event, so each person gets it at most once (the
    emails are claimed in RegistrationEmail like every other).
    """

    class Audience(models.TextChoices):
        ATTENDED = "attended", _("People who came")
        ABSENT = "absent", _("People who registered and did not come")

    event = models.ForeignKey(
        "initiatives.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    message = models.TextField(_("message"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [models.UniqueConstraint(fields=["event", "audience"], name="one_follow_up_per_audience")]

    def __str__(self) -> str:
        return f"{self.get_audience_display()}: {self.event}"

    @property
    def email_kind(self) -> str:
        if self.audience == self.Audience.ATTENDED:
            return RegistrationEmail.Kind.FOLLOW_UP_ATTENDED
        return RegistrationEmail.Kind.FOLLOW_UP_ABSENT

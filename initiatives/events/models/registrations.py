import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """A person's place at an event: confirmed, on the waitlist, or cancelled.

    Registrations always belong to the original (default-locale) event page,
    so every translation of an event shares one set of seats. Cancelled rows
    stay as history; an email can hold one active registration per event.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
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

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
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


class RegistrationEmail(models.Model):
    """An email sent about a registration. One row per kind: a task run twice sends once."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation")
        WAITLIST = "waitlist", _("Waitlist place")
        PROMOTION = "promotion", _("Seat from the waitlist")
        REMINDER = "reminder", _("Reminder, the day before")
        CANCELLATION = "cancellation", _("Cancellation receipt")
        EVENT_CANCELLED = "event-cancelled", _("Event cancelled")

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="emails"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["sent_at"]
        verbose_name = _("registration email")
        verbose_name_plural = _("registration emails")
        constraints = [models.UniqueConstraint(fields=["registration", "kind"], name="one_email_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.registration.email}"

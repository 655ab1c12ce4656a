"""Financiers: their accounts, saved catalogue searches with email alerts, and expressions of interest.

A financier is a person at a bank, fund or other investor who signed up on
the site; staff approve them before they see anything restricted (approval
puts their user in the "Financiers" group, see `initiatives.eod.access`).
Amounts are CNY million, as everywhere in the EOD catalogue.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from initiatives.eod.choices import EodSector, Instrument, ProgrammeStage
from initiatives.eod.matching import Mandate
from members.models import Province
from portal.models.mail import EmailLog


class Financier(models.Model):
    class Kind(models.TextChoices):
        BANK = "bank", _("Bank")
        FUND = "fund", _("Investment fund")
        INSURER = "insurer", _("Insurer")
        CORPORATE = "corporate", _("Social capital or corporate investor")
        DFI = "dfi", _("Development finance institution")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")
        SUSPENDED = "suspended", _("Suspended")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user account"), on_delete=models.CASCADE, related_name="financier"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200)
    kind = models.CharField(_("kind of organisation"), max_length=20, choices=Kind.choices)
    position = models.CharField(_("position"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en", help_text=_("Emails are written in it."))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    decision_note = models.TextField(
        _("note to the applicant"), blank=True, help_text=_("Sent with the decision email, e.g. why it was declined.")
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consented_at = models.DateTimeField(_("agreed to the privacy notice at"))
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("financier")
        verbose_name_plural = _("financiers")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.organisation})"

    @property
    def email(self) -> str:
        return self.user.email

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED and self.user.is_active


def _validate_choice_list(value, choices: type[models.TextChoices]) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_("Expected a list of choices."), code="invalid")
    unknown = sorted(set(value) - set(choices.values))
    if unknown:
        raise ValidationError(
            _("Unknown choice: %(values)s."), code="invalid_choice", params={"values": ", ".join(unknown)}
        )


def validate_provinces(value) -> None:
    _validate_choice_list(value, Province)


def validate_sectors(value) -> None:
    _validate_choice_list(value, EodSector)


def validate_instruments(value) -> None:
    _validate_choice_list(value, Instrument)


def validate_stages(value) -> None:
    _validate_choice_list(value, ProgrammeStage)


class FinancierMandate(models.Model):
    """What a financier finances: the catalogue scores every programme against it (`initiatives.eod.matching`).

    Each part left empty accepts anything. Amounts are CNY million; the
    ticket size range is compared with a programme's financing gap.
    """

    financier = models.OneToOneField(
        Financier, verbose_name=_("financier"), on_delete=models.CASCADE, related_name="mandate"
    )
    provinces = models.JSONField(_("provinces"), default=list, blank=True, validators=[validate_provinces])
    sectors = models.JSONField(_("sectors"), default=list, blank=True, validators=[validate_sectors])
    instruments = models.JSONField(_("instruments"), default=list, blank=True, validators=[validate_instruments])
    stages = models.JSONField(_("stages"), default=list, blank=True, validators=[validate_stages])
    ticket_min = models.DecimalField(
        _("smallest ticket"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("CNY million"),
    )
    ticket_max = models.DecimalField(
        _("largest ticket"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("CNY million"),
    )
    min_proceeds_share = models.DecimalField(
        _("least share of proceeds fed back to conservation"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_("Percent"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("financing mandate")
        verbose_name_plural = _("financing mandates")
        constraints = [
            models.CheckConstraint(
                condition=Q(ticket_min__isnull=True)
                | Q(ticket_max__isnull=True)
                | Q(ticket_min__lte=models.F("ticket_max")),
                name="mandate_ticket_min_le_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.financier}"

    def clean(self):
        super().clean()
        if self.ticket_min is not None and self.ticket_max is not None and self.ticket_min > self.ticket_max:
            raise ValidationError({"ticket_max": reversed_range_message()})

    def as_mandate(self) -> Mandate:
        return Mandate(
            provinces=frozenset(self.provinces or ()),
            sectors=frozenset(self.sectors or ()),
            instruments=frozenset(self.instruments or ()),
            stages=frozenset(self.stages or ()),
            ticket_min=self.ticket_min,
            ticket_max=self.ticket_max,
            min_proceeds_share=self.min_proceeds_share,
        )


def reversed_range_message() -> str:
    return _("The largest ticket is below the smallest one: give the range from the smaller amount to the larger.")


class SavedSearch(models.Model):
    """A catalogue search a financier keeps, and how often they want to hear about new matches."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly, on Mondays")
        OFF = "off", _("No emails")

    financier = models.ForeignKey(
        Financier, verbose_name=_("financier"), on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    querystring = models.CharField(
        _("search"), max_length=2000, help_text=_("The catalogue's query string, in canonical form.")
    )
    frequency = models.CharField(
        _("email alerts"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY, db_index=True
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    last_run_at = models.DateTimeField(_("last checked at"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(fields=["financier", "querystring"], name="one_saved_search_per_query"),
        ]

    def __str__(self) -> str:
        return self.name


class AlertDigest(models.Model):
    """One alert email about a saved search: the programmes it reports are its items.

    Made together with its items in one transaction; the email task claims
    it (pending → sent) in the transaction that sends, so it goes out once.
    """

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not sent (alerts switched off or account not approved)")

    saved_search = models.ForeignKey(
        SavedSearch, verbose_name=_("saved search"), on_delete=models.CASCADE, related_name="digests"
    )
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING, db_index=True
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("alert email")
        verbose_name_plural = _("alert emails")

    def __str__(self) -> str:
        return f"{self.saved_search} · {self.created_at:%Y-%m-%d}"


class AlertItem(models.Model):
    """A programme version already reported to a saved search (or known when it was saved).

    Unique per (saved search, programme, version): a programme is reported
    again only once it has been published anew. Items without a digest are
    the baseline recorded when the search was saved.
    """

    saved_search = models.ForeignKey(
        SavedSearch, verbose_name=_("saved search"), on_delete=models.CASCADE, related_name="alert_items"
    )
    programme = models.ForeignKey(
        "initiatives.EodProgrammePage", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="+"
    )
    programme_version = models.DateTimeField(_("programme published at"))
    digest = models.ForeignKey(
        AlertDigest,
        verbose_name=_("alert email"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="items",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("alert item")
        verbose_name_plural = _("alert items")
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "programme", "programme_version"], name="one_alert_per_programme_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.saved_search_id} · {self.programme_id} · {self.programme_version:%Y-%m-%d %H:%M}"


OPEN_INTEREST_STATUSES = ("submitted", "acknowledged", "in-discussion")


class ExpressionOfInterest(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        IN_DISCUSSION = "in-discussion", _("In discussion")
        DECLINED = "declined", _("Declined")
        CLOSED = "closed", _("Closed")

    financier = models.ForeignKey(
        Financier, verbose_name=_("financier"), on_delete=models.CASCADE, related_name="interests"
    )
    programme = models.ForeignKey(
        "initiatives.EodProgrammePage",
        verbose_name=_("programme"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="expressions_of_interest",
    )  # empty once the programme's page is deleted; `programme_title` keeps its title
    programme_title = models.CharField(_("programme title"), max_length=255, editable=False)
    amount_min = models.DecimalField(
        _("amount from"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("CNY million"),
    )
    amount_max = models.DecimalField(
        _("amount up to"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("CNY million"),
    )
    instrument = models.CharField(_("instrument"), max_length=20, choices=Instrument.choices)
    message = models.TextField(_("message"), max_length=4000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    staff_note = models.TextField(
        _("note to the financier"), blank=True, help_text=_("Sent to the financier when the status changes.")
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["financier", "programme"],
                condition=Q(status__in=OPEN_INTEREST_STATUSES),
                name="one_open_interest_per_programme",
            ),
            models.CheckConstraint(condition=Q(amount_min__lte=models.F("amount_max")), name="interest_min_le_max"),
        ]

    def __str__(self) -> str:
        return f"{self.financier} → {self.programme_title}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_INTEREST_STATUSES

    def clean(self):
        super().clean()
        if self.amount_min is not None and self.amount_max is not None and self.amount_min > self.amount_max:
            raise ValidationError({"amount_max": _("The upper amount cannot be below the lower one.")})


class FinancierEmail(EmailLog):
    """An email about a financier's account or interest that must go out once: its key says which.

    Claimed in the same transaction as the send (see `portal.mail.send_once`).
    Keys: "signup-<financier>", "decision-<financier>-<status>-<time>",
    "interest-<id>-contact", "interest-<id>-staff", "interest-<id>-status-<status>-<time>",
    "password-reset-<request>-<user>".
    """

    class Meta(EmailLog.Meta):
        verbose_name = _("financier email")
        verbose_name_plural = _("financier emails")

"""Expressions of interest: an approved financier tells a programme how much they might put in, and how.

One open expression (submitted, acknowledged or in discussion) per financier
and programme: a second one waits until staff close or decline the first.
Expressions are recorded against the programme's original-language page,
whichever translation the financier read. The programme's contact and staff
are emailed after the transaction commits; staff move the status on in the
admin, and each change emails the financier.
"""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from initiatives.eod.models import EodProgrammePage
from initiatives.financiers.models import OPEN_INTEREST_STATUSES, ExpressionOfInterest, Financier
from initiatives.financiers.tasks import notify_interest_contact, notify_staff_of_interest, send_interest_status


class InterestRefused(Exception):
    """An expression of interest the rules do not allow; the message is for the financier."""


def original(programme: EodProgrammePage) -> EodProgrammePage:
    """The programme's live page in the site's default language, else the page given."""
    translated = programme.get_translation_or_none(Locale.get_default())
    if translated is not None and translated.live:
        return translated.specific
    return programme


def open_interest(financier: Financier, programme: EodProgrammePage) -> ExpressionOfInterest | None:
    return (
        ExpressionOfInterest.objects.filter(
            financier=financier, programme=original(programme), status__in=OPEN_INTEREST_STATUSES
        )
        .order_by("-created_at")
        .first()
    )


def already_open_message(interest: ExpressionOfInterest) -> str:
    return _(
        "You already expressed interest in this programme on %(date)s; its status is “%(status)s”. "
        "You can send another once that one is closed or declined."
    ) % {"date": timezone.localtime(interest.created_at).date().isoformat(), "status": interest.get_status_display()}


def submit(
    financier: Financier,
    programme: EodProgrammePage,
    *,
    amount_min: Decimal,
    amount_max: Decimal,
    instrument: str,
    message: str = "",
) -> ExpressionOfInterest:
    """Record an expression of interest and email the programme's contact and staff. Raises InterestRefused."""
    if not financier.is_approved:
        raise InterestRefused(_("Only approved financiers can express interest."))
    if amount_min > amount_max:
        raise InterestRefused(_("The upper amount cannot be below the lower one."))
    programme = original(programme)
    with transaction.atomic():
        Financier.objects.select_for_update().get(pk=financier.pk)  # one submission at a time per financier
        existing = open_interest(financier, programme)
        if existing is not None:
            raise InterestRefused(already_open_message(existing))
        try:
            with transaction.atomic():
                interest = ExpressionOfInterest.objects.create(
                    financier=financier,
                    programme=programme,
                    programme_title=programme.title,
                    amount_min=amount_min,
                    amount_max=amount_max,
                    instrument=instrument,
                    message=message,
                )
        except IntegrityError as error:
            raise InterestRefused(_("You already expressed interest in this programme.")) from error
        notify_interest_contact.delay_on_commit(interest.pk)
        notify_staff_of_interest.delay_on_commit(interest.pk)
    return interest


def status_changed(interest: ExpressionOfInterest) -> None:
    """Staff saved a new status: stamp it and email the financier after commit (call inside the saving transaction)."""
    interest.status_changed_at = timezone.now()
    interest.save(update_fields=["status_changed_at"])
    send_interest_status.delay_on_commit(interest.pk, interest.status, interest.status_changed_at.isoformat())


def reopening_conflict(interest: ExpressionOfInterest, status: str) -> ExpressionOfInterest | None:
    """Another open expression of the same financier for the same programme, if this one is to be open (`status`)."""
    if status not in OPEN_INTEREST_STATUSES or interest.programme_id is None:
        return None
    return (
        ExpressionOfInterest.objects.filter(
            financier_id=interest.financier_id, programme_id=interest.programme_id, status__in=OPEN_INTEREST_STATUSES
        )
        .exclude(pk=interest.pk)
        .first()
    )

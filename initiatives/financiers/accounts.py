"""Financier accounts: signing up, and staff deciding who may see the restricted side of the catalogue.

Sign-up makes a user (its username is the work email, lower-cased) with a
pending `Financier`; staff are told by email. Approval adds the user to the
"Financiers" group, which is what `initiatives.eod.access.can_see_restricted`
checks; rejection and suspension take them out of it. Each decision emails
the financier, from a Celery task after the transaction commits.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.eod.access import FINANCIERS_GROUP
from initiatives.financiers.models import Financier
from initiatives.financiers.tasks import notify_staff_of_financier_signup, send_financier_decision

Status = Financier.Status


class SignUpRefused(Exception):
    """A sign-up the rules do not allow; the message is for the visitor."""


def email_taken(email: str) -> bool:
    users = get_user_model().objects
    return users.filter(username__iexact=email).exists() or users.filter(email__iexact=email).exists()


def financiers_group() -> Group:
    return Group.objects.get_or_create(name=FINANCIERS_GROUP)[0]


def financier_for(user) -> Financier | None:
    if user is None or not user.is_authenticated:
        return None
    try:
        return user.financier
    except Financier.DoesNotExist:
        return None


def sign_up(
    *,
    full_name: str,
    email: str,
    password: str,
    organisation: str,
    kind: str,
    position: str,
    phone: str = "",
    language: str = "en",
) -> Financier:
    """A new user and their pending financier profile; staff are emailed once it is committed."""
    email = email.strip()
    username = email.lower()
    if email_taken(email):
        raise SignUpRefused(_("An account with this email address already exists. Sign in instead."))
    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                username=username, email=email, password=password, first_name=full_name[:150]
            )
            financier = Financier.objects.create(
                user=user,
                full_name=full_name,
                organisation=organisation,
                kind=kind,
                position=position,
                phone=phone,
                language=language,
                consented_at=timezone.now(),
            )
            notify_staff_of_financier_signup.delay_on_commit(financier.pk)
    except IntegrityError as error:  # the same address in a parallel request
        raise SignUpRefused(_("An account with this email address already exists. Sign in instead.")) from error
    return financier


def decide(financier: Financier, status: str, *, by=None, note: str | None = None) -> bool:
    """Approve, reject or suspend; returns False if the financier already had that status.

    Group membership follows the status in the same transaction. Approving
    and rejecting email the financier; suspending does not (staff say why
    themselves, usually by phone).
    """
    if status not in (Status.APPROVED, Status.REJECTED, Status.SUSPENDED):
        raise ValueError(f"Not a decision: {status!r}")
    with transaction.atomic():
        financier = Financier.objects.select_for_update().select_related("user").get(pk=financier.pk)
        if financier.status == status:
            return False
        financier.status = status
        financier.decided_at = timezone.now()
        financier.decided_by = by
        if note is not None:
            financier.decision_note = note
        financier.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
        group = financiers_group()
        if status == Status.APPROVED:
            financier.user.groups.add(group)
        else:
            financier.user.groups.remove(group)
        if status in (Status.APPROVED, Status.REJECTED):
            send_financier_decision.delay_on_commit(financier.pk, status, financier.decided_at.isoformat())
    return True


def approve(financier: Financier, *, by=None, note: str | None = None) -> bool:
    return decide(financier, Status.APPROVED, by=by, note=note)


def reject(financier: Financier, *, by=None, note: str | None = None) -> bool:
    return decide(financier, Status.REJECTED, by=by, note=note)


def suspend(financier: Financier, *, by=None, note: str | None = None) -> bool:
    return decide(financier, Status.SUSPENDED, by=by, note=note)

"""Emails about financiers: sign-ups to staff, decisions and interest updates to financiers,
expressions of interest to a programme's contact and to staff.

Each email is rendered in its reader's language (the language a financier
signed up in, a staff member's Wagtail profile, a programme page's locale)
from `templates/initiatives/email/`, and sent once: its `FinancierEmail` key
is claimed in the same transaction as the send (see `portal.mail.send_once`).
Alert digests are sent by `initiatives.financiers.alerts`, claimed on their
own row.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from initiatives.eod.catalogue import catalogue_page
from initiatives.financiers.admin_urls import ACCOUNTS, INTERESTS, admin_url
from initiatives.financiers.models import ExpressionOfInterest, Financier, FinancierEmail
from members.notifications import reachable
from portal.i18n import page_in
from portal.mail import page_url, site_url

logger = logging.getLogger(__name__)

# Association staff who hear about new financiers and expressions of interest.
STAFF_GROUP = "Moderators"

SUBJECTS = {
    "financier_signup_staff": _("New financier waiting for approval: %(name)s, %(organisation)s"),
    "financier_approved": _("Your financier account is approved"),
    "financier_rejected": _("Your financier account application"),
    "financier_alert": _("New and updated EOD programmes for “%(name)s”"),
    "interest_contact": _("Expression of interest in %(programme)s"),
    "interest_staff": _("New expression of interest: %(programme)s"),
    "financier_interest_status": _("Your interest in %(programme)s: %(status)s"),
}


# --- Building and sending -------------------------------------------------------


def build(template: str, context: dict, to: str, language: str, *, headers: dict | None = None) -> EmailMessage:
    """One email from `initiatives/email/<template>.txt`, its subject from SUBJECTS, in `language`."""
    with translation.override(language):
        context = {**context, "dashboard_url": site_url(reverse("financiers:dashboard"))}
        subject = str(SUBJECTS[template] % context.get("subject_params", {}))
        body = render_to_string(f"initiatives/email/{template}.txt", context).strip() + "\n"
    return EmailMessage(" ".join(subject.split()), body, to=[to], headers=headers)


def send_once(key: str, messages: list[EmailMessage]) -> bool:
    """Send `messages` unless `key` was sent before; True if they went out now."""
    return FinancierEmail.send_once(key, messages)


def staff_recipients() -> list[tuple[str, str]]:
    """(address, language) of every reachable moderator, or the site's sender address if there is none."""
    users = get_user_model().objects.filter(groups__name=STAFF_GROUP).order_by("pk")
    staff = [(user.email, UserProfile.get_for_user(user).get_preferred_language()) for user in reachable(users)]
    return staff or [(settings.DEFAULT_FROM_EMAIL, settings.LANGUAGE_CODE)]


def staff_messages(template: str, context: dict) -> list[EmailMessage]:
    return [build(template, context, address, language) for address, language in staff_recipients()]


def financier_context(financier: Financier) -> dict:
    return {
        "financier": financier,
        "subject_params": {"name": financier.full_name, "organisation": financier.organisation},
    }


# --- Accounts ---------------------------------------------------------------------


def send_signup_to_staff(financier_id: int) -> bool:
    financier = Financier.objects.select_related("user").filter(pk=financier_id).first()
    if financier is None or financier.status != Financier.Status.PENDING:
        logger.info("No sign-up email for financier %s: gone or already decided", financier_id)
        return False
    context = {**financier_context(financier), "review_url": admin_url(ACCOUNTS, "inspect", financier.pk)}
    return send_once(f"signup-{financier.pk}", staff_messages("financier_signup_staff", context))


def send_decision(financier_id: int, status: str, decided_at: str) -> bool:
    """The approval or rejection email, if the financier still has that status from that decision."""
    financier = Financier.objects.select_related("user").filter(pk=financier_id).first()
    moment = parse_datetime(decided_at)
    if financier is None or financier.status != status or financier.decided_at != moment:
        logger.info("No %s email for financier %s: the decision changed since", status, financier_id)
        return False
    if not financier.user.is_active or not financier.user.email:
        return False
    template = {Financier.Status.APPROVED: "financier_approved", Financier.Status.REJECTED: "financier_rejected"}[
        status
    ]
    context = {**financier_context(financier), "catalogue_url": ""}
    if status == Financier.Status.APPROVED:
        with translation.override(financier.language):
            catalogue = catalogue_page()
            context["catalogue_url"] = page_url(catalogue) if catalogue else ""
    message = build(template, context, financier.user.email, financier.language)
    return send_once(f"decision-{financier.pk}-{status}-{moment.isoformat()}", [message])


# --- Expressions of interest ---------------------------------------------------------


def interest_context(interest: ExpressionOfInterest, language: str) -> dict:
    programme = page_in(interest.programme, language) if interest.programme_id else None
    with translation.override(language):
        status = interest.get_status_display()
        instrument = interest.get_instrument_display()
    return {
        "interest": interest,
        "financier": interest.financier,
        "programme": programme,
        "programme_title": programme.title if programme else interest.programme_title,
        "programme_url": page_url(programme) if programme else "",
        "instrument": instrument,
        "subject_params": {"programme": programme.title if programme else interest.programme_title, "status": status},
    }


def load_interest(interest_id: int) -> ExpressionOfInterest | None:
    return ExpressionOfInterest.objects.select_related("financier__user", "programme").filter(pk=interest_id).first()


def send_interest_to_contact(interest_id: int) -> bool:
    """The programme's contact hears who is interested, how much and how; staff hear separately."""
    interest = load_interest(interest_id)
    if interest is None or interest.programme is None:
        return False
    programme = interest.programme.specific
    if not programme.contact_email:
        logger.info("Programme %s has no contact email; staff pass interest %s on", programme.pk, interest.pk)
        return False
    language = programme.locale.language_code
    message = build("interest_contact", interest_context(interest, language), programme.contact_email, language)
    message.reply_to = [interest.financier.user.email]
    return send_once(f"interest-{interest.pk}-contact", [message])


def send_interest_to_staff(interest_id: int) -> bool:
    interest = load_interest(interest_id)
    if interest is None:
        return False
    messages = []
    for address, language in staff_recipients():
        context = interest_context(interest, language)
        context["review_url"] = admin_url(INTERESTS, "edit", interest.pk)
        context["contact_email"] = interest.programme.specific.contact_email if interest.programme_id else ""
        messages.append(build("interest_staff", context, address, language))
    return send_once(f"interest-{interest.pk}-staff", messages)


def send_interest_status(interest_id: int, status: str, changed_at: str) -> bool:
    """Tell the financier their interest moved on, if it still has that status from that change."""
    interest = load_interest(interest_id)
    moment = parse_datetime(changed_at)
    if interest is None or interest.status != status or interest.status_changed_at != moment:
        return False
    user = interest.financier.user
    if not user.is_active or not user.email:
        return False
    language = interest.financier.language
    message = build("financier_interest_status", interest_context(interest, language), user.email, language)
    return send_once(f"interest-{interest.pk}-status-{status}-{moment.isoformat()}", [message])

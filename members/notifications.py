"""Emails to member representatives: review outcomes and the yearly report reminder.

Each email is rendered in the recipient's language (their Wagtail profile, else
the site default) from `templates/members/email/`. Every batch is sent under a
`NotificationLog` key, claimed in the same transaction as the send: a second
run finds the key and sends nothing, a failed send rolls the claim back so a
retry sends again.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import TaskState, WorkflowState
from wagtail.users.models import UserProfile

from members.models import MemberCompany, NotificationLog, ProgressReport, PublicChange, Representative

logger = logging.getLogger(__name__)

MEMBER_AREA_PATH = "/members/"
# Beat may be down on the reminder date itself; the reminder still goes out
# if the task runs within this many days after it (once, thanks to the log).
REMINDER_CATCH_UP_DAYS = 7

OUTCOMES = {
    WorkflowState.STATUS_APPROVED: "review_approved",
    WorkflowState.STATUS_NEEDS_CHANGES: "review_needs_changes",
}


def member_area_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + MEMBER_AREA_PATH


def reachable(users) -> list:
    """Active users with an email address, each once, in a stable order."""
    seen, result = set(), []
    for user in users:
        if user is not None and user.is_active and user.email and user.pk not in seen:
            seen.add(user.pk)
            result.append(user)
    return result


def company_editors(company: MemberCompany) -> list:
    editors = (
        get_user_model()
        .objects.filter(representative__company=company, representative__role=Representative.Role.EDITOR)
        .order_by("pk")
    )
    return reachable(editors)


def render_email(template: str, context: dict, user) -> EmailMessage:
    language = UserProfile.get_for_user(user).get_preferred_language()
    with translation.override(language):
        context = {**context, "user": user, "member_area_url": member_area_url()}
        subject = " ".join(render_to_string(f"members/email/{template}_subject.txt", context).split())
        body = render_to_string(f"members/email/{template}.txt", context).strip() + "\n"
    return EmailMessage(subject, body, to=[user.email])


def send_once(key: str, messages: list[EmailMessage]) -> bool:
    """Send `messages` unless `key` was sent before; True if they went out now."""
    return NotificationLog.send_once(key, messages)


# --- Review outcomes ---------------------------------------------------------


def review_recipients(state: WorkflowState, company: MemberCompany) -> list:
    """The representative who submitted, and their company's other editors.

    Submissions by staff (no representative for that company) get nothing
    from here: Wagtail's own admin notification tells staff.
    """
    submitter = state.requested_by
    if submitter is None or not Representative.objects.filter(user=submitter, company=company).exists():
        return []
    return reachable([submitter, *company_editors(company)])


def send_review_outcome(workflow_state_id: int, task_state_id: int, outcome: str) -> bool:
    template = OUTCOMES.get(outcome)
    if template is None:
        raise ValueError(f"No email for workflow outcome {outcome!r}")
    state = WorkflowState.objects.select_related("requested_by").filter(pk=workflow_state_id).first()
    task_state = TaskState.objects.select_related("finished_by").filter(pk=task_state_id).first()
    if state is None or task_state is None:
        logger.warning("Workflow state %s or task state %s is gone; nothing to send", workflow_state_id, task_state_id)
        return False
    obj = state.content_object
    if obj is None:
        return False
    item = obj.get_latest_revision_as_object()
    recipients = review_recipients(state, obj.company)
    public_change = None
    if outcome == WorkflowState.STATUS_APPROVED and obj.live_revision_id:
        public_change = PublicChange.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk), revision=obj.live_revision_id
        ).first()
    context = {
        "company": obj.company,
        "item": item,
        "item_type": obj._meta.verbose_name,
        "comment": task_state.comment,
        "reviewed_at": task_state.finished_at,
        "changes": public_change.changes if public_change else [],
        "is_new": public_change is not None and all(not change["old"] for change in public_change.changes),
    }
    messages = [render_email(template, context, user) for user in recipients]
    return send_once(f"workflow-{state.pk}-{task_state.pk}-{outcome}", messages)


# --- Yearly report reminder ----------------------------------------------------


def reminder_date(year: int) -> datetime.date:
    """This year's reminder date from MEMBER_REPORT_REMINDER_DATE ("MM-DD"; 02-29 means 02-28 in other years)."""
    value = settings.MEMBER_REPORT_REMINDER_DATE
    try:
        month, day = (int(part) for part in value.split("-"))
        if (month, day) == (2, 29):
            datetime.date(2024, month, day)  # valid in a leap year
            return datetime.date(year, 3, 1) - datetime.timedelta(days=1)
        return datetime.date(year, month, day)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"MEMBER_REPORT_REMINDER_DATE must be a month and day like 03-01, not {value!r}"
        ) from error


def reminder_due(today: datetime.date) -> bool:
    start = reminder_date(today.year)
    return start <= today < start + datetime.timedelta(days=REMINDER_CATCH_UP_DAYS)


def companies_missing_report(year: int):
    """Companies with no published report for `year` (a draft or pending one does not count)."""
    reported = ProgressReport.objects.public().filter(year=year).values("company_id")
    return MemberCompany.objects.exclude(pk__in=reported).order_by("pk")


def send_report_reminders(today: datetime.date) -> int:
    """On the reminder date, remind every company missing last year's report. Returns companies emailed."""
    if not reminder_due(today):
        return 0
    year = today.year - 1
    sent = 0
    for company in companies_missing_report(year):
        editors = company_editors(company)
        if not editors:
            continue
        context = {
            "company": company,
            "year": year,
            "pending": ProgressReport.objects.filter(company=company, year=year).exists(),
        }
        messages = [render_email("report_reminder", context, user) for user in editors]
        sent += send_once(f"report-reminder-{year}-{company.pk}", messages)
    return sent

"""Background work for members: review-outcome emails, the yearly report reminder, password reset links.

Tasks take identifiers, load rows fresh, and are safe to run twice: every
email batch is claimed in `NotificationLog` under a key before it goes out.
"""

from django.utils import timezone

from members import notifications
from members.password_reset import MemberPasswordResetForm
from portal.celery import idempotent_task
from portal.mail import MAIL_ERRORS


@idempotent_task(retry_on=MAIL_ERRORS)
def notify_review_outcome(workflow_state_id: int, task_state_id: int, outcome: str) -> bool:
    """Tell the submitting representative (and their company's editors) what staff decided."""
    return notifications.send_review_outcome(workflow_state_id, task_state_id, outcome)


@idempotent_task(retry_on=MAIL_ERRORS)
def send_report_reminders() -> int:
    """Beat runs this daily; it acts only on MEMBER_REPORT_REMINDER_DATE (and a few days after, as catch-up)."""
    return notifications.send_report_reminders(timezone.localdate())


@idempotent_task(retry_on=MAIL_ERRORS)
def send_password_reset(email: str, language: str, key: str) -> None:
    """The member area's reset link to each representative account with this address; the request page
    queues this for any address, so the lookup costs the page no time whether or not an account exists."""
    MemberPasswordResetForm.send_for(email, language=language, key=key)

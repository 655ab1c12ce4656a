"""Background work for members: review-outcome emails and the yearly report reminder.

Tasks take identifiers, load rows fresh, and are safe to run twice: every
email batch is claimed in `NotificationLog` under a key before it goes out.
"""

from django.utils import timezone

from members import notifications
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

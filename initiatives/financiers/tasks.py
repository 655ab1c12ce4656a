"""Background work for financiers: account decisions, saved-search alerts, expressions of interest.

Each email is claimed under a unique key (or, for digests, on its own row) in
the transaction that sends it: see `initiatives.financiers.emails` and `.alerts`.
Each task keeps the name it had when the tasks lived in `initiatives.tasks`:
beat schedules and messages already queued refer to tasks by name.
"""

from django.utils import timezone

from initiatives.financiers import alerts
from initiatives.financiers import emails as financier_emails
from initiatives.financiers.password_reset import FinancierPasswordResetForm
from portal.celery import idempotent_task
from portal.mail import MAIL_ERRORS


@idempotent_task(retry_on=MAIL_ERRORS, name="initiatives.tasks.notify_staff_of_financier_signup")
def notify_staff_of_financier_signup(financier_id: int) -> bool:
    return financier_emails.send_signup_to_staff(financier_id)


@idempotent_task(retry_on=MAIL_ERRORS, name="initiatives.tasks.send_financier_decision")
def send_financier_decision(financier_id: int, status: str, decided_at: str) -> bool:
    return financier_emails.send_decision(financier_id, status, decided_at)


@idempotent_task(retry_on=MAIL_ERRORS, name="initiatives.tasks.send_financier_password_reset")
def send_financier_password_reset(email: str, language: str, key: str) -> None:
    """The financier area's reset link to each financier account with this address; the request page
    queues this for any address, so the lookup costs the page no time whether or not an account exists."""
    FinancierPasswordResetForm.send_for(email, language=language, key=key)


@idempotent_task(name="initiatives.tasks.queue_saved_search_alerts")
def queue_saved_search_alerts() -> int:
    """Run by beat every morning: check each due saved search on its own, and resend digests a crash left behind."""
    now = timezone.now()
    due = alerts.due_searches(now)
    for saved_search_id in due:
        check_saved_search.delay(saved_search_id)
    for digest_id in alerts.stale_digests(now):
        send_alert_digest.delay(digest_id)
    return len(due)


@idempotent_task(name="initiatives.tasks.check_saved_search")
def check_saved_search(saved_search_id: int) -> int | None:
    digest = alerts.check_search(saved_search_id)
    if digest is None:
        return None
    send_alert_digest.delay_on_commit(digest.pk)
    return digest.pk


@idempotent_task(retry_on=MAIL_ERRORS, name="initiatives.tasks.send_alert_digest")
def send_alert_digest(digest_id: int) -> bool:
    return alerts.send_digest(digest_id)


@idempotent_task(retry_on=MAIL_ERRORS, name="initiatives.tasks.notify_interest_contact")
def notify_interest_contact(interest_id: int) -> bool:
    return financier_emails.send_interest_to_contact(interest_id)


@idempotent_task(retry_on=MAIL_ERRORS, name="initiatives.tasks.notify_staff_of_interest")
def notify_staff_of_interest(interest_id: int) -> bool:
    return financier_emails.send_interest_to_staff(interest_id)


@idempotent_task(retry_on=MAIL_ERRORS, name="initiatives.tasks.send_interest_status")
def send_interest_status(interest_id: int, status: str, changed_at: str) -> bool:
    return financier_emails.send_interest_status(interest_id, status, changed_at)

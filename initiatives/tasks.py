"""The app's Celery tasks, where Celery's autodiscovery looks: each feature keeps its own in its `tasks` module.

Every task keeps its old name, "initiatives.tasks.<function>", given explicitly where it is defined.
"""

from initiatives.events.tasks import send_event_reminders, send_missing_registration_emails, send_registration_email
from initiatives.financiers.tasks import (
    check_saved_search,
    notify_interest_contact,
    notify_staff_of_financier_signup,
    notify_staff_of_interest,
    queue_saved_search_alerts,
    send_alert_digest,
    send_financier_decision,
    send_financier_password_reset,
    send_interest_status,
)

__all__ = [
    "check_saved_search",
    "notify_interest_contact",
    "notify_staff_of_financier_signup",
    "notify_staff_of_interest",
    "queue_saved_search_alerts",
    "send_alert_digest",
    "send_event_reminders",
    "send_financier_decision",
    "send_financier_password_reset",
    "send_interest_status",
    "send_missing_registration_emails",
    "send_registration_email",
]

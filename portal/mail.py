"""Sending email exactly once from tasks that may run more than once."""

import logging
import smtplib
from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from portal.celery import TRANSIENT_ERRORS

logger = logging.getLogger(__name__)

# An SMTP server refusing or dropping us is worth another try later.
MAIL_ERRORS = (*TRANSIENT_ERRORS, smtplib.SMTPException)


def site_url(path: str) -> str:
    """An absolute address on the site: emails have no request to build one from."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_url(page) -> str:
    """A page's absolute address, for an email."""
    return site_url(page.get_url() or page.url or "/")


def send_once(claim: Callable[[], bool], messages: list[EmailMessage], *, label: str = "") -> bool:
    """Send `messages` if `claim()` records them as sent now; True if they went out.

    `claim` writes a log row under a unique key and says whether it was new.
    Claim and send share a transaction: a second run finds the row and sends
    nothing, a failed send rolls the claim back so that a retry sends again.

    The one gap no database can close: a worker that dies after the mail
    server accepted the messages and before its COMMIT reaches the database
    leaves no claim, so the task's redelivery sends them again: the time it
    takes to say goodbye to the mail server and send the commit. A worker
    killed while its commit waits (on a lock) is harmless: the database
    finishes a commit it has received.
    """
    if not messages:
        return False
    with transaction.atomic():
        if not claim():
            logger.info("Email %s already sent", label)
            return False
        get_connection(fail_silently=False).send_messages(messages)
    return True

from django.core.mail import EmailMessage
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal import mail


class EmailLog(models.Model):
    """One email (or batch of emails) that must go out once: its key says which.

    Each app keeps its own log (a concrete subclass) and sends through `send_once`:
    the row is claimed in the same transaction as the send (see `portal.mail.send_once`).
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    recipients = models.JSONField(_("recipients"), default=list)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.key

    @classmethod
    def send_once(cls, key: str, messages: list[EmailMessage]) -> bool:
        """Send `messages` unless `key` was sent before; True if they went out now."""
        recipients = [address for message in messages for address in message.to]

        def claim() -> bool:
            return cls.objects.get_or_create(key=key, defaults={"recipients": recipients})[1]

        return mail.send_once(claim, messages, label=key)

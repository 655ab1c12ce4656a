from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationLog(models.Model):
    """One email (or batch of emails) that must go out once: its key says which.

    Tasks that send mail claim the key and send in the same transaction, so a
    task run twice, or retried after a crash, sends once; a send that fails
    rolls the claim back and the retry tries again.
    Keys: "workflow-<state>-<task state>-<outcome>", "report-reminder-<year>-<company>",
    "password-reset-<request>-<user>".
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    recipients = models.JSONField(_("recipients"), default=list)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("notification log entry")
        verbose_name_plural = _("notification log")

    def __str__(self) -> str:
        return self.key

from django.utils.translation import gettext_lazy as _

from portal.models.mail import EmailLog


class NotificationLog(EmailLog):
    """One email (or batch of emails) that must go out once: its key says which.

    Tasks that send mail claim the key and send in the same transaction, so a
    task run twice, or retried after a crash, sends once; a send that fails
    rolls the claim back and the retry tries again.
    Keys: "workflow-<state>-<task state>-<outcome>", "report-reminder-<year>-<company>",
    "password-reset-<request>-<user>".
    """

    class Meta(EmailLog.Meta):
        verbose_name = _("notification log entry")
        verbose_name_plural = _("notification log")

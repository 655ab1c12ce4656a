from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicChange(models.Model):
    """One approved change to a company's public data: who, when, what changed.

    Written when a reviewed pledge or report is published, so the public
    history survives later edits and never shows anything unapproved.
    """

    company = models.ForeignKey(
        "members.MemberCompany", verbose_name=_("company"), on_delete=models.CASCADE, related_name="public_changes"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    object_label = models.CharField(_("item"), max_length=255)
    revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), db_index=True)
    # [{"field": "target_year", "label": "Target year", "old": "2045", "new": "2040"}, ...]
    changes = models.JSONField(_("changes"), default=list)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("public change")
        verbose_name_plural = _("public changes")

    def __str__(self) -> str:
        return f"{self.object_label} ({self.published_at:%Y-%m-%d})"

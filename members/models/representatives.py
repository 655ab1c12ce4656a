from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Representative(models.Model):
    """A person who reports for one member company."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor: drafts and submits changes")
        VIEWER = "viewer", _("Viewer: reads the company's data and review status")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="representative"
    )
    company = models.ForeignKey(
        "members.MemberCompany", verbose_name=_("company"), on_delete=models.CASCADE, related_name="representatives"
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.EDITOR)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self) -> str:
        return f"{self.user} ({self.company})"

    @property
    def can_edit(self) -> bool:
        return self.role == self.Role.EDITOR

"""Staff views of financiers in the Wagtail admin (the viewsets are in `initiatives.financiers.wagtail_hooks`).

- **Financiers**: who signed up, filtered by status; staff approve, reject
  or suspend them from the listing or the account's page (a confirmation
  page with an optional note to the applicant). Approval puts the user in
  the "Financiers" group and emails them; rejection emails them too.
- **Expressions of interest**: staff read them, move their status on and
  leave a note; each status change emails the financier.
- **Saved searches**: read-only, to answer a financier's question.

Reading needs the model's `view` permission, acting its `change` permission
(Moderators have both). Anyone else who reaches these pages gets a plain 403,
whether they came from a link, a bookmark or a script: the viewsets give every
view that answer (`portal.admin_views.RefusedWith403ViewSetMixin`).
"""

from django.conf import settings
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters import ChoiceFilter
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from initiatives.eod import catalogue
from initiatives.eod.models import EodProgrammePage
from initiatives.financiers import accounts
from initiatives.financiers import interest as interests
from initiatives.financiers.admin_urls import ACCOUNTS
from initiatives.financiers.models import ExpressionOfInterest, Financier
from portal.admin_exports import ExportIndexView
from portal.text import PlainTextFormMixin

Status = Financier.Status

# decision -> (log action, log label, button label, icon, allowed from these statuses)
DECISIONS = {
    Status.APPROVED: (
        "initiatives.financier.approve",
        _("Approve financier"),
        _("Approve"),
        "check",
        (Status.PENDING, Status.REJECTED, Status.SUSPENDED),
    ),
    Status.REJECTED: (
        "initiatives.financier.reject",
        _("Reject financier"),
        _("Reject"),
        "cross",
        (Status.PENDING,),
    ),
    Status.SUSPENDED: (
        "initiatives.financier.suspend",
        _("Suspend financier"),
        _("Suspend"),
        "lock",
        (Status.APPROVED,),
    ),
}
DECISION_SLUGS = {"approve": Status.APPROVED, "reject": Status.REJECTED, "suspend": Status.SUSPENDED}
SLUG_FOR = {status: slug for slug, status in DECISION_SLUGS.items()}


def decision_url(financier: Financier, status: str) -> str:
    return reverse(f"{ACCOUNTS}:{SLUG_FOR[status]}", args=[quote(financier.pk)])


def inspect_url(financier: Financier) -> str:
    return reverse(f"{ACCOUNTS}:inspect", args=[quote(financier.pk)])


def decisions_for(financier: Financier) -> list[str]:
    return [status for status, spec in DECISIONS.items() if financier.status in spec[4]]


# --- Financiers ---------------------------------------------------------------------------


class FinancierFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("All"))
    kind = ChoiceFilter(label=_("Kind of organisation"), choices=Financier.Kind.choices, empty_label=_("All"))

    class Meta:
        model = Financier
        fields = ["status", "kind"]


class FinancierIndexView(ExportIndexView):
    any_permission_required = ["view", "change"]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            for status in decisions_for(instance):
                _action, _log_label, label, icon, _allowed = DECISIONS[status]
                buttons.append(ListingMenuItem(label, url=decision_url(instance, status), icon_name=icon, priority=5))
        return buttons


class FinancierInspectView(InspectView):
    any_permission_required = ["view", "change"]

    def get_field_label(self, field_name, field):
        labels = {"email": _("Work email"), "activity": _("Saved searches and interest")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "-" if value in (None, "") else value

    def get_email_display_value(self):
        return self.object.user.email

    def get_activity_display_value(self):
        return _("%(searches)s saved searches, %(interests)s expressions of interest") % {
            "searches": self.object.saved_searches.count(),
            "interests": self.object.interests.count(),
        }

    def get_language_display_value(self):
        return str(dict(settings.LANGUAGES).get(self.object.language, self.object.language))

    @cached_property
    def header_buttons(self):
        # The decisions staff come here for, in plain sight rather than in the "more" menu.
        buttons = list(super().header_buttons)
        if self.user_has_permission("change"):
            for status in decisions_for(self.object):
                _action, _log_label, label, icon, _allowed = DECISIONS[status]
                buttons.append(HeaderButton(label, url=decision_url(self.object, status), icon_name=icon, priority=5))
        return buttons


class DecisionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Approve, reject or suspend a financier: GET asks (with an optional note to them), POST decides."""

    model = Financier
    permission_required = "change"
    template_name = "initiatives/admin/financier_decision.html"
    header_icon = "user"
    decision: str = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Financier.objects.select_related("user"), pk=kwargs["pk"])

    def get_page_title(self):
        return DECISIONS[self.decision][1]

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{ACCOUNTS}:index"), "label": _("Financiers")},
            {"url": inspect_url(self.object), "label": self.object.full_name},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            financier=self.object,
            decision=self.decision,
            allowed=self.decision in decisions_for(self.object),
            emailed=self.decision in (Status.APPROVED, Status.REJECTED),
            action_url=decision_url(self.object, self.decision),
            back_url=inspect_url(self.object),
            button_label=DECISIONS[self.decision][2],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        financier = self.object
        if self.decision not in decisions_for(financier):
            messages.warning(
                request,
                _("%(name)s is already %(status)s.") % {"name": financier, "status": financier.get_status_display()},
            )
            return redirect(inspect_url(financier))
        note = request.POST.get("note", "").strip()[:2000]
        if accounts.decide(financier, self.decision, by=request.user, note=note):
            log(financier, DECISIONS[self.decision][0], user=request.user)
            financier.refresh_from_db()
            text = {
                Status.APPROVED: _(
                    "%(name)s is approved and can now see the restricted side of the catalogue; they are emailed."
                ),
                Status.REJECTED: _("%(name)s is rejected; they are emailed."),
                Status.SUSPENDED: _("%(name)s is suspended and no longer sees the restricted side of the catalogue."),
            }[self.decision]
            messages.success(request, text % {"name": financier})
        return redirect(inspect_url(financier))


# --- Expressions of interest -------------------------------------------------------------------


def programmes_with_interest(request):
    return EodProgrammePage.objects.filter(expressions_of_interest__isnull=False).distinct().order_by("title")


class InterestFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=_("Status"), choices=ExpressionOfInterest.Status.choices, empty_label=_("All"))

    class Meta:
        model = ExpressionOfInterest
        fields = ["status", "programme", "instrument"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programme = self.filters["programme"]
        programme.queryset = programmes_with_interest
        programme.extra["empty_label"] = _("All programmes")


class InterestIndexView(ExportIndexView):
    any_permission_required = ["view", "change"]

    def get_base_queryset(self):
        # The user too: the download has each financier's work email.
        return super().get_base_queryset().select_related("financier__user", "programme")


class InterestAdminForm(PlainTextFormMixin, WagtailAdminModelForm):
    """Staff move an expression on; a second open one of a financier for a programme is refused."""

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status and interests.reopening_conflict(self.instance, status) is not None:
            self.add_error(
                "status",
                _("This financier has another open expression of interest in this programme; close that one first."),
            )
        return cleaned


class InterestEditView(EditView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        self.previous_status = obj.status
        return obj

    def save_instance(self):
        # Runs inside the view's transaction: the email is queued for after its commit.
        instance = super().save_instance()
        if instance.status != self.previous_status:
            interests.status_changed(instance)
        return instance

    def get_success_message(self):
        if self.object.status != self.previous_status:
            return _("Status of the expression of interest changed to “%(status)s”; the financier is emailed.") % {
                "status": self.object.get_status_display()
            }
        return _("Expression of interest updated.")


class InterestInspectView(InspectView):
    any_permission_required = ["view", "change"]


# --- Saved searches (read-only) ---------------------------------------------------------------------


class SavedSearchIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("financier")


class SavedSearchInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "filters":
            return _("Filters")
        return super().get_field_label(field_name, field)

    def get_filters_display_value(self):
        return "; ".join(str(label) for label in catalogue.describe(self.object.querystring)) or "-"

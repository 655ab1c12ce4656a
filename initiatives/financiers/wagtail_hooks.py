"""Admin for financiers, in one "Financiers" menu: accounts to approve, expressions of interest, saved searches.

Financiers sign up on the public site and expressions of interest come from
the financier area, so neither has an "add" view; saved searches are
read-only for staff. The views live in `initiatives.financiers.admin_views`.
"""

from django.contrib.auth import get_permission_codename
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from initiatives.financiers import admin_views as views
from initiatives.financiers.admin_urls import ACCOUNTS, INTERESTS, SAVED_SEARCHES
from initiatives.financiers.models import ExpressionOfInterest, Financier, SavedSearch
from portal.admin_views import PublicSideViewSetMixin, RefusedWith403ViewSetMixin


class PublicSideViewSet(RefusedWith403ViewSetMixin, PublicSideViewSetMixin, ModelViewSet):
    """Rows made only by the public side: no "add" view, and no "add" permission offered in the group editor.

    Staff inspect and edit them; they are not in the search index or the reference index. A refused
    permission is a 403 page saying so, in every view.
    """

    forbidden_icon = "user"
    forbidden_message = _("Your account does not have permission for this page about financiers.")
    forbidden_advice = _(
        "Moderators approve financiers and answer their expressions of interest. Ask an administrator if you need to."
    )

    add_to_reference_index = False
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None  # plain database lookups
    list_per_page = 50


class FinancierViewSet(PublicSideViewSet):
    model = Financier
    name = ACCOUNTS
    url_prefix = "financiers"
    icon = "user"
    menu_label = _("Accounts")
    forbidden_title = _("Financiers")

    index_view_class = views.FinancierIndexView
    inspect_view_class = views.FinancierInspectView

    list_display = [
        "full_name",
        "organisation",
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("email", label=_("Work email"), accessor="user.email"),
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda financier: financier.status == Financier.Status.PENDING,
        ),
        DateColumn("created_at", label=_("Signed up"), sort_key="created_at"),
    ]
    filterset_class = views.FinancierFilterSet
    search_fields = ["full_name", "organisation", "user__email"]
    ordering = "-created_at"
    # Attributes, read by dotted path (see portal.admin_exports): "email" is the account's address.
    list_export = ["full_name", "email", "organisation", "kind", "position", "phone", "status", "created_at"]
    export_headings = {"email": _("Work email")}
    export_filename = "financiers"
    inspect_view_fields = [
        "full_name",
        "email",
        "organisation",
        "kind",
        "position",
        "phone",
        "language",
        "status",
        "decision_note",
        "decided_at",
        "decided_by",
        "created_at",
        "consented_at",
        "activity",
    ]
    # Corrections only: the status changes through the approve, reject and suspend actions.
    form_fields = ["full_name", "organisation", "kind", "position", "phone"]

    def get_common_view_kwargs(self, **kwargs):
        # No deleting from here: it would leave the user in the Financiers group. Staff reject or suspend
        # instead; erasing someone goes through Wagtail's Users, which deletes their financier account too.
        return super().get_common_view_kwargs(**{"delete_url_name": None, **kwargs})

    def get_urlpatterns(self):
        decisions = [
            path(
                f"{slug}/<{self.pk_path_converter}:pk>/",
                self.construct_view(views.DecisionView, decision=status),
                name=slug,
            )
            for slug, status in views.DECISION_SLUGS.items()
        ]
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name != "delete"]
        return [*patterns, *decisions]


class InterestViewSet(PublicSideViewSet):
    model = ExpressionOfInterest
    name = INTERESTS
    url_prefix = "expressions-of-interest"
    icon = "mail"
    menu_label = _("Expressions of interest")
    forbidden_title = _("Expressions of interest")

    index_view_class = views.InterestIndexView
    inspect_view_class = views.InterestInspectView
    edit_view_class = views.InterestEditView

    list_display = [
        "programme_title",
        "financier",
        "amount_min",
        "amount_max",
        Column("instrument", label=_("Instrument"), accessor="get_instrument_display", sort_key="instrument"),
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda interest: interest.status == ExpressionOfInterest.Status.SUBMITTED,
        ),
        DateColumn("created_at", label=_("Submitted"), sort_key="created_at"),
    ]
    filterset_class = views.InterestFilterSet
    search_fields = ["programme_title", "financier__full_name", "financier__organisation", "message"]
    ordering = "-created_at"
    list_export = [
        "programme_title",
        "financier",
        "financier.email",
        "amount_min",
        "amount_max",
        "instrument",
        "message",
        "status",
        "staff_note",
        "created_at",
    ]
    export_headings = {"financier.email": _("Work email")}
    export_filename = "expressions-of-interest"
    inspect_view_fields = [
        "programme",
        "programme_title",
        "financier",
        "amount_min",
        "amount_max",
        "instrument",
        "message",
        "status",
        "staff_note",
        "status_changed_at",
        "created_at",
        "updated_at",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("programme", read_only=True),
                    FieldPanel("financier", read_only=True),
                    FieldRowPanel(
                        [
                            FieldPanel("amount_min", read_only=True),
                            FieldPanel("amount_max", read_only=True),
                            FieldPanel("instrument", read_only=True),
                        ]
                    ),
                    FieldPanel("message", read_only=True),
                ],
                heading=_("What the financier sent"),
            ),
            FieldPanel("status"),
            FieldPanel("staff_note"),
        ],
        base_form_class=views.InterestAdminForm,
    )


class SavedSearchViewSet(PublicSideViewSet):
    """Read-only: staff look, financiers change their own searches themselves."""

    model = SavedSearch
    name = SAVED_SEARCHES
    url_prefix = "saved-searches"
    icon = "search"
    menu_label = _("Saved searches")
    forbidden_title = _("Saved searches")

    index_view_class = views.SavedSearchIndexView
    inspect_view_class = views.SavedSearchInspectView

    list_display = [
        "name",
        "financier",
        Column("frequency", label=_("Email alerts"), accessor="get_frequency_display", sort_key="frequency"),
        DateColumn("last_run_at", label=_("Last checked"), sort_key="last_run_at"),
        DateColumn("created_at", label=_("Saved"), sort_key="created_at"),
    ]
    list_filter = ["frequency"]
    search_fields = ["name", "financier__full_name", "financier__organisation"]
    ordering = "-created_at"
    inspect_view_fields = ["name", "financier", "filters", "querystring", "frequency", "created_at", "last_run_at"]
    form_fields = ["name", "frequency"]  # unused: there is no edit view

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"edit_url_name": None, "delete_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in ("edit", "delete")]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename=get_permission_codename("view", self.model_opts))


class FinanciersGroup(ModelViewSetGroup):
    items = (FinancierViewSet, InterestViewSet, SavedSearchViewSet)
    menu_icon = "user"
    menu_label = _("Financiers")
    menu_name = "financiers"
    menu_order = 160


@hooks.register("register_admin_viewset")
def register_financier_viewsets():
    return FinanciersGroup()


@hooks.register("register_log_actions")
def register_financier_log_actions(actions):
    for action, log_label, _label, _icon, _allowed in views.DECISIONS.values():
        actions.register_action(action, log_label, log_label)

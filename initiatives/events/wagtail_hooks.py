"""Admin for events: speakers, registrations and the check-in lists, in one "Events" menu.

Registrations come only from the public form, so there is no "add" view;
staff may correct the details people typed, cancel a registration (the
waitlist moves up) and export a list as CSV or Excel. Each event page gets
"Registrations (N)" and "Check-in list" buttons in its header and in the page
listing's "More" menu.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from initiatives.events.admin_views import (
    CANCEL_ACTION,
    PROMOTE_ACTION,
    REGISTRATIONS,
    WALK_IN_ACTION,
    CancelRegistrationView,
    EventAdminViewSet,
    RegistrationDeleteView,
    RegistrationEditView,
    RegistrationFilterSet,
    RegistrationHistoryView,
    RegistrationIndexView,
    RegistrationInspectView,
    RegistrationUsageView,
    event_buttons,
)
from initiatives.events.models import Registration, Speaker
from portal.admin_views import PublicSideViewSetMixin


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = ["name", "name_zh", "organisation", "title"]
    list_per_page = 50
    search_fields = ["name", "name_zh", "organisation", "organisation_zh"]
    search_backend_name = None  # plain database lookups: exact for Chinese names too
    ordering = ["name"]
    copy_view_enabled = False


class RegistrationViewSet(PublicSideViewSetMixin, ModelViewSet):
    """Registrations, read by event staff (view permission) and corrected or cancelled by moderators."""

    model = Registration
    name = REGISTRATIONS
    icon = "clipboard-list"
    menu_label = _("Registrations")
    add_to_reference_index = False  # rows point at one event page; indexing them would only slow the public form

    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    edit_view_class = RegistrationEditView
    delete_view_class = RegistrationDeleteView
    history_view_class = RegistrationHistoryView
    usage_view_class = RegistrationUsageView
    inspect_view_enabled = True
    copy_view_enabled = False

    list_display = [
        "name",
        "email",
        "organisation",
        "role",
        "event",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda registration: registration.status == Registration.Status.CONFIRMED,
        ),
        DateColumn("created_at", label=_("Registered at"), sort_key="created_at"),
        DateColumn("checked_in_at", label=_("Checked in at"), sort_key="checked_in_at"),
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None  # not in the search index; plain database lookups
    ordering = "-created_at"
    list_per_page = 50
    list_export = [
        "event",
        "name",
        "email",
        "organisation",
        "role",
        "needs",
        "language",
        "status",
        "created_at",
        "promoted_at",
        "cancelled_at",
        "checked_in_at",
        "walk_in",
    ]
    export_headings = {"event": _("Event"), "language": _("Email language")}
    inspect_view_fields = [
        "event",
        "name",
        "email",
        "organisation",
        "role",
        "needs",
        "language",
        "status",
        "created_at",
        "consented_at",
        "promoted_at",
        "cancelled_at",
        "offered_at",
        "offer_expires_at",
        "checked_in_at",
        "walk_in",
        "ticket_code",
        "emails_sent",
        "reference",
    ]
    # Corrections only: who is registered, for which event and with what status follow the rules in
    # initiatives.events.registration (cancel below), and the email address is what the person signed up with.
    form_fields = ["name", "organisation", "role", "needs"]

    def get_urlpatterns(self):
        cancel = path(f"cancel/<{self.pk_path_converter}:pk>/", CancelRegistrationView.as_view(), name="cancel")
        return [*super().get_urlpatterns(), cancel]


class EventsGroup(SnippetViewSetGroup):
    items = (EventAdminViewSet, RegistrationViewSet, SpeakerViewSet)
    menu_icon = "calendar-alt"
    menu_label = _("Events")
    menu_name = "events"
    menu_order = 150


register_snippet(EventsGroup)


@hooks.register("register_page_header_buttons")
def event_page_header_buttons(page, user, view_name, next_url=None):
    return event_buttons(page, user, priority=80)


@hooks.register("register_page_listing_more_buttons")
def event_page_listing_more_buttons(page, user, next_url=None):
    return event_buttons(page, user, priority=55)


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    actions.register_action(CANCEL_ACTION, _("Cancel registration"), _("Registration cancelled by staff"))
    actions.register_action(PROMOTE_ACTION, _("Move up from the waitlist"), _("Moved up from the waitlist"))
    actions.register_action(WALK_IN_ACTION, _("Walk-in"), _("Registered and checked in at the door"))

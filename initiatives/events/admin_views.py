"""Staff views of event registrations in the Wagtail admin.

- **Registrations** (a ModelViewSet registered in `wagtail_hooks.py`) lists,
  filters, searches and exports registrations; the view classes live here.
- **Cancel registration** goes through `initiatives.events.registration.cancel`, so
  the freed seat passes to the first person waiting, who is emailed.
- **Check-in list** (`/admin/events/<event id>/check-in/`) is a printable A4
  page of the confirmed people, sorted by name, with the waitlist below.
- **Door** (`/admin/events/<event id>/door/`) is the phone page for checking
  people in: it scans ticket QR codes with the camera or takes a typed code,
  registers and checks in walk-ins, and keeps the counts live. It needs the
  `check_in_registration` permission (Editors and Moderators).
- **Follow-ups** (`/admin/events/<event id>/follow-up/`): after the event,
  one message to the people who came and one to those who did not, each sent
  once per person; they need `change_registration`.

Reading registrations needs the `view_registration` permission, cancelling
and correcting them `change_registration`. Anyone else who reaches these
pages gets a plain 403, not the admin's usual redirect to the dashboard, so
the refusal is the same whether the page was opened from a link, a bookmark
or a script.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView, View
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin import messages
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import DeleteView, EditView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.permissions import policy_registry

from initiatives.events import times
from initiatives.events.check_in import CheckIn as CheckInOutcome
from initiatives.events.check_in import check_in, door_counts
from initiatives.events.forms import FollowUpForm, TicketCodeForm, WalkInForm
from initiatives.events.models import EventIndexPage, EventPage, FollowUp, Registration, RegistrationEmail
from initiatives.events.registration import (
    RegistrationRefused,
    cancel,
    register_walk_in,
    seats_going_to,
    send_follow_up,
)
from portal import admin_views
from portal.admin_exports import ExportIndexView

REGISTRATIONS = "registrations"  # the registrations viewset's name: URL prefix and namespace
EVENT_ADMIN = "event_admin"  # the events viewset (check-in lists), under /admin/events/

CANCEL_ACTION = "initiatives.registration.cancel"
WALK_IN_ACTION = "initiatives.registration.walk_in"
PROMOTE_ACTION = "initiatives.registration.promote"

Status = Registration.Status


# --- Permissions ---------------------------------------------------------------


def registration_policy():
    return policy_registry.get_by_type(Registration)


def can_view_registrations(user) -> bool:
    return bool(user and user.is_authenticated and registration_policy().user_has_permission(user, "view"))


def can_change_registrations(user) -> bool:
    return bool(user and user.is_authenticated and registration_policy().user_has_permission(user, "change"))


def can_check_in(user) -> bool:
    return bool(user and user.is_authenticated and registration_policy().user_has_permission(user, "check_in"))


class RefusedWith403Mixin(admin_views.RefusedWith403Mixin):
    forbidden_title = _("Registrations")
    forbidden_icon = "clipboard-list"
    forbidden_message = _("Your account does not have permission for this page of event registrations.")
    forbidden_advice = _(
        "Event staff (Editors) may view registrations and check-in lists; Moderators may also correct and "
        "cancel registrations. Ask an administrator if you need either."
    )


def forbidden(request):
    """A 403 inside the admin's frame, saying what is missing."""
    return RefusedWith403Mixin().forbidden(request)


# --- Small helpers shared by the views and hooks ---------------------------------


def default_locale_id() -> int:
    return Locale.get_default().pk


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def event_label(event: EventPage) -> str:
    return f"{event.title} ({event.local_start:%Y-%m-%d})"


def registrations_url(event: EventPage | None = None) -> str:
    url = reverse(f"{REGISTRATIONS}:index")
    return f"{url}?{urlencode({'event': event.pk})}" if event is not None else url


def check_in_url(event: EventPage) -> str:
    return reverse(f"{EVENT_ADMIN}:check_in", args=[event.pk])


def door_url(event: EventPage) -> str:
    return reverse(f"{EVENT_ADMIN}:door", args=[event.pk])


def follow_up_url(event: EventPage) -> str:
    return reverse(f"{EVENT_ADMIN}:follow_up", args=[event.pk])


def inspect_url(registration: Registration) -> str:
    return reverse(f"{REGISTRATIONS}:inspect", args=[quote(registration.pk)])


def cancel_url(registration: Registration, next_url: str = "") -> str:
    url = reverse(f"{REGISTRATIONS}:cancel", args=[quote(registration.pk)])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def can_be_deleted(registration: Registration, now: datetime.datetime | None = None) -> bool:
    """Deleting an active registration before the event would free a seat without moving the waitlist up.

    So only cancelled registrations, or any once the event has begun (when
    nobody is promoted any more), may be deleted, e.g. on a request to erase
    someone's details.
    """
    return registration.status == Status.CANCELLED or registration.event.start <= (now or timezone.now())


# --- The registrations listing ----------------------------------------------------


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return event_label(obj)


class EventFilter(ModelChoiceFilter):
    field_class = EventChoiceField


def events_with_registrations(request):
    # Registrations belong to the original-language page, so only those are offered.
    return EventPage.objects.filter(locale_id=default_locale_id()).order_by("-start", "pk")


class RegistrationFilterSet(WagtailFilterSet):
    event = EventFilter(label=_("Event"), queryset=events_with_registrations, empty_label=_("All events"))
    status = ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("All"), widget=forms.RadioSelect)

    class Meta:
        model = Registration
        fields = ["event", "status"]


class RegistrationIndexView(RefusedWith403Mixin, ExportIndexView):
    """Registrations come from a public form: the downloads keep what people typed from running as formulas."""

    any_permission_required = ["view"]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")

    @cached_property
    def selected_event(self) -> EventPage | None:
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("event")
        return None

    def get_page_subtitle(self):
        return self.selected_event.title if self.selected_event else ""

    def get_filename(self):
        event = self.selected_event
        if event is None:
            return f"registrations-{timezone.localdate():%Y-%m-%d}"
        name = slugify(event.slug) or f"event-{event.pk}"
        return f"registrations-{name}-{event.local_start:%Y-%m-%d}"

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if "language" in row:
            row["language"] = language_name(item.language)
        if "event" in row:
            row["event"] = item.event.title
        return row

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.selected_event is not None:
            buttons = [
                *buttons,
                HeaderButton(_("Check-in list"), url=check_in_url(self.selected_event), icon_name="tasks", priority=10),
            ]
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_active and not instance.event.has_ended() and can_change_registrations(self.request.user):
            buttons.append(
                ListingMenuItem(
                    _("Cancel registration"),
                    url=cancel_url(instance, next_url=registrations_url(instance.event)),
                    icon_name="cross",
                    priority=25,
                )
            )
        return buttons

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if can_be_deleted(instance) else None


class RegistrationInspectView(RefusedWith403Mixin, InspectView):
    any_permission_required = ["view"]

    def get_object(self, queryset=None):
        return get_object_or_404(Registration.objects.select_related("event"), pk=self.pk)

    def get_field_label(self, field_name, field):
        if field_name == "emails_sent":
            return _("Emails sent")
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "-" if value is None else value

    def get_language_display_value(self):
        return language_name(self.object.language)

    def get_event_display_value(self):
        return event_label(self.object.event)

    def get_emails_sent_display_value(self):
        sent = [
            f"{email.get_kind_display()} ({timezone.localtime(email.sent_at):%Y-%m-%d %H:%M})"
            for email in RegistrationEmail.objects.filter(registration=self.object)
        ]
        return "; ".join(sent) or "-"

    def get_delete_url(self):
        return super().get_delete_url() if can_be_deleted(self.object) else None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.is_active and self.user_has_permission("change"):
            buttons.append(
                Button(_("Cancel registration"), url=cancel_url(self.object), icon_name="cross", priority=15)
            )
        buttons.append(
            Button(
                _("All registrations for this event"),
                url=registrations_url(self.object.event),
                icon_name="list-ul",
                priority=30,
            )
        )
        buttons.append(Button(_("Check-in list"), url=check_in_url(self.object.event), icon_name="tasks", priority=40))
        return buttons


class RegistrationEditView(RefusedWith403Mixin, EditView):
    @cached_property
    def can_delete(self):
        return super().can_delete and can_be_deleted(self.object)


class RegistrationDeleteView(RefusedWith403Mixin, DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission("delete"):
            return forbidden(request)
        if not can_be_deleted(self.object):
            messages.error(
                request,
                _("Cancel this registration before deleting it, so that the waitlist moves up."),
            )
            return redirect(inspect_url(self.object))
        return super().dispatch(request, *args, **kwargs)


class RegistrationHistoryView(RefusedWith403Mixin, HistoryView):
    pass


class RegistrationUsageView(RefusedWith403Mixin, UsageView):
    pass


class CancelRegistrationView(RefusedWith403Mixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Staff cancel a registration, for example when someone phones to say they cannot come.

    GET asks for confirmation and says who will get the seat; POST cancels
    through the registration service, which emails the person a receipt and
    promotes (and emails) whoever is next on the waitlist.
    """

    model = Registration
    permission_required = "change"
    template_name = "initiatives/admin/confirm_cancel.html"
    page_title = _("Cancel registration")
    header_icon = "clipboard-list"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Registration.objects.select_related("event"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": registrations_url(), "label": _("Registrations")},
            {"url": inspect_url(self.object), "label": self.object.name},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_success_url(self) -> str:
        return get_valid_next_url_from_request(self.request) or registrations_url(self.object.event)

    def get(self, request, *args, **kwargs):
        if not self.object.is_active:
            messages.warning(request, _("This registration is already cancelled."))
            return redirect(inspect_url(self.object))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        now = timezone.now()
        return super().get_context_data(
            registration=self.object,
            event=self.object.event,
            has_ended=self.object.event.has_ended(now),
            promoted=seats_going_to(self.object, now),
            next_url=get_valid_next_url_from_request(self.request),
            cancel_url=cancel_url(self.object),
            back_url=self.get_success_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        registration = self.object
        try:
            with transaction.atomic():
                outcome = cancel(registration)
                if outcome.cancelled:
                    log(registration, CANCEL_ACTION, user=request.user)
                for person in outcome.promoted:
                    log(person, PROMOTE_ACTION, user=request.user)
        except RegistrationRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(inspect_url(registration))
        if not outcome.cancelled:
            messages.warning(request, _("This registration was already cancelled."))
        else:
            messages.success(
                request,
                _("Registration of %(name)s cancelled; they are emailed a confirmation.") % {"name": registration.name},
            )
        for person in outcome.promoted:
            messages.success(
                request,
                _("%(name)s moved up from the waitlist to a confirmed seat and is emailed.") % {"name": person.name},
            )
        return redirect(self.get_success_url())


# --- Per-event pages: the check-in list --------------------------------------------


def sort_by_name(registrations) -> list[Registration]:
    return sorted(registrations, key=lambda registration: (registration.name.casefold(), registration.pk))


class CheckInView(View):
    """A printable list to tick people off at the door: confirmed people A–Z, then the waitlist in order.

    It is a page of its own rather than one in the admin's frame, so that it
    prints on A4 without menus. A translation's page id leads to the original
    page's list, since registrations belong to the original.
    """

    template_name = "initiatives/admin/check_in.html"

    def get(self, request, event_id):
        if not can_view_registrations(request.user):
            return forbidden(request)
        event = EventPage.objects.filter(pk=event_id).first()
        if event is None:
            raise Http404
        if event.source.pk != event.pk:
            return redirect(check_in_url(event.source))
        registrations = list(event.registrations.exclude(status=Status.CANCELLED).order_by("created_at", "pk"))
        confirmed = sort_by_name(r for r in registrations if r.status == Status.CONFIRMED)
        waitlist = [r for r in registrations if r.status == Status.WAITLISTED]
        translations = EventPage.objects.filter(translation_key=event.translation_key).exclude(pk=event.pk)
        context = {
            "event": event,
            "other_titles": [title for title in translations.values_list("title", flat=True) if title != event.title],
            "when": times.describe_when(event),
            "zone": times.zone_label(event),
            "confirmed": confirmed,
            "waitlist": waitlist,
            "printed_at": timezone.localtime(),
            "registrations_url": registrations_url(event),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
        }
        return render(request, self.template_name, context)


def original_event(event_id: int) -> EventPage:
    """The event whose registrations a per-event page shows; 404 for no such event."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        raise Http404
    return event


class DoorView(View):
    """Checking people in at the door, on a phone: scan or type a ticket code, register walk-ins.

    With JavaScript the page scans with the camera and asks `DoorCheckInView`
    and `DoorCountsView`; without, the typed-code and walk-in forms post here
    and the page answers with the result.
    """

    template_name = "initiatives/admin/door.html"

    def dispatch(self, request, event_id):
        if not can_check_in(request.user):
            return forbidden(request)
        self.event = original_event(event_id)
        if self.event.source.pk != self.event.pk:
            return redirect(door_url(self.event.source))
        return super().dispatch(request, event_id)

    def get(self, request, event_id):
        return self.render(TicketCodeForm(), WalkInForm())

    def post(self, request, event_id):
        code_form, walk_in_form, result = TicketCodeForm(), WalkInForm(), None
        if "walk_in" in request.POST:
            walk_in_form = WalkInForm(request.POST)
            result = walk_in(self.event, walk_in_form, request)
            if result is not None and result["ok"]:
                walk_in_form = WalkInForm()
        else:
            code_form = TicketCodeForm(request.POST)
            if code_form.is_valid():
                result = door_answer(check_in(self.event, code_form.cleaned_data["code"]))
                code_form = TicketCodeForm()
        return self.render(code_form, walk_in_form, result, status=200)

    def render(self, code_form, walk_in_form, result=None, status=200):
        context = {
            "event": self.event,
            "when": times.describe_when(self.event),
            "code_form": code_form,
            "walk_in_form": walk_in_form,
            "result": result,
            "counts": door_counts(self.event),
            "check_in_url": reverse(f"{EVENT_ADMIN}:door_check_in", args=[self.event.pk]),
            "counts_url": reverse(f"{EVENT_ADMIN}:door_counts", args=[self.event.pk]),
            "list_url": check_in_url(self.event),
            "registrations_url": registrations_url(self.event),
        }
        return render(self.request, self.template_name, context, status=status)


def door_answer(outcome: CheckInOutcome) -> dict:
    return {"ok": outcome.ok, "outcome": str(outcome.outcome), "message": outcome.message}


def walk_in(event: EventPage, form: WalkInForm, request) -> dict | None:
    """Register and check in someone at the door; None when the form has errors to show."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        registration, created = register_walk_in(
            event,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            role=data["role"],
            language=get_language() or settings.LANGUAGE_CODE,
        )
    except RegistrationRefused as refusal:
        return {"ok": False, "outcome": "refused", "message": str(refusal)}
    log(registration, WALK_IN_ACTION, user=request.user)
    if created:
        message = _("%(name)s is registered and checked in.") % {"name": registration.name}
    else:
        message = _("%(name)s was already registered with this email, and is now checked in.") % {
            "name": registration.name
        }
    return {"ok": True, "outcome": "checked-in", "message": message}


@method_decorator(require_POST, name="dispatch")
class DoorCheckInView(View):
    """A scan from the door page: JSON in the answer, with the counts after it."""

    def post(self, request, event_id):
        if not can_check_in(request.user):
            return JsonResponse({"ok": False, "message": str(_("You may not check people in."))}, status=403)
        event = original_event(event_id).source
        form = TicketCodeForm(request.POST)
        if not form.is_valid():
            answer = {"ok": False, "outcome": "invalid", "message": str(_("Scan a ticket or type its code."))}
        else:
            answer = door_answer(check_in(event, form.cleaned_data["code"]))
        return JsonResponse({**answer, "counts": door_counts(event).as_dict()})


class DoorCountsView(View):
    """The door page's live counts, asked for every few seconds by each device."""

    def get(self, request, event_id):
        if not can_check_in(request.user):
            return JsonResponse({"message": str(_("You may not check people in."))}, status=403)
        return JsonResponse(door_counts(original_event(event_id).source).as_dict())


class FollowUpView(View):
    """After the event: one message to the people who came, one to those who did not; each once per person."""

    template_name = "initiatives/admin/follow_up.html"

    def dispatch(self, request, event_id):
        if not can_change_registrations(request.user):
            return forbidden(request)
        self.event = original_event(event_id)
        if self.event.source.pk != self.event.pk:
            return redirect(follow_up_url(self.event.source))
        return super().dispatch(request, event_id)

    def get(self, request, event_id):
        return self.render({audience: FollowUpForm(prefix=audience) for audience in FollowUp.Audience.values})

    def post(self, request, event_id):
        audience = request.POST.get("audience")
        forms_ = {value: FollowUpForm(prefix=value) for value in FollowUp.Audience.values}
        if audience not in forms_:
            messages.error(request, _("Choose who the message is for."))
            return self.render(forms_, status=400)
        form = forms_[audience] = FollowUpForm(request.POST, prefix=audience)
        if not form.is_valid():
            return self.render(forms_, status=400)
        try:
            follow_up = send_follow_up(self.event, audience, form.cleaned_data["message"], request.user)
        except RegistrationRefused as refusal:
            messages.error(request, str(refusal))
            return self.render(forms_, status=409)
        messages.success(
            request,
            _("The follow-up is being sent to %(audience)s.") % {"audience": follow_up.get_audience_display().lower()},
        )
        return redirect(follow_up_url(self.event))

    def render(self, forms_: dict, status: int = 200):
        sent = {follow_up.audience: follow_up for follow_up in self.event.follow_ups.all()}
        counts = door_counts(self.event)
        active = self.event.registrations.exclude(status=Status.CANCELLED).count()
        audiences = [
            {
                "value": audience.value,
                "label": audience.label,
                "count": counts.checked_in if audience == FollowUp.Audience.ATTENDED else active - counts.checked_in,
                "form": forms_[audience.value],
                "sent": sent.get(audience.value),
            }
            for audience in FollowUp.Audience
        ]
        context = {
            "event": self.event,
            "when": times.describe_when(self.event),
            "has_ended": self.event.has_ended(),
            "audiences": audiences,
            "registrations_url": registrations_url(self.event),
            "list_url": check_in_url(self.event),
        }
        return render(self.request, self.template_name, context, status=status)


class EventsIndexView(View):
    """The "Event pages" menu entry: the page explorer at the original-language events index."""

    def get(self, request):
        index = EventIndexPage.objects.filter(locale_id=default_locale_id()).order_by("path").first()
        if index is None:
            messages.warning(request, _("There is no events index page yet. Add one under the home page."))
            return redirect("wagtailadmin_explore_root")
        return redirect("wagtailadmin_explore", index.pk)


class EventAdminViewSet(ViewSet):
    name = EVENT_ADMIN
    url_prefix = "events"
    icon = "calendar-alt"
    menu_label = _("Event pages")

    def get_urlpatterns(self):
        return [
            path("", EventsIndexView.as_view(), name="index"),
            path("<int:event_id>/check-in/", CheckInView.as_view(), name="check_in"),
            path("<int:event_id>/door/", DoorView.as_view(), name="door"),
            path("<int:event_id>/door/check-in/", DoorCheckInView.as_view(), name="door_check_in"),
            path("<int:event_id>/door/counts/", DoorCountsView.as_view(), name="door_counts"),
            path("<int:event_id>/follow-up/", FollowUpView.as_view(), name="follow_up"),
        ]

    @cached_property
    def menu_item_class(self):
        def is_shown(_self, request):
            return user_has_any_page_permission(request.user)

        return type("EventPagesMenuItem", (super().menu_item_class,), {"is_shown": is_shown})


# --- Buttons on event pages (page header and page listing) ---------------------------


def registration_count(event: EventPage) -> int:
    """People holding a seat or waiting for one (cancelled registrations left out)."""
    return event.registrations.aggregate(active=Count("pk", filter=~Q(status=Status.CANCELLED)))["active"]


def event_buttons(page, user, priority: int) -> list[Button]:
    """ "Registrations (N)" and "Check-in list" for an event page, for people who may see registrations."""
    if not issubclass(page.specific_class or type(page), EventPage) or not can_view_registrations(user):
        return []
    event = page if isinstance(page, EventPage) else page.specific
    if event.pk is None:
        return []
    source = event.source
    count = registration_count(source)
    if count == 0 and not source.registration_required:
        return []  # an event open to all, with nothing to list
    return [
        Button(
            _("Registrations (%(count)s)") % {"count": count},
            url=registrations_url(source),
            icon_name="clipboard-list",
            priority=priority,
        ),
        Button(_("Check-in list"), url=check_in_url(source), icon_name="tasks", priority=priority + 1),
        *(
            [Button(_("Door check-in"), url=door_url(source), icon_name="success", priority=priority + 2)]
            if can_check_in(user)
            else []
        ),
        *(
            [Button(_("Follow-ups"), url=follow_up_url(source), icon_name="mail", priority=priority + 3)]
            if can_change_registrations(user) and source.has_ended()
            else []
        ),
    ]

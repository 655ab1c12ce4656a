"""Public views for events: the event page with its registration box, registering, cancelling."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from initiatives.events import registration as rules
from initiatives.events import times
from initiatives.events.cancel_links import registration_for_token
from initiatives.events.forms import RegistrationForm
from initiatives.events.models import EventPage, Registration, RegistrationStatus
from portal.ratelimit import client_ip, hit


def registration_context(page: EventPage, form: RegistrationForm) -> dict:
    event = page.source
    status = event.registration_status()
    return {
        "event": event,
        "form": form,
        "registration_status": status,
        "registration_open": status == RegistrationStatus.OPEN,
        "seats_left": event.seats_left(),
        "waitlist_length": event.waitlist_length(),
        "registration_opens_text": times.describe_moment(event, event.registration_opens),
        "registration_closes_text": times.describe_moment(event, event.registration_closes),
    }


def event_page(request, page: EventPage, *, form: RegistrationForm | None = None, status: int = 200):
    response = page.render(request, context_overrides=registration_context(page, form or RegistrationForm()))
    response.status_code = status
    return response


def register(request, page: EventPage):
    if request.method != "POST":
        return HttpResponseRedirect(page.url + "#register")
    form = RegistrationForm(request.POST)
    limit, window = settings.EVENT_REGISTRATION_RATE
    if not hit("event-registration", client_ip(request), limit=limit, window=window):
        form.add_error(None, _("Too many registrations from your network just now. Please try again in a few minutes."))
        return event_page(request, page, form=form, status=429)
    if form.is_bot():
        form.add_error(None, _("We could not accept this registration. Please try again."))
        return event_page(request, page, form=form, status=400)
    if not form.is_valid():
        return event_page(request, page, form=form)
    data = form.cleaned_data
    try:
        entry = rules.register(
            page,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            role=data["role"],
            needs=data["needs"],
            language=get_language() or settings.LANGUAGE_CODE,
        )
    except rules.RegistrationRefused as refusal:
        form.add_error(None, str(refusal))
        return event_page(request, page, form=form, status=409)
    if entry.status == Registration.Status.CONFIRMED:
        messages.success(
            request, _("You are registered. A confirmation is on its way to %(email)s.") % {"email": entry.email}
        )
    else:
        messages.info(
            request,
            _("The event is full, so you are on the waitlist. We will email %(email)s if a seat becomes free.")
            % {"email": entry.email},
        )
    return HttpResponseRedirect(page.url + "#register")


@require_http_methods(["GET", "POST"])
def cancel(request, token: str):
    """The link in every registration email. GET asks; only POST cancels (mail scanners follow links)."""
    entry = registration_for_token(token)
    if entry is None:
        return render(request, "initiatives/cancel_registration.html", {"invalid": True}, status=400)
    page = entry.event.localized
    context = {"registration": entry, "page": page, "event": entry.event}
    if request.method == "POST" and entry.is_active:
        try:
            outcome = rules.cancel(entry)
        except rules.RegistrationRefused as refusal:
            return render(
                request, "initiatives/cancel_registration.html", {**context, "error": str(refusal)}, status=409
            )
        entry.refresh_from_db()
        # A second click, or another tab, may have cancelled it first: then the page says it was already done.
        context["just_cancelled"] = outcome.cancelled
    return render(request, "initiatives/cancel_registration.html", context)

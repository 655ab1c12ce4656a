"""Public views for events: the event page with its registration box, registering, cancelling,
and the pages the registration emails link to: ticket, offer of a seat, certificate and its verification.

The event page is the same for every anonymous visitor, so the page cache
keeps it while registration is open: its form carries no CSRF token. The
site's script (`initiatives/registration.js`) fetches one from `form_token`,
an uncached address, and puts it into the form. Without JavaScript the form
posts without one: `register_event` then shows the form again, filled in as
sent, with a token, and the visitor presses Register once more. Nothing is
written without a valid token, so a forged post from another site changes
nothing.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from initiatives.events import certificates, times
from initiatives.events import registration as rules
from initiatives.events.cache_tags import event_tag
from initiatives.events.cancel_links import registration_for_token
from initiatives.events.forms import RegistrationForm
from initiatives.events.models import EventPage, Registration, RegistrationStatus
from initiatives.events.tickets import (
    qr_svg,
    registration_for_certificate,
    registration_for_offer,
    registration_for_ticket,
    ticket_token,
)
from portal import page_cache
from portal.ratelimit import client_ip, hit

# The CSRF middleware's own check, which `register` runs itself to answer a missing token with the form.
_csrf_check = CsrfViewMiddleware(lambda request: None)


def registration_context(page: EventPage, form: RegistrationForm, *, event: EventPage | None = None) -> dict:
    event = event or page.source
    status = event.registration_status()
    return {
        "event": event,
        "form": form,
        # A form shown again after a post holds its own token; the page for everyone gets one by script.
        "form_has_token": form.is_bound,
        "registration_status": status,
        "registration_open": status == RegistrationStatus.OPEN,
        "seats_left": event.seats_left(),
        "waitlist_length": event.waitlist_length(),
        "registration_opens_text": times.describe_moment(event, event.registration_opens),
        "registration_closes_text": times.describe_moment(event, event.registration_closes),
    }


def event_page(request, page: EventPage, *, form: RegistrationForm | None = None, status: int = 200):
    event = page.source
    # Before the seats are counted: a registration committed during this render retires what it stores.
    page_cache.depends_on(request, event_tag(event.pk))
    context = registration_context(page, form or RegistrationForm(), event=event)
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


@never_cache
def form_token(request):
    """The CSRF token for the registration form of a cached event page (and its cookie), never cached."""
    return JsonResponse({"token": get_token(request)})


@csrf_exempt  # checked below: a post without a token gets the form back with one instead of an error page
def register_event(request, page_id: int):
    page = EventPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return register(request, page)


def register(request, page: EventPage):
    if request.method != "POST":
        return HttpResponseRedirect(page.url + "#register")
    form = RegistrationForm(request.POST)
    if _csrf_check.process_view(request, None, (), {}) is not None:
        form.add_error(None, _("Please check your details and press the button again to confirm."))
        return event_page(request, page, form=form, status=403)
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


# --- Tickets, offers and certificates: reached from the signed links in registration emails ---------


def ticket(request, token: str):
    """The registration's ticket: the QR code and typed code for the door, and the certificate once attended."""
    entry = registration_for_ticket(token)
    if entry is None:
        return render(request, "initiatives/ticket.html", {"invalid": True}, status=404)
    page = entry.event.localized
    can_certify = entry.attended and entry.status == Registration.Status.CONFIRMED and entry.event.has_ended()
    context = {
        "registration": entry,
        "event": entry.event,
        "page": page,
        "when": times.describe_when(entry.event),
        "zone": times.zone_label(entry.event),
        "qr_svg": qr_svg(entry) if entry.status == Registration.Status.CONFIRMED else "",
        "token": token,
        "certificate_languages": [
            (code, name) for code, name in settings.LANGUAGES if code in certificates.LANGUAGES and can_certify
        ],
    }
    return render(request, "initiatives/ticket.html", context)


def certificate(request, token: str, language: str):
    """The certificate PDF, for the holder of the ticket link who was checked in at the event."""
    entry = registration_for_ticket(token)
    if entry is None or language not in certificates.LANGUAGES:
        return render(request, "initiatives/ticket.html", {"invalid": True}, status=404)
    try:
        pdf = certificates.certificate_pdf(entry, language)
    except certificates.NoCertificate as refusal:
        context = {"registration": entry, "page": entry.event.localized, "error": str(refusal)}
        return render(request, "initiatives/certificate_refused.html", context, status=403)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"certificate-{entry.event.local_start:%Y-%m-%d}-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def verify_certificate(request, token: str):
    """The address printed on every certificate: anyone may open it to confirm what the certificate says."""
    entry = registration_for_certificate(token)
    genuine = entry is not None and entry.attended and entry.status == Registration.Status.CONFIRMED
    context = {"genuine": genuine}
    if genuine:
        context["facts"] = certificates.certificate_facts(entry, get_language() or settings.LANGUAGE_CODE)
        context["page"] = entry.event.localized
    return render(request, "initiatives/certificate_verification.html", context, status=200 if genuine else 404)


@require_http_methods(["GET", "POST"])
def offer(request, token: str):
    """The link in an offer of a freed seat. GET shows the offer; POST accepts or declines it."""
    entry = registration_for_offer(token)
    if entry is None:
        return render(request, "initiatives/offer.html", {"invalid": True}, status=404)
    page = entry.event.localized
    context = {
        "registration": entry,
        "event": entry.event,
        "page": page,
        "when": times.describe_when(entry.event),
        "expires": times.describe_moment(entry.event, entry.offer_expires_at),
    }
    if request.method == "POST":
        try:
            answer = rules.OfferAnswer(request.POST.get("answer"))
        except ValueError:
            return render(request, "initiatives/offer.html", {**context, "error": _("Choose accept or decline.")}, 400)
        try:
            entry = rules.answer_offer(entry, answer)
        except rules.RegistrationRefused as refusal:
            return render(request, "initiatives/offer.html", {**context, "error": str(refusal)}, status=409)
        context.update(registration=entry, answered=answer)
        if answer == rules.OfferAnswer.ACCEPTED:
            context["ticket_url"] = reverse("initiatives:ticket", args=[ticket_token(entry)])
        return render(request, "initiatives/offer.html", context)
    # A closed offer is explained, not refused: the link did what it could.
    return render(request, "initiatives/offer.html", {**context, "error": rules.offer_closed_reason(entry)})

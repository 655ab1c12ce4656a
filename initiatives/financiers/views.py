"""The financier area: signing up and in, the dashboard, saved searches, unsubscribing, expressing interest.

Every view checks on the server who is asking: anonymous visitors go to the
financier login page, signed-in people without a financier account get a
403 page saying so, financiers waiting for approval (or rejected, or
suspended) get a 403 page saying that, and another financier's saved search
or expression of interest is a 404 (its existence is not revealed).
Unsubscribing needs no login: the signed link is the permission.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from initiatives.eod import catalogue
from initiatives.eod.models import EodProgrammePage
from initiatives.financiers import accounts, alerts, mandates
from initiatives.financiers import interest as interests
from initiatives.financiers.forms import (
    FinancierAuthenticationForm,
    InterestForm,
    MandateForm,
    SavedSearchCreateForm,
    SavedSearchForm,
    SignUpForm,
)
from initiatives.financiers.models import AlertDigest, ExpressionOfInterest, Financier, SavedSearch
from initiatives.financiers.password_reset import FinancierPasswordResetForm
from initiatives.financiers.tasks import send_financier_password_reset
from portal.accounts import AreaAccounts
from portal.ratelimit import client_ip, hit

Status = Financier.Status

INTEREST_BADGES = {
    ExpressionOfInterest.Status.SUBMITTED: "blue",
    ExpressionOfInterest.Status.ACKNOWLEDGED: "blue",
    ExpressionOfInterest.Status.IN_DISCUSSION: "green",
    ExpressionOfInterest.Status.DECLINED: "amber",
    ExpressionOfInterest.Status.CLOSED: "",
}
ACCOUNT_BADGES = {Status.PENDING: "blue", Status.APPROVED: "green", Status.REJECTED: "amber", Status.SUSPENDED: "amber"}


# --- Who may come in ----------------------------------------------------------------------


def forbidden(request, message: str, *, status: int = 403):
    return TemplateResponse(request, "initiatives/financiers/forbidden.html", {"message": message}, status=status)


def not_approved_message(financier: Financier) -> str:
    if financier.status == Status.PENDING:
        return _(
            "Your financier account is waiting for approval. Association staff check new accounts, usually "
            "within two working days, and email you when it is approved."
        )
    if financier.status == Status.REJECTED:
        return _(
            "Your financier account was not approved. Contact the association secretariat if you think this is a mistake."
        )
    if financier.status == Status.SUSPENDED:
        return _("Your financier account is suspended. Contact the association secretariat to restore it.")
    return _("Your account is not active.")


def refusal(request, *, approved: bool, login_next: str | None = None):
    """A response refusing the visitor, or None if they may come in (then `request.financier` is set)."""
    if not request.user.is_authenticated:
        return redirect_to_login(login_next or request.get_full_path(), reverse("financiers:login"))
    financier = accounts.financier_for(request.user)
    if financier is None:
        return forbidden(
            request,
            _(
                "The financier area is for approved financiers. Your account is not a financier account; "
                "sign out and sign up as a financier, or sign in with your financier account."
            ),
        )
    request.financier = financier
    if approved and not financier.is_approved:
        return forbidden(request, not_approved_message(financier))
    return None


def financier_required(view):
    """Any financier, approved or not (the dashboard tells a pending one where they stand)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return refusal(request, approved=False) or view(request, *args, **kwargs)

    return never_cache(wrapper)


def approved_financier_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return refusal(request, approved=True) or view(request, *args, **kwargs)

    return never_cache(wrapper)


def own_search(request, pk: int) -> SavedSearch:
    return get_object_or_404(SavedSearch, pk=pk, financier=request.financier)


def area_page(request, template: str, context: dict, *, status: int = 200) -> TemplateResponse:
    """A page of the financier area, with what its account bar shows."""
    financier = request.financier
    context = {"financier": financier, "account_badge": ACCOUNT_BADGES.get(financier.status, ""), **context}
    return TemplateResponse(request, f"initiatives/financiers/{template}", context, status=status)


# --- Signing up, in and out -------------------------------------------------------------------


ACCOUNTS = AreaAccounts(
    namespace="financiers",
    login_form=FinancierAuthenticationForm,
    login_template="initiatives/financiers/login.html",
    home="financiers:dashboard",
    reset_form=FinancierPasswordResetForm,
    send_task=send_financier_password_reset,
    slug="financier",
    name=gettext_lazy("Financier area"),
    stylesheets=("members/area.css", "initiatives/financiers.css"),
    request_title=gettext_lazy("Reset your financier area password"),
    request_description=gettext_lazy("Get an email with a link to set a new password for the financier area."),
    request_lead=gettext_lazy(
        "Enter the work email you signed up with. We will email you a link to set a new password."
    ),
    other_reset_note=gettext_lazy("Member companies’ representatives reset their password in the member area instead."),
    other_reset_label=gettext_lazy("Member password reset"),
    other_reset_url_name="member_area:password_reset",
    sent_description=gettext_lazy("A link to set a new password for the financier area is on its way."),
    sent_lead=gettext_lazy(
        "If the address you entered belongs to a financier account, an email with a link to set a new password is on its way."
    ),
    confirm_description=gettext_lazy("Set a new password for the financier area."),
    confirm_lead=gettext_lazy("Choose the password you will sign in to the financier area with from now on."),
)
"""The financier area's sign-in, sign-out and password reset pages (`portal.accounts`)."""


def signup_page(request, form: SignUpForm, *, status: int = 200):
    return TemplateResponse(request, "initiatives/financiers/signup.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        if accounts.financier_for(request.user) is not None:
            return redirect("financiers:dashboard")
        return forbidden(
            request, _("You are signed in with another account. Sign out first to sign up as a financier.")
        )
    if request.method != "POST":
        return signup_page(request, SignUpForm())
    form = SignUpForm(request.POST)
    limit, window = settings.FINANCIER_SIGNUP_RATE
    if not hit("financier-signup", client_ip(request), limit=limit, window=window):
        form.add_error(None, _("Too many sign-ups from your network just now. Please try again later."))
        return signup_page(request, form, status=429)
    if form.is_bot():
        form.add_error(None, _("We could not accept this sign-up. Please try again."))
        return signup_page(request, form, status=400)
    if not form.is_valid():
        return signup_page(request, form)
    data = form.cleaned_data
    try:
        financier = accounts.sign_up(
            full_name=data["full_name"],
            email=data["email"],
            password=data["password1"],
            organisation=data["organisation"],
            kind=data["kind"],
            position=data["position"],
            phone=data["phone"],
            language=get_language() or settings.LANGUAGE_CODE,
        )
    except accounts.SignUpRefused as refused:
        form.add_error("email", str(refused))
        return signup_page(request, form, status=409)
    login(request, financier.user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(
        request,
        _("Your account is created. Association staff will check it and email %(email)s once it is approved.")
        % {"email": financier.user.email},
    )
    return redirect("financiers:dashboard")


# --- The dashboard ---------------------------------------------------------------------------------


def search_rows(financier: Financier) -> list[dict]:
    searches = list(SavedSearch.objects.filter(financier=financier))
    last_sent = {}
    for digest in AlertDigest.objects.filter(saved_search__in=searches, outcome=AlertDigest.Outcome.SENT).order_by(
        "sent_at"
    ):
        last_sent[digest.saved_search_id] = digest.sent_at
    catalogue_url = catalogue.catalogue_url("")  # looked up once, not once per search
    return [
        {
            "search": search,
            "filters": [str(label) for label in catalogue.describe(search.querystring)],
            "url": f"{catalogue_url}?{search.querystring}" if catalogue_url and search.querystring else catalogue_url,
            "last_sent": last_sent.get(search.pk),
            "alerts_on": search.frequency != SavedSearch.Frequency.OFF,
        }
        for search in searches
    ]


def interest_rows(financier: Financier) -> list[dict]:
    rows = []
    for interest in ExpressionOfInterest.objects.filter(financier=financier).select_related("programme"):
        programme = interest.programme.localized if interest.programme_id else None
        rows.append(
            {
                "interest": interest,
                "title": programme.title if programme else interest.programme_title,
                "url": programme.url if programme and programme.live else "",
                "badge": INTEREST_BADGES.get(interest.status, ""),
            }
        )
    return rows


@financier_required
def dashboard(request):
    financier = request.financier
    context = {
        "approved": financier.is_approved,
        "catalogue_url": catalogue.catalogue_url(""),
    }
    if financier.is_approved:
        context.update(
            searches=search_rows(financier),
            interests=interest_rows(financier),
            mandate_parts=mandates.describe(mandates.mandate_of(financier)),
        )
    else:
        context["status_message"] = not_approved_message(financier)
    return area_page(request, "dashboard.html", context)


# --- The mandate and the best matches ------------------------------------------------------------


@approved_financier_required
@require_http_methods(["GET", "POST"])
def mandate(request):
    """What the financier finances; the catalogue scores every programme against it."""
    stored = mandates.stored_or_new(request.financier)
    bound = request.method == "POST"
    form = MandateForm(request.POST if bound else None, instance=stored)
    if bound and form.is_valid():
        form.save()
        messages.success(request, _("Your mandate is saved. The catalogue now shows how each programme fits it."))
        return redirect("financiers:matches")
    return area_page(request, "mandate_form.html", {"form": form}, status=400 if bound else 200)


@approved_financier_required
def matches(request):
    """The programmes that fit the financier's mandate best, with the reasons."""
    mandate = mandates.mandate_of(request.financier)
    language = get_language() or settings.LANGUAGE_CODE
    found = catalogue.best_matches(mandate, language) if mandate else []
    context = {
        "mandate_set": mandate is not None,
        "matches": found,
        "catalogue_url": catalogue.catalogue_url("sort=match") if mandate else catalogue.catalogue_url(""),
    }
    return area_page(request, "matches.html", context)


# --- Saved searches ---------------------------------------------------------------------------------


def catalogue_problems(form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@never_cache
def saved_search_create(request):
    """The catalogue's "Save this search" form posts here."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = SavedSearchCreateForm(request.POST)
    posted = form.data.get("querystring", "")
    # The search rides along to the sign-in page only if it could be saved: a longer one could not be,
    # and would make an address past the length Django agrees to redirect to (a 400).
    longest = SavedSearch._meta.get_field("querystring").max_length
    kept = posted if len(posted) <= longest else ""
    refused = refusal(request, approved=True, login_next=catalogue.catalogue_url(kept) or None)
    if refused:
        return refused
    back = catalogue.catalogue_url("") or reverse("financiers:dashboard")
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: %(problems)s") % {"problems": catalogue_problems(form)})
        return redirect(back)
    data = QueryDict(form.cleaned_data["querystring"])
    search_form = catalogue.CatalogueForm(data)
    if not search_form.is_valid():
        messages.error(
            request,
            _("This search could not be saved: %(problems)s") % {"problems": catalogue_problems(search_form)},
        )
        return redirect(back)
    querystring = catalogue.canonical_querystring(data)
    if len(querystring) > longest:
        # Chinese text grows ninefold once encoded for an address.
        messages.error(request, _("This search is too long to save: shorten the search text."))
        return redirect(back)
    try:
        saved = alerts.save_search(
            request.financier, querystring, name=form.cleaned_data["name"], frequency=form.cleaned_data["frequency"]
        )
    except alerts.SaveRefused as refused:
        messages.warning(request, str(refused))
        return redirect(catalogue.catalogue_url(querystring) or back)
    if saved.frequency == SavedSearch.Frequency.OFF:
        text = _("Search saved as “%(name)s”. You find it on your dashboard.")
    else:
        text = _("Search saved as “%(name)s”. We will email you when programmes are new to it or updated.")
    messages.success(request, text % {"name": saved.name})
    return redirect(catalogue.catalogue_url(querystring) or "financiers:dashboard")


@approved_financier_required
@require_http_methods(["GET", "POST"])
def saved_search_edit(request, pk: int):
    saved = own_search(request, pk)
    form = SavedSearchForm(request.POST if request.method == "POST" else None, instance=saved)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved search “%(name)s” updated.") % {"name": saved.name})
        return redirect(reverse("financiers:dashboard") + "#searches-title")
    return area_page(
        request,
        "saved_search_form.html",
        {
            "form": form,
            "saved_search": saved,
            "filters": [str(label) for label in catalogue.describe(saved.querystring)],
            "catalogue_url": catalogue.catalogue_url(saved.querystring),
        },
    )


@approved_financier_required
@require_http_methods(["GET", "POST"])
def saved_search_delete(request, pk: int):
    saved = own_search(request, pk)
    if request.method == "POST":
        saved.delete()
        messages.success(request, _("Saved search “%(name)s” deleted.") % {"name": saved.name})
        return redirect(reverse("financiers:dashboard") + "#searches-title")
    return area_page(request, "saved_search_delete.html", {"saved_search": saved})


@csrf_exempt  # mail clients' one-click POST (RFC 8058) carries no CSRF token; the signed link is the permission
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """The link in every alert email. GET asks; only POST switches alerts off (mail scanners follow links)."""
    saved = alerts.search_for_token(token)
    if saved is None and alerts.token_is_genuine(token):
        return TemplateResponse(request, "initiatives/financiers/unsubscribe.html", {"deleted": True})
    if saved is None:
        return TemplateResponse(request, "initiatives/financiers/unsubscribe.html", {"invalid": True}, status=400)
    context = {"saved_search": saved, "filters": [str(label) for label in catalogue.describe(saved.querystring)]}
    if request.method == "POST":
        alerts.unsubscribe(saved)
        saved.refresh_from_db(fields=["frequency"])
        context["just_unsubscribed"] = True
    return TemplateResponse(request, "initiatives/financiers/unsubscribe.html", context)


# --- Expressions of interest ---------------------------------------------------------------------------


@approved_financier_required
@require_http_methods(["GET", "POST"])
def interest(request, programme_id: int):
    # By Page's own id: Django bounds that lookup, not the child's page_ptr (SQLite raised past 64 bits).
    programme = get_object_or_404(EodProgrammePage.objects.live().public(), id=programme_id)
    programme = programme.localized  # shown in the visitor's language; recorded on the original
    existing = interests.open_interest(request.financier, programme)
    bound = request.method == "POST"
    form = InterestForm(request.POST if bound else None, programme=programme)
    status = 200
    if bound and existing is not None:
        form.add_error(None, interests.already_open_message(existing))
        status = 409
    elif bound and form.is_valid():
        data = form.cleaned_data
        try:
            interests.submit(
                request.financier,
                programme,
                amount_min=data["amount_min"],
                amount_max=data["amount_max"],
                instrument=data["instrument"],
                message=data["message"].strip(),
            )
        except interests.InterestRefused as refused:
            form.add_error(None, str(refused))
            status = 409
        else:
            messages.success(
                request,
                _(
                    "Thank you: your interest in “%(programme)s” is sent to the programme’s contact and to association staff."
                )
                % {"programme": programme.title},
            )
            return redirect(reverse("financiers:dashboard") + "#interests-title")
    return area_page(
        request, "interest_form.html", {"programme": programme, "form": form, "existing": existing}, status=status
    )

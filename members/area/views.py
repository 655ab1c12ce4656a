"""The member area: representatives keep their company's pledges and reports up to date.

Every view checks on the server who is asking: anonymous visitors go to the
member login page, signed-in people who are not representatives get a 403,
another company's items are a 404 (their existence is not revealed), and
viewers may read but not change anything. Changes are kept as Wagtail
revisions and reach the public only when staff approve them.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import floatformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from members import review
from members.area.forms import MemberAuthenticationForm, PledgeForm, ProgressReportForm
from members.models import Pledge, ProgressReport, Representative
from members.password_reset import MemberPasswordResetForm
from members.tasks import send_password_reset
from portal.accounts import AreaAccounts
from portal.i18n import join_list

# --- Who may come in ----------------------------------------------------------


def forbidden(request, message: str):
    return TemplateResponse(request, "members/area/forbidden.html", {"message": message}, status=403)


def representative_required(view):
    """Only member representatives: anonymous visitors are sent to the member login page, others get a 403.

    The representative is put on the request as ``request.representative``.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("member_area:login"))
        representative = (
            Representative.objects.select_related("company__logo", "user").filter(user=request.user).first()
        )
        if representative is None:
            return forbidden(
                request,
                _(
                    "The member area is for representatives of member companies. "
                    "Your account is not linked to a member company."
                ),
            )
        request.representative = representative
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def viewer_refused(request):
    return forbidden(
        request,
        _(
            "Your role lets you read your company’s data, not change it. Ask an editor in your company, or the secretariat."
        ),
    )


ACCOUNTS = AreaAccounts(
    namespace="member_area",
    login_form=MemberAuthenticationForm,
    login_template="members/area/login.html",
    home="member_area:dashboard",
    reset_form=MemberPasswordResetForm,
    send_task=send_password_reset,
    slug="member",
    name=gettext_lazy("Member area"),
    stylesheets=("members/area.css",),
    request_title=gettext_lazy("Reset your member area password"),
    request_description=gettext_lazy("Get an email with a link to set a new password for the member area."),
    request_lead=gettext_lazy(
        "Enter the email address of your representative account. We will email you a link to set a new password."
    ),
    other_reset_note=gettext_lazy("Association staff reset their password on the administration site."),
    other_reset_label=gettext_lazy("Staff password reset"),
    other_reset_url_name="wagtailadmin_password_reset",
    sent_description=gettext_lazy("A link to set a new password for the member area is on its way."),
    sent_lead=gettext_lazy(
        "If the address you entered belongs to a representative account, an email with a link to set a new password is on its way."
    ),
    confirm_description=gettext_lazy("Set a new password for the member area."),
    confirm_lead=gettext_lazy("Choose the password you will sign in to the member area with from now on."),
)
"""The member area's sign-in, sign-out and password reset pages (`portal.accounts`)."""


# --- Kinds of item --------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type
    form_class: type
    form_template: str
    fields: tuple[str, ...]
    """What the item page compares between the public version and the latest one."""

    def url(self, action: str, obj=None, **kwargs) -> str:
        if obj is not None:
            kwargs["pk"] = obj.pk
        return reverse(f"member_area:{self.slug}_{action}", kwargs=kwargs)


PLEDGE = Kind(
    slug="pledge",
    model=Pledge,
    form_class=PledgeForm,
    form_template="members/area/pledge_form.html",
    fields=(
        "pledge_type",
        "scopes",
        "unit",
        "baseline_year",
        "baseline_value",
        "target_year",
        "target_value",
        "milestones",
        "status",
        "verification",
        "description_en",
        "description_zh",
        "source_url",
        "evidence",
    ),
)
REPORT = Kind(
    slug="report",
    model=ProgressReport,
    form_class=ProgressReportForm,
    form_template="members/area/report_form.html",
    fields=("year", "scope_1", "scope_2_location", "scope_2_market", "scope_3", "renewable_share", "notes", "evidence"),
)
KINDS = {kind.slug: kind for kind in (PLEDGE, REPORT)}


def own_item(request, kind: Kind, pk: int):
    """The representative's company's item, or a 404 whether it belongs to someone else or does not exist."""
    return get_object_or_404(kind.model, pk=pk, company_id=request.representative.company_id)


@dataclass(kw_only=True)
class AreaItem(review.Item):
    """An item as `members.review.read_item` reads it, with its kind and its addresses in the member area."""

    kind: Kind
    urls: dict = field(default_factory=dict)


def make_item(kind: Kind, obj, representative: Representative) -> AreaItem:
    return AreaItem(
        **vars(review.read_item(representative, obj)),
        kind=kind,
        urls={action: kind.url(action, obj) for action in ("detail", "edit", "submit")},
    )


# --- Pages ---------------------------------------------------------------------------


@representative_required
def dashboard(request):
    representative = request.representative
    company = representative.company
    pledges = [make_item(PLEDGE, obj, representative) for obj in Pledge.objects.filter(company=company)]
    reports = [make_item(REPORT, obj, representative) for obj in ProgressReport.objects.filter(company=company)]
    pledges.sort(key=lambda item: (item.current.target_year, item.current.pledge_type, item.obj.pk))
    reports.sort(key=lambda item: (-item.current.year, item.obj.pk))
    counts = dict.fromkeys(review.STATUS_LABELS, 0)
    for item in pledges + reports:
        counts[item.state.code] += 1
    return TemplateResponse(
        request,
        "members/area/dashboard.html",
        {
            "representative": representative,
            "company": company,
            "pledges": pledges,
            "reports": reports,
            "counts": [
                (code, label, review.STATUS_BADGES[code], counts[code]) for code, label in review.STATUS_LABELS.items()
            ],
        },
    )


def display_value(obj, name: str) -> list[str]:
    """A field's value as lines of text, formatted for the visitor's language."""
    if obj is None:
        return []
    if name == "scopes":
        labels = [obj._meta.get_field(f"scope_{n}").verbose_name for n in obj.scopes]
        return [join_list(labels)] if labels else []
    if name == "milestones":
        lines = []
        for milestone in sorted(obj.milestones.all(), key=lambda m: m.year):
            parts = [str(milestone.year)]
            if milestone.value is not None:
                parts.append(floatformat(milestone.value, "-2g"))
            if milestone.description:
                parts.append(milestone.description)
            lines.append(" · ".join(parts))
        return lines
    if name == "evidence":
        return [obj.evidence.title] if obj.evidence_id and obj.evidence else []
    model_field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if value is None or value == "":
        return []
    if model_field.choices:
        return [str(getattr(obj, f"get_{name}_display")())]
    if isinstance(value, bool):
        return [_("Yes") if value else _("No")]
    if isinstance(value, Decimal):
        return [floatformat(value, "-2g")]
    return [str(value)]


def field_label(model, name: str) -> str:
    if name == "scopes":
        return _("Scopes")
    if name == "milestones":
        return _("Interim milestones")
    return capfirst(model._meta.get_field(name).verbose_name)


def comparison(kind: Kind, public, current) -> list[dict]:
    rows = []
    for name in kind.fields:
        old, new = display_value(public, name), display_value(current, name)
        # Only a difference from a public version is worth marking; a new item differs everywhere.
        marked = public is not None and old != new
        rows.append({"label": field_label(kind.model, name), "public": old, "current": new, "marked": marked})
    return rows


@representative_required
def item_detail(request, kind: str, pk: int):
    kind = KINDS[kind]
    obj = own_item(request, kind, pk)
    item = make_item(kind, obj, request.representative)
    public = obj if obj.live else None
    revisions = review.revision_history(obj)
    return TemplateResponse(
        request,
        "members/area/item_detail.html",
        {
            "representative": request.representative,
            "item": item,
            "kind": kind,
            "public": public,
            "rows": comparison(kind, public, item.current),
            "has_changes": obj.has_unpublished_changes,
            "revisions": revisions,
            "reviews": review.review_history(obj, revisions),
            "evidence_url": (
                kind.url("evidence", obj, document_id=item.current.evidence_id) if item.current.evidence_id else ""
            ),
        },
    )


def edit_item(request, kind: Kind, obj=None):
    """Create (obj None) or edit an item; the result is kept as a draft revision, never written to the public row."""
    representative = request.representative
    if not representative.can_edit:
        return viewer_refused(request)
    if obj is not None and obj.workflow_in_progress:
        messages.warning(
            request, _("This item is waiting for review; you can change it again once staff have answered.")
        )
        return redirect(kind.url("detail", obj))

    instance = review.version_to_edit(representative, kind.model, obj)
    bound = request.method == "POST"
    form = kind.form_class(request.POST if bound else None, request.FILES if bound else None, instance=instance)
    if bound and form.is_valid():
        try:
            saved = review.save_version(representative, form, submit="submit" in request.POST)
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as problem:
            form.add_error(None, problem.messages)
        else:
            # The draft is kept even if it cannot be sent for review.
            notify = messages.warning if saved.not_submitted else messages.success
            notify(request, " ".join(saved.messages))
            return redirect(kind.url("detail", saved.obj))
    elif bound:
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))

    return TemplateResponse(
        request,
        kind.form_template,
        {
            "representative": representative,
            "kind": kind,
            "form": form,
            "obj": obj,
            "current": instance,
            "state": review.review_state(obj) if obj is not None else None,
            "cancel_url": kind.url("detail", obj) if obj is not None else reverse("member_area:dashboard"),
        },
    )


@representative_required
def item_create(request, kind: str):
    return edit_item(request, KINDS[kind])


@representative_required
def item_edit(request, kind: str, pk: int):
    kind = KINDS[kind]
    return edit_item(request, kind, own_item(request, kind, pk))


@representative_required
def item_submit(request, kind: str, pk: int):
    kind = KINDS[kind]
    obj = own_item(request, kind, pk)  # another company's item is a 404, whatever the method
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.representative.can_edit:
        return viewer_refused(request)
    try:
        review.submit_for_review(request.representative, obj)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(request, str(review.SENT_FOR_REVIEW))
    return redirect(kind.url("detail", obj))


@representative_required
def item_evidence(request, kind: str, pk: int, document_id: int):
    """An evidence document of the company's own item (the public or the latest version's)."""
    kind = KINDS[kind]
    obj = own_item(request, kind, pk)
    allowed = {obj.evidence_id, obj.get_latest_revision_as_object().evidence_id} - {None}
    if document_id not in allowed:
        raise Http404
    document = obj.evidence if obj.evidence_id == document_id else obj.get_latest_revision_as_object().evidence
    if document is None:
        raise Http404
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response

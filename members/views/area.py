"""The member area: representatives keep their company's pledges and reports up to date.

Every view checks on the server who is asking: anonymous visitors go to the
member login page, signed-in people who are not representatives get a 403,
another company's items are a 404 (their existence is not revealed), and
viewers may read but not change anything. Changes are kept as Wagtail
revisions and reach the public only when staff approve them.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import wraps

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import floatformat
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.models import TaskState, WorkflowState

from members.forms import MemberAuthenticationForm, MemberPasswordResetForm, PledgeForm, ProgressReportForm
from members.models import Pledge, ProgressReport, Representative
from members.review import check_can_edit, save_draft, submit_for_review
from members.tasks import send_password_reset
from portal import password_reset
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


class MemberLoginView(auth_views.LoginView):
    form_class = MemberAuthenticationForm
    template_name = "members/area/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("member_area:dashboard")


class MemberLogoutView(auth_views.LogoutView):
    """Sign out (POST only, as in Django) and come back to the member login page."""

    next_page = reverse_lazy("member_area:login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have signed out."))
        return response


class MemberPasswordResetView(password_reset.AreaPasswordResetView):
    form_class = MemberPasswordResetForm
    send_task = send_password_reset
    template_name = "members/area/password_reset.html"
    success_url = reverse_lazy("member_area:password_reset_sent")


class MemberPasswordResetSentView(password_reset.AreaPasswordResetDoneView):
    template_name = "members/area/password_reset_sent.html"


class MemberPasswordResetConfirmView(password_reset.AreaPasswordResetConfirmView):
    """Set a new password from the emailed link, then sign in on the member login page."""

    reset_form = MemberPasswordResetForm
    template_name = "members/area/password_reset_confirm.html"
    success_url = reverse_lazy("member_area:login")


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


# --- Review status as a representative sees it -----------------------------------

STATUS_LABELS = {
    "draft": gettext_lazy("Draft"),
    "in_review": gettext_lazy("Waiting for review"),
    "changes_requested": gettext_lazy("Changes requested"),
    "published": gettext_lazy("Published"),
}
STATUS_BADGES = {"draft": "", "in_review": "blue", "changes_requested": "amber", "published": "green"}

TASK_LABELS = {
    TaskState.STATUS_IN_PROGRESS: gettext_lazy("Waiting for review"),
    TaskState.STATUS_APPROVED: gettext_lazy("Approved and published"),
    TaskState.STATUS_REJECTED: gettext_lazy("Changes requested"),
    TaskState.STATUS_CANCELLED: gettext_lazy("Withdrawn"),
    TaskState.STATUS_SKIPPED: gettext_lazy("Skipped"),
}
TASK_BADGES = {
    TaskState.STATUS_IN_PROGRESS: "blue",
    TaskState.STATUS_APPROVED: "green",
    TaskState.STATUS_REJECTED: "amber",
}


@dataclass
class ReviewState:
    code: str
    comment: str = ""
    reviewer: object = None
    reviewed_at: datetime | None = None
    submitted_at: datetime | None = None

    @property
    def label(self):
        return STATUS_LABELS[self.code]

    @property
    def badge(self):
        return STATUS_BADGES[self.code]


def review_state(obj) -> ReviewState:
    """Draft, waiting for review, changes requested (with the reviewer's word) or published."""
    state = obj.workflow_states.select_related("current_task_state__finished_by").order_by("-created_at", "-pk").first()
    task = state.current_task_state if state is not None else None
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return ReviewState("in_review", submitted_at=task.started_at if task else state.created_at)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES and task is not None:
        return ReviewState(
            "changes_requested",
            comment=task.comment,
            reviewer=task.finished_by,
            reviewed_at=task.finished_at,
            submitted_at=task.started_at,
        )
    if obj.live and not obj.has_unpublished_changes:
        if state is not None and state.status == WorkflowState.STATUS_APPROVED and task is not None:
            return ReviewState(
                "published", comment=task.comment, reviewer=task.finished_by, reviewed_at=task.finished_at
            )
        return ReviewState("published")
    return ReviewState("draft")


@transaction.atomic
def submit(representative: Representative, obj) -> WorkflowState:
    """Send the latest version to staff review, also after an earlier submission was sent back."""
    state = obj.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # members.review.submit_for_review would start a second workflow here, which
        # Wagtail refuses (one active workflow per object): resume the sent-back one,
        # as Wagtail's admin does. Its earlier, rejected task state stays in the history.
        check_can_edit(representative, obj)
        if not obj.has_unpublished_changes:
            raise ValidationError(_("There are no changes to submit."))
        state.resume(user=representative.user)
        return state
    return submit_for_review(representative, obj)


@dataclass
class Item:
    """One pledge or report as the representative sees it: their latest version and its review state."""

    kind: Kind
    obj: object
    current: object
    state: ReviewState
    can_edit: bool = False
    can_submit: bool = False
    urls: dict = field(default_factory=dict)


def make_item(kind: Kind, obj, representative: Representative) -> Item:
    state = review_state(obj)
    editor = representative.can_edit
    return Item(
        kind=kind,
        obj=obj,
        current=obj.get_latest_revision_as_object(),
        state=state,
        can_edit=editor and state.code != "in_review",
        can_submit=editor and state.code in ("draft", "changes_requested") and obj.has_unpublished_changes,
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
    counts = dict.fromkeys(STATUS_LABELS, 0)
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
            "counts": [(code, STATUS_LABELS[code], STATUS_BADGES[code], counts[code]) for code in STATUS_LABELS],
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


def revision_history(obj) -> list[dict]:
    submitted = set(
        TaskState.objects.filter(workflow_state__in=obj.workflow_states).values_list("revision_id", flat=True)
    )
    revisions = list(obj.revisions.select_related("user").order_by("-created_at", "-pk"))
    return [
        {
            "revision": revision,
            "number": len(revisions) - index,
            "submitted": revision.pk in submitted,
            "published": revision.pk == obj.live_revision_id,
        }
        for index, revision in enumerate(revisions)
    ]


def review_history(obj, revisions: list[dict]) -> list[dict]:
    numbers = {entry["revision"].pk: entry["number"] for entry in revisions}
    task_states = (
        TaskState.objects.filter(workflow_state__in=obj.workflow_states)
        .select_related("finished_by", "revision__user", "workflow_state__requested_by")
        .order_by("-started_at", "-pk")
    )
    return [
        {
            "task_state": task_state,
            "version": numbers.get(task_state.revision_id),
            "label": TASK_LABELS.get(task_state.status, task_state.status),
            "badge": TASK_BADGES.get(task_state.status, ""),
        }
        for task_state in task_states
    ]


@representative_required
def item_detail(request, kind: str, pk: int):
    kind = KINDS[kind]
    obj = own_item(request, kind, pk)
    item = make_item(kind, obj, request.representative)
    public = obj if obj.live else None
    revisions = revision_history(obj)
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
            "reviews": review_history(obj, revisions),
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

    # Editing starts from the representative's latest version, not the public one.
    instance = obj.get_latest_revision_as_object() if obj is not None else kind.model(company=representative.company)
    bound = request.method == "POST"
    form = kind.form_class(request.POST if bound else None, request.FILES if bound else None, instance=instance)
    if bound and form.is_valid():
        try:
            with transaction.atomic():
                saved = form.save(commit=False)
                form.attach_evidence(saved, request.user)
                save_draft(representative, saved)
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as problem:
            form.add_error(None, problem.messages)
        else:
            if "submit" not in request.POST:
                messages.success(request, _("Draft saved. It is not public: submit it for review when it is ready."))
                return redirect(kind.url("detail", saved))
            # The draft is kept even if it cannot be sent for review.
            try:
                submit(representative, saved)
            except ValidationError as problem:
                messages.warning(request, " ".join([_("Draft saved, but not sent for review:"), *problem.messages]))
            else:
                messages.success(
                    request, _("Saved and sent for review. Staff will check it before it appears on the public site.")
                )
            return redirect(kind.url("detail", saved))
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
            "state": review_state(obj) if obj is not None else None,
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
        submit(request.representative, obj)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(request, _("Sent for review. Staff will check it before it appears on the public site."))
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

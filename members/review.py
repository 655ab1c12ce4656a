"""Representatives' changes to pledges and reports, through staff review: the one home of its rules.

A change is always kept as a Wagtail revision (author and time), whatever
happens to it later. Submitting starts the "Member data review" workflow;
when a moderator approves, Wagtail publishes the revision, which is the only
way a value reaches the public row.

The member area's pages, the open data API and the staff's queue in the admin
all save, submit and read the review state through the functions here, so a
representative sees the same state and the same messages on the web and in
the API.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState, WorkflowState

from members.diff import diff_objects
from members.models import Pledge, ProgressReport, Representative

Reviewable = Pledge | ProgressReport
REVIEWED_MODELS = (Pledge, ProgressReport)

# --- Who may change an item, who reviews it -------------------------------------------


def check_editor(representative: Representative) -> None:
    if not representative.can_edit:
        raise PermissionDenied(_("Your role lets you read your company's data, not change it."))


def check_can_edit(representative: Representative, obj: Reviewable) -> None:
    if obj.company_id != representative.company_id:
        raise PermissionDenied(_("You can only change your own company's data."))
    check_editor(representative)


def reviewer_groups():
    """The groups whose members approve steps of the member data workflow(s)."""
    group_ids = set()
    for model in REVIEWED_MODELS:
        workflow = model.get_default_workflow()
        if workflow is None:
            continue
        for task in workflow.tasks.filter(active=True).specific():
            if isinstance(task, AbstractGroupApprovalTask):
                group_ids.update(task.groups.values_list("pk", flat=True))
    return Group.objects.filter(pk__in=group_ids)


def can_review_members(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(pk__in=reviewer_groups()).exists()


# --- Saving a version and submitting it -----------------------------------------------


def refuse_while_in_review(obj: Reviewable) -> None:
    if obj.workflow_in_progress:
        raise ValidationError(_("This item is waiting for review; it can be changed again once staff have answered."))


def version_to_edit(representative: Representative, model: type, obj: Reviewable | None = None) -> Reviewable:
    """What a form starts from: the representative's latest version, not the public one; a new item of their company."""
    return obj.get_latest_revision_as_object() if obj is not None else model(company=representative.company)


@transaction.atomic
def save_draft(representative: Representative, obj: Reviewable) -> Revision:
    """Keep the representative's version as a revision; public values stay as approved."""
    check_can_edit(representative, obj)
    refuse_while_in_review(obj)
    if obj.pk is None:
        # A new item exists only as a draft row until it is approved.
        obj.live = False
        obj.save()
    return obj.save_revision(user=representative.user, log_action=True)


@transaction.atomic
def submit_for_review(representative: Representative, obj: Reviewable) -> WorkflowState:
    """Send the latest version to staff review, also after an earlier submission was sent back."""
    check_can_edit(representative, obj)
    if obj.workflow_in_progress:
        raise ValidationError(_("This item is already waiting for review."))
    if not obj.has_unpublished_changes:
        raise ValidationError(_("There are no changes to submit."))
    state = obj.current_workflow_state
    if state is not None:
        # Sent back for changes: Wagtail allows one open workflow per object, so resume it.
        state.resume(user=representative.user)
        return state
    return obj.get_workflow().start(obj, representative.user)


SENT_FOR_REVIEW = gettext_lazy("Sent for review. Staff will check it before it appears on the public site.")


@dataclass(frozen=True)
class Saved:
    """What became of a version saved from the member area's form, on the web or through the API."""

    obj: Reviewable
    submitted: bool = False
    not_submitted: tuple[str, ...] = ()
    """Why it was not sent for review, when that was asked: the draft is kept all the same."""

    @property
    def messages(self) -> list[str]:
        """What the representative is told."""
        if self.not_submitted:
            return [_("Draft saved, but not sent for review:"), *self.not_submitted]
        if self.submitted:
            return [_("Saved and sent for review. Staff will check it before it appears on the public site.")]
        return [_("Draft saved. It is not public: submit it for review when it is ready.")]


def save_version(representative: Representative, form, *, submit: bool = False) -> Saved:
    """Keep a valid form's version, with its evidence upload, as a draft revision; then submit it if asked.

    `form` is the member area's `PledgeForm` or `ProgressReportForm` bound to a `version_to_edit`.
    """
    with transaction.atomic():
        saved = form.save(commit=False)
        form.attach_evidence(saved, representative.user)
        save_draft(representative, saved)
    if not submit:
        return Saved(saved)
    try:
        submit_for_review(representative, saved)
    except ValidationError as problem:
        return Saved(saved, not_submitted=tuple(problem.messages))
    return Saved(saved, submitted=True)


# --- Review state as a representative sees it -----------------------------------------

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


@dataclass
class Item:
    """One pledge or report as the representative sees it: their latest version, its review state, what they may do."""

    obj: Reviewable
    current: Reviewable
    state: ReviewState
    can_edit: bool = False
    can_submit: bool = False


def read_item(representative: Representative, obj: Reviewable) -> Item:
    state = review_state(obj)
    editor = representative.can_edit
    return Item(
        obj=obj,
        current=obj.get_latest_revision_as_object(),
        state=state,
        can_edit=editor and state.code != "in_review",
        can_submit=editor and state.code in ("draft", "changes_requested") and obj.has_unpublished_changes,
    )


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


# --- What waits for staff review --------------------------------------------------------


@dataclass
class Submission:
    task_state: TaskState
    obj: Pledge | ProgressReport
    proposed: Pledge | ProgressReport
    changes: list[dict]
    submitted_by: object
    submitted_at: datetime
    representative_of: str = ""
    links: dict[str, str] = field(default_factory=dict)

    @property
    def is_new(self) -> bool:
        return not self.obj.live

    @property
    def item_type(self) -> str:
        return self.obj._meta.verbose_name


def admin_links(obj, task_state: TaskState) -> dict[str, str]:
    viewset = type(obj).snippet_viewset
    pk = quote(obj.pk)
    links = {
        "review": reverse(viewset.get_url_name("edit"), args=(pk,)),
        "history": reverse(viewset.get_url_name("workflow_history_detail"), args=(pk, task_state.workflow_state_id)),
    }
    if obj.live:
        links["compare"] = reverse(
            viewset.get_url_name("revisions_compare"),
            kwargs={"pk": pk, "revision_id_a": "live", "revision_id_b": "latest"},
        )
    return links


def pending_submissions(user) -> list[Submission]:
    """In-progress reviews of pledges and reports this user can act on, oldest first."""
    content_types = ContentType.objects.get_for_models(*REVIEWED_MODELS)
    task_states = (
        TaskState.objects.reviewable_by(user)
        .filter(
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            workflow_state__base_content_type__in=list(content_types.values()),
        )
        .select_related("workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    task_states = list(task_states)
    objects = {}
    for model, content_type in content_types.items():
        ids = [
            state.workflow_state.object_id
            for state in task_states
            if state.workflow_state.base_content_type_id == content_type.pk
        ]
        if ids:
            for obj in model.objects.filter(pk__in=ids).select_related("company", "latest_revision"):
                objects[(content_type.pk, str(obj.pk))] = obj
    companies_by_user = dict(
        Representative.objects.filter(user__in=[state.workflow_state.requested_by_id for state in task_states])
        .select_related("company")
        .values_list("user_id", "company__name_en")
    )
    submissions = []
    for state in task_states:
        workflow_state = state.workflow_state
        obj = objects.get((workflow_state.base_content_type_id, workflow_state.object_id))
        if obj is None:
            continue
        revision = obj.latest_revision or obj.get_latest_revision()
        proposed = revision.as_object() if revision else obj
        submissions.append(
            Submission(
                task_state=state,
                obj=obj,
                proposed=proposed,
                changes=diff_objects(obj if obj.live else None, proposed),
                submitted_by=workflow_state.requested_by,
                submitted_at=state.started_at,  # a resubmission after changes were requested restarts the task
                representative_of=companies_by_user.get(workflow_state.requested_by_id, ""),
                links=admin_links(obj, state),
            )
        )
    return submissions

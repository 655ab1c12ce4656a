"""Representatives' changes to pledges and reports, through staff review.

A change is always kept as a Wagtail revision (author and time), whatever
happens to it later. Submitting starts the "Member data review" workflow;
when a moderator approves, Wagtail publishes the revision, which is the only
way a value reaches the public row.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Revision, WorkflowState

from members.models import Pledge, ProgressReport, Representative

Reviewable = Pledge | ProgressReport


def check_can_edit(representative: Representative, obj: Reviewable) -> None:
    if obj.company_id != representative.company_id:
        raise PermissionDenied(_("You can only change your own company's data."))
    if not representative.can_edit:
        raise PermissionDenied(_("Your role lets you read your company's data, not change it."))


@transaction.atomic
def save_draft(representative: Representative, obj: Reviewable) -> Revision:
    """Keep the representative's version as a revision; public values stay as approved."""
    check_can_edit(representative, obj)
    if obj.workflow_in_progress:
        raise ValidationError(_("This item is waiting for review; it can be changed again once staff have answered."))
    if obj.pk is None:
        # A new item exists only as a draft row until it is approved.
        obj.live = False
        obj.save()
    return obj.save_revision(user=representative.user, log_action=True)


@transaction.atomic
def submit_for_review(representative: Representative, obj: Reviewable) -> WorkflowState:
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


def review_status(obj: Reviewable) -> dict:
    """What a representative sees about their item: state, and the reviewer's last word."""
    state = obj.current_workflow_state  # in progress or sent back for changes
    if state is None:
        return {"status": "published" if obj.live and not obj.has_unpublished_changes else "draft", "comment": ""}
    last_task = state.task_states.order_by("-started_at").first()
    return {
        "status": state.status,  # in_progress, approved, needs_changes, cancelled
        "comment": last_task.comment if last_task else "",
        "reviewer": last_task.finished_by if last_task else None,
        "submitted_at": state.created_at,
        "submitted_by": state.requested_by,
    }

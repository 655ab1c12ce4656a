"""Staff review of member submissions in the Wagtail admin.

"Member submissions" lists every pledge and progress report waiting for review,
with a field-by-field comparison against what is public now. Approving and
requesting changes stay in Wagtail's own edit view, which this page links to.
Only the people the review workflow names (members of its approval groups)
and superusers may open the page; the check is made on the server.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState

from members.diff import diff_objects
from members.models import Pledge, ProgressReport, Representative

REVIEWED_MODELS = (Pledge, ProgressReport)


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


class MemberSubmissionsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Member submissions")
    header_icon = "tasks"
    template_name = "members/admin/submissions.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_review_members(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(submissions=pending_submissions(self.request.user), **kwargs)


class MemberSubmissionsViewSet(ViewSet):
    name = "member-submissions"
    icon = "tasks"
    menu_label = _("Member submissions")

    def get_urlpatterns(self):
        return [path("", MemberSubmissionsView.as_view(), name="index")]

    @cached_property
    def menu_item_class(self):
        def is_shown(_self, request):
            return can_review_members(request.user)

        return type("MemberSubmissionsMenuItem", (MenuItem,), {"is_shown": is_shown})

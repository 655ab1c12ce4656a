"""Staff review of member submissions in the Wagtail admin.

"Member submissions" lists every pledge and progress report waiting for review,
with a field-by-field comparison against what is public now. Approving and
requesting changes stay in Wagtail's own edit view, which this page links to.
Only the people the review workflow names (members of its approval groups)
and superusers may open the page; the check is made on the server. Who reviews
and what waits for review are read in `members.review`.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from members.review import can_review_members, pending_submissions


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

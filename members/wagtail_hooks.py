from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from members.admin_views import MemberSubmissionsViewSet
from members.models import MemberCompany, Pathway, Pledge, ProgressReport, Representative


class MemberCompanyViewSet(SnippetViewSet):
    model = MemberCompany
    icon = "group"
    menu_label = _("Member companies")
    list_display = ["name_en", "name_zh", "sector", "headquarters_country", "member_since"]
    list_filter = ["sector"]
    search_fields = ["name_en", "name_zh"]


class PledgeViewSet(SnippetViewSet):
    model = Pledge
    icon = "pick"
    menu_label = _("Pledges")
    list_display = ["company", "pledge_type", "target_year", "status", "verification", "live"]
    list_filter = ["pledge_type", "status", "verification", "live"]
    search_fields = ["company__name_en", "company__name_zh"]


class ProgressReportViewSet(SnippetViewSet):
    model = ProgressReport
    icon = "doc-full"
    menu_label = _("Progress reports")
    list_display = ["company", "year", "scope_1", "scope_2_market", "scope_3", "live"]
    list_filter = ["year", "live"]


class PathwayViewSet(SnippetViewSet):
    """Benchmark pathways with their sources; every company's alignment labels use them."""

    model = Pathway
    icon = "resubmit"
    menu_label = _("Benchmark pathways")
    list_display = ["name_en", "kind", "ambition", "source_year", "active"]
    list_filter = ["kind", "active"]


class RepresentativeViewSet(ModelViewSet):
    """Staff link user accounts to companies. Needs the representative permissions (Moderators have them)."""

    model = Representative
    name = "representatives"
    icon = "user"
    menu_label = _("Representatives")
    form_fields = ["user", "company", "role"]
    list_display = ["user", "company", "role"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name", "company__name_en"]
    search_backend_name = None  # not in the search index; plain database lookups
    ordering = ["company__name_en", "user__username"]
    copy_view_enabled = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "user":
            # Representatives are people from member companies, not association staff.
            users = get_user_model().objects.filter(is_active=True, is_staff=False, is_superuser=False)
            return UserChoiceField(queryset=users.order_by("username"), label=db_field.verbose_name)
        return super().formfield_for_dbfield(db_field, **kwargs)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        details = ", ".join(part for part in (user.get_full_name(), user.email) if part)
        return f"{user.get_username()} ({details})" if details else user.get_username()


class MembersGroup(SnippetViewSetGroup):
    items = (
        MemberCompanyViewSet,
        PledgeViewSet,
        ProgressReportViewSet,
        PathwayViewSet,
        MemberSubmissionsViewSet,
        RepresentativeViewSet,
    )
    menu_icon = "group"
    menu_label = _("Members")
    menu_order = 200


register_snippet(MembersGroup)

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from members.models import MemberCompany


class MemberCompanyViewSet(SnippetViewSet):
    model = MemberCompany
    icon = "group"
    menu_label = _("Member companies")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name_en", "name_zh", "sector", "headquarters_country", "member_since"]
    list_filter = ["sector"]
    search_fields = ["name_en", "name_zh"]


register_snippet(MemberCompanyViewSet)

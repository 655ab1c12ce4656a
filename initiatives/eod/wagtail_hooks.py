"""Admin for the EOD catalogue's staff-kept data: the green finance catalogues' categories (a snippet).

Moderators keep the categories; Editors read them and tag projects with them
(migration 0009 grants both). Programme pages themselves are in the page tree.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from initiatives.eod.models import GreenCategory


class GreenCategoryViewSet(SnippetViewSet):
    model = GreenCategory
    icon = "tag"
    menu_label = _("Green catalogue categories")
    add_to_admin_menu = False
    list_display = ["code", "name_en", "name_zh", "edition"]
    list_filter = ["edition"]
    search_fields = ["code", "name_en", "name_zh"]
    search_backend_name = None  # plain database lookups
    ordering = ["edition", "code"]


register_snippet(GreenCategoryViewSet)

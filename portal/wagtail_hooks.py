"""Site-wide admin: the topics every part of the site tags its content with.

The library's admin lives with the library; Wagtail looks for hooks in apps only, so it is imported here.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.library import wagtail_hooks as library_hooks  # noqa: F401 - registers the library's admin
from portal.models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name_en", "name_zh", "slug"]
    search_fields = ["name_en", "name_zh", "slug"]


register_snippet(TopicViewSet)

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym
from search.semantic.encoder import EncoderStatus, encoder_status
from search.semantic.service import Coverage, stored_coverage


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 900
    add_to_admin_menu = False
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]


register_snippet(SynonymViewSet)


class MeaningPanel(Component):
    """On the admin's dashboard while search cannot match by meaning, or not for everything yet."""

    name = "search_meaning"
    order = 50  # above Wagtail's own panels: it explains search results staff may be puzzling over
    template_name = "search/admin/meaning_panel.html"

    def __init__(self, status: EncoderStatus, coverage: Coverage):
        self.status, self.coverage = status, coverage

    def get_context_data(self, parent_context=None) -> dict:
        return {"status": self.status, "coverage": self.coverage}


@hooks.register("construct_homepage_panels")
def add_meaning_panel(request, panels) -> None:
    # Those who look after search: the staff allowed to edit its synonyms.
    if not request.user.has_perm("search.change_synonym"):
        return
    status = encoder_status(load=True)
    coverage = stored_coverage() if status.active else None
    if not status.active or not coverage.complete:
        panels.append(MeaningPanel(status, coverage))

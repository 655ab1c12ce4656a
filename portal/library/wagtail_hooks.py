"""Admin for the policy-document library.

Library entries are snippets in a "Library" menu. Staff see how text
extraction went in the listing (a column and a filter) and at the top of the
edit form, with the reason when it failed and a button to read the file
again. The form refuses a file that cannot be read (wrong type, empty,
encrypted, damaged) before anything is saved.

Entries whose issuing body, jurisdiction, type or issue date nobody knows yet
(imported files rarely say) are marked in the listing, found with the "Needs
metadata" filter, counted on the dashboard and named at the top of the form.

Wagtail looks for hooks in apps only: `portal.wagtail_hooks` imports this module.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_filters import BooleanFilter
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList, Panel
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.library.extraction import ExtractionError, check_file
from portal.library.models import Extraction, PolicyDocument
from portal.library.models.documents import NEEDS_METADATA
from portal.library.tasks import extract_document_text
from portal.text import PlainTextFormMixin


class PolicyDocumentForm(PlainTextFormMixin, WagtailAdminModelForm):
    def clean_file(self):
        chosen = self.cleaned_data.get("file")
        # Only a newly chosen file is read: saving other changes should not re-read 50 MB.
        if chosen is not None and chosen.pk != self.instance.file_id:
            try:
                with chosen.file.open("rb") as handle:
                    check_file(handle.read(), chosen.filename)
            except ExtractionError as error:
                raise ValidationError(error.message, code="unreadable") from error
            except OSError as error:
                raise ValidationError(_("The file cannot be read from storage."), code="missing") from error
        return chosen


class ExtractionPanel(Panel):
    """How reading the file's text went, with the reason when it failed; not a form field."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/library/admin/extraction_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            document = self.instance
            context.update(
                {
                    "document": document,
                    "failed": document.extraction == Extraction.FAILED,
                    "pending": document.extraction == Extraction.PENDING,
                    "page_count": document.pages.count(),
                    "reextract_url": self.panel.reextract_url(document),
                    "can_reextract": bool(document.file_id)
                    and PolicyDocumentViewSet.permission_policy_for_user(self.request.user, "change"),
                }
            )
            return context

    def reextract_url(self, document):
        return reverse(PolicyDocument.snippet_viewset.get_url_name("reextract"), args=[document.pk])


class ExtractionColumn(Column):
    """A badge: green when the text is in, red with the reason (on hover) when it failed."""

    cell_template_name = "portal/library/admin/extraction_cell.html"


class MetadataPanel(Panel):
    """Which of the facts every entry should give are still unknown; not a form field."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/library/admin/metadata_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.instance.needs_metadata

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["missing"] = self.instance.missing_metadata()
            return context


class MetadataColumn(Column):
    """What is still unknown of the entry, or nothing when it is complete."""

    cell_template_name = "portal/library/admin/metadata_cell.html"


class PolicyDocumentFilterSet(WagtailFilterSet):
    needs_metadata = BooleanFilter(label=_("Needs metadata"), method="filter_needs_metadata", widget=BooleanRadioSelect)

    class Meta:
        model = PolicyDocument
        fields = ["needs_metadata", "document_type", "jurisdiction", "status", "extraction", "live"]

    def filter_needs_metadata(self, queryset, name, value):
        return queryset.filter(NEEDS_METADATA) if value else queryset.exclude(NEEDS_METADATA)


@require_POST
def reextract(request, pk):
    """Read the file again now, whatever is on record (staff fixed the file's storage, or the reader improved)."""
    document = get_object_or_404(PolicyDocument, pk=pk)
    if not PolicyDocumentViewSet.permission_policy_for_user(request.user, "change"):
        raise PermissionDenied
    extract_document_text.delay_on_commit(document.pk, force=True)
    messages.success(request, _("The file’s text is being extracted again; reload the page to see the outcome."))
    return redirect(PolicyDocument.snippet_viewset.get_url_name("edit"), document.pk)


class PolicyDocumentViewSet(SnippetViewSet):
    model = PolicyDocument
    icon = "doc-full-inverse"
    menu_label = _("Policy documents")
    list_display = [
        "title",
        "issuing_body",
        Column("document_type", label=_("Type"), accessor="get_document_type_display", sort_key="document_type"),
        Column("jurisdiction", label=_("Jurisdiction"), accessor="get_jurisdiction_display", sort_key="jurisdiction"),
        DateColumn("issued_on", label=_("Issued"), sort_key="issued_on"),
        Column("status", label=_("Legal status"), accessor="get_status_display", sort_key="status"),
        LiveStatusTagColumn(label=_("Publication")),
        ExtractionColumn("extraction", label=_("Text"), sort_key="extraction"),
        MetadataColumn("metadata", label=_("Metadata"), accessor="missing_metadata"),
    ]
    filterset_class = PolicyDocumentFilterSet
    list_per_page = 50
    search_fields = ["title", "title_en", "slug", "issuing_body", "issuing_body_zh"]
    search_backend_name = None  # plain database lookups: exact for Chinese titles too
    ordering = ["-issued_on", "title"]
    edit_handler = ObjectList(
        [MetadataPanel(), ExtractionPanel(), *PolicyDocument.panels], base_form_class=PolicyDocumentForm
    )

    @classmethod
    def permission_policy_for_user(cls, user, action: str) -> bool:
        return policy_registry.get_by_type(PolicyDocument).user_has_permission(user, action)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("reextract/<int:pk>/", reextract, name="reextract")]


class LibraryGroup(SnippetViewSetGroup):
    items = (PolicyDocumentViewSet,)
    menu_icon = "doc-full"
    menu_label = _("Library")
    menu_name = "library"
    menu_order = 160


register_snippet(LibraryGroup)


class MetadataToCompleteSummaryItem(SummaryItem):
    """On the dashboard: how many entries still lack their issuer, jurisdiction, type or date, linked to the list."""

    order = 350
    template_name = "portal/library/admin/metadata_summary.html"

    def is_shown(self):
        return PolicyDocumentViewSet.permission_policy_for_user(self.request.user, "change")

    def get_context_data(self, parent_context):
        list_url = reverse(PolicyDocument.snippet_viewset.get_url_name("list"))
        return {
            "count": PolicyDocument.objects.filter(NEEDS_METADATA).count(),
            "url": f"{list_url}?needs_metadata=true",
        }


@hooks.register("construct_homepage_summary_items")
def add_metadata_to_complete(request, summary_items):
    summary_items.append(MetadataToCompleteSummaryItem(request))

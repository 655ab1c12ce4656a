"""The EOD programme catalogue page: search, facets, list and table views, exports.

Its search lives in `initiatives.eod.catalogue`, its views in `initiatives.eod.views`; the page model only
holds what editors write about the catalogue.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class EodCatalogPage(RoutablePageMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["initiatives.EodProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("EOD programme catalogue")
        verbose_name_plural = _("EOD programme catalogues")

    @path("")
    def index_route(self, request):
        # Imported here: the view module imports this model.
        from initiatives.eod.views import serve_catalogue

        return serve_catalogue(self, request)

    # Wagtail page paths allow no dots: "export/csv/" rather than "export.csv".
    @path("export/<str:extension>/", name="export")
    def export_route(self, request, extension: str):
        # Imported here: the view module imports this model.
        from initiatives.eod.views import export

        if extension not in ("csv", "xlsx"):
            raise Http404
        return export(self, request, extension)

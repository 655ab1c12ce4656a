"""The methodology page and the sector (peers) page of the pledge tracker."""

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from members.cache_tags import sector_tag
from members.models import Pathway, PathwayKind, Sector
from members.tracker import queries, trajectory
from members.tracker.pathways import alignment, views_data
from portal import page_cache
from portal.i18n import is_chinese


@require_safe
def methodology(request: HttpRequest) -> HttpResponse:
    # Pathways are staff data no app maps to tags: their changes retire everything, this page with them.
    page_cache.depends_on(request)
    pathways = Pathway.objects.filter(active=True).prefetch_related("points").order_by("ambition", "code")
    context = {
        "version": alignment.METHODOLOGY_VERSION,
        "milestone_years": alignment.MILESTONE_YEARS,
        "rules": alignment.RULE_TEXT,
        "disclosure_rule": alignment.DISCLOSURE_TEXT,
        "disclosure_labels": alignment.Disclosure.choices,
        "trajectory_rules": trajectory.RULE_TEXT,
        "pathways": [p for p in pathways if p.kind != PathwayKind.SECTOR_INTENSITY],
        "sector_pathways": [p for p in pathways if p.kind == PathwayKind.SECTOR_INTENSITY],
        "sectors_without": [
            label
            for code, label in Sector.choices
            if not any(p.sector == code and p.kind == PathwayKind.SECTOR_INTENSITY for p in pathways)
        ],
        "chinese": is_chinese(),
    }
    return TemplateResponse(request, "members/tracker/methodology.html", context)


@require_safe
def sector(request: HttpRequest, sector: str) -> HttpResponse:
    if sector not in Sector.values:
        raise Http404("No such sector.")
    page_cache.depends_on(request, sector_tag(sector))
    peers = views_data.peers(sector, timezone.localdate().year)
    context = {
        "sector": sector,
        "sector_label": Sector(sector).label,
        "sectors": Sector.choices,
        "peers": peers,
        "methodology_url": reverse("tracker:methodology"),
        "list_url": reverse("tracker:index") + "?" + queries.Filters(sector=sector).query_string(),
        "chinese": is_chinese(),
    }
    return TemplateResponse(request, "members/tracker/sector.html", context)

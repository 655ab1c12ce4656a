"""The public pledge tracker: the list, a company's page and the downloads.

Thin views: the queries and rules live in `queries`, `trajectory`, `charts` and
`exports`, beside this module.
"""

import datetime
import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from members.cache_tags import TRACKER, company_tag, sector_tag
from members.models import NEUTRALITY_TYPES, PledgeType, provenance
from members.tracker import charts, exports, queries, trajectory
from members.tracker.pathways import assessments, snapshots, views_data
from portal import page_cache
from portal.i18n import is_chinese
from portal.pagination import paginate


def _structured_data(request: HttpRequest, company) -> str:
    """schema.org Organization data for search engines, as a JSON-LD script element."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": company.name_en,
        "url": request.build_absolute_uri(reverse("tracker:company", args=[company.slug])),
    }
    if company.name_zh:
        data["alternateName"] = company.name_zh
    if company.website:
        data["sameAs"] = [company.website]
    if company.profile:
        data["description"] = company.profile
    # Escaped as json_script does, so no value can close the script element.
    content = json.dumps(data, ensure_ascii=False).translate(
        {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(content))  # noqa: S308 - escaped above


def _alternates(request: HttpRequest, name: str, *args) -> dict:
    """The canonical address of a tracker page and the same page in each language (hreflang)."""
    languages = []
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            languages.append({"code": code, "url": request.build_absolute_uri(reverse(name, args=args))})
    return {"canonical": request.build_absolute_uri(reverse(name, args=args)), "languages": languages}


def _page_number(request: HttpRequest) -> str | None:
    """The requested page when it is a plain positive number (kept in links back to the list)."""
    value = request.GET.get("page", "")
    # ASCII digits only: "²" passes isdigit() and breaks int(), and so do 5,000 digits.
    if len(value) > 6 or not (value.isascii() and value.isdigit()):
        return None
    return value if int(value) > 1 else None


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    page_cache.depends_on(request, TRACKER)
    filters, ignored = queries.parse(request.GET)
    listed = queries.companies(filters)
    page, page_problem = paginate(
        queries.for_listing(listed, filters), request.GET.get("page"), per_page=queries.PER_PAGE
    )
    if page_problem:
        ignored.append(page_problem)
    page_query = filters.query_string(page=page.number if page.number > 1 else None)
    context = {
        "filters": filters,
        "form": queries.TrackerFilterForm(initial=filters.initial()),
        "ignored": ignored,
        "page_obj": page,
        "rows": queries.rows(page.object_list),
        "headline": queries.headline(filters, company_count=page.paginator.count),
        "filter_query": filters.query_string(),
        "page_query": page_query,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "peak_deadline": queries.PEAK_DEADLINE,
        "neutrality_labels": [PledgeType(code).label for code in NEUTRALITY_TYPES],
        "page_suffix": f"?{page_query}" if page_query else "",
        "chinese": is_chinese(),
        "alternates": _alternates(request, "tracker:index"),
    }
    return TemplateResponse(request, "members/tracker/index.html", context)


@require_safe
def company(request: HttpRequest, slug: str) -> HttpResponse:
    return _company_page(request, slug)


@require_safe
def company_as_of(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    """The company page as it stood at the end of `day` (YYYY-MM-DD), for citing."""
    try:
        as_of = datetime.date.fromisoformat(day)
    except ValueError:
        raise Http404(_("Give the date as YYYY-MM-DD.")) from None
    if as_of > timezone.localdate():
        raise Http404(_("A snapshot cannot be dated in the future."))
    return _company_page(request, slug, as_of)


def _company_page(request: HttpRequest, slug: str, as_of: datetime.date | None = None) -> HttpResponse:
    page_cache.depends_on(request, company_tag(slug))
    data = queries.company_page(slug, as_of)
    # Its place among its sector's peers changes with theirs.
    page_cache.depends_on(request, sector_tag(data.company.sector))
    filters, _ignored = queries.parse(request.GET)
    back_query = filters.query_string(page=_page_number(request))
    progress = data.progress
    today = timezone.localdate()
    benchmarks = assessments.benchmarks()
    recorded = snapshots.assessment_on(data.company.pk, as_of) if as_of else assessments.latest(data.company.pk)
    aligned = views_data.alignment_view(
        data.company.public_pledges, data.company.public_reports, benchmarks, (as_of or today).year, recorded
    )
    shown = _shown_pathways(request, benchmarks)
    last_year = max(2050, progress.line.target_year if progress.line else 2050)
    earlier = _earlier_targets(data, as_of)
    chart = charts.trajectory_chart(
        progress.reported,
        progress.line,
        data.milestones,
        title=_chart_title(data),
        description=_chart_description(data),
        id_prefix="trajectory-chart",
        pathways=views_data.chart_series(aligned, benchmarks, shown, last_year),
        earlier=earlier,
        marked=views_data.marked_years(data.company.public_reports),
    )
    for report in data.reports:
        report.basis_1_2 = provenance.scope_1_2_basis(report)
    context = {
        "company": data.company,
        "data": data,
        "progress": progress,
        "chart": chart,
        "alignment": aligned,
        "pathway_switches": [
            {"code": b.code, "label": b.label, "swatch": charts.pathway_swatch(i), "shown": b.code in shown}
            for i, b in enumerate(benchmarks)
        ],
        "earlier_targets": earlier,
        "provenance": views_data.report_provenance(data.reports),
        "position": views_data.position(data.company.sector, data.company.pk, today.year) if as_of is None else None,
        "peers_url": reverse("tracker:sector", args=[data.company.sector]),
        "as_of": as_of,
        "today": today,
        "cite_url": request.build_absolute_uri(
            reverse("tracker:company_as_of", args=[data.company.slug, (as_of or today).isoformat()])
        ),
        "methodology_url": reverse("tracker:methodology"),
        "back_url": reverse("tracker:index") + (f"?{back_query}" if back_query else ""),
        "sector_url": reverse("tracker:index") + "?" + queries.Filters(sector=data.company.sector).query_string(),
        "rule": trajectory.RULE_TEXT,
        "chinese": is_chinese(),
        "alternates": _alternates(request, "tracker:company", data.company.slug),
        "structured_data": _structured_data(request, data.company),
    }
    response = TemplateResponse(request, "members/tracker/company.html", context)
    if as_of is not None:
        response.headers["X-Robots-Tag"] = "noindex"
    return response


def _earlier_targets(data: queries.CompanyPage, as_of: datetime.date | None) -> list:
    """Targets as first published: reading them rebuilds old revisions, so the live page keeps them until the
    company's data changes (a dated snapshot works them out from its own rows)."""

    def build() -> list:
        return views_data.earlier_targets(data.changes, data.company.public_pledges)

    if as_of is not None:
        return build()
    return page_cache.kept_per_tags(f"tracker:earlier:{data.company.pk}", [company_tag(data.company.slug)], build)


def _shown_pathways(request: HttpRequest, benchmarks) -> set[str]:
    """Pathways the visitor left switched on: all of them until the switch form is sent."""
    codes = {b.code for b in benchmarks}
    if request.GET.get("chart") != "1":
        return codes
    return codes & set(request.GET.getlist("pathway"))


def _chart_title(data: queries.CompanyPage) -> str:
    pledge = data.progress.pledge
    if pledge is None:
        return _("Reported Scope 1+2 emissions of %(company)s by year") % {"company": data.company.name}
    return _(
        "Reported Scope 1+2 emissions of %(company)s against the trajectory of its %(type)s target for %(year)s"
    ) % {
        "company": data.company.name,
        "type": pledge.get_pledge_type_display().lower(),
        "year": pledge.target_year,
    }


def _chart_description(data: queries.CompanyPage) -> str:
    progress = data.progress
    sentences = []
    if progress.reported:
        years = sorted(progress.reported)
        first, last = years[0], years[-1]
        sentences.append(
            _("Reported emissions went from %(first_value)s tCO2e in %(first)s to %(last_value)s tCO2e in %(last)s.")
            % {
                "first": first,
                "last": last,
                "first_value": charts.tonnes(progress.reported[first]),
                "last_value": charts.tonnes(progress.reported[last]),
            }
        )
    line = progress.line
    if line is not None:
        sentences.append(
            _(
                "The trajectory runs in a straight line from %(baseline)s tCO2e in %(baseline_year)s to %(target)s tCO2e in %(target_year)s."
            )
            % {
                "baseline": charts.tonnes(line.baseline_value),
                "baseline_year": line.baseline_year,
                "target": charts.tonnes(line.target_value),
                "target_year": line.target_year,
            }
        )
    assessment = progress.assessment
    if assessment.expected is not None:
        sentences.append(
            _("In %(year)s the trajectory value was %(expected)s tCO2e: %(label)s.")
            % {
                "year": assessment.year,
                "expected": charts.tonnes(assessment.expected),
                "label": assessment.label.lower(),
            }
        )
    return " ".join(sentences)


@require_safe
def export(request: HttpRequest, extension: str) -> HttpResponse:
    filters, _ignored = queries.parse(request.GET)
    if extension == "csv":
        return exports.as_csv(filters)
    if extension == "xlsx":
        return exports.as_xlsx(filters)
    query = filters.query_string()
    source = request.build_absolute_uri(reverse("tracker:index") + (f"?{query}" if query else ""))
    return exports.as_json(filters, source)

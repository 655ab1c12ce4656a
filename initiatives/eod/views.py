"""The catalogue page's routes: the list or table of programmes, and the financiers' exports."""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from initiatives.eod import catalogue
from initiatives.eod.access import can_see_restricted
from initiatives.eod.exports import programme_rows, xlsx_or_csv
from initiatives.eod.matching import mandate_for_user
from portal import page_cache
from search import presenters
from search.cache_tags import SEARCH
from search.forms import page_number

MAX_EXPORT_ROWS = 1000


def _view(params: QueryDict) -> str:
    view = params.get("view", "list")
    return view if view in catalogue.VIEWS else "list"


def _view_links(params: QueryDict) -> dict[str, str]:
    links = {}
    for view in catalogue.VIEWS:
        query = params.copy()
        query.pop("page", None)
        if view == "list":
            query.pop("view", None)
        else:
            query["view"] = view
        links[view] = query.urlencode()
    return links


def serve_catalogue(page, request: HttpRequest) -> TemplateResponse:
    # Programmes are pages (a publish retires everything); the catalogue searches them through the index.
    page_cache.depends_on(request, SEARCH)
    params = request.GET
    form, view = catalogue.parse(params), _view(params)
    language = page.locale.language_code
    mandate = mandate_for_user(request.user)
    if mandate and form.by_match:
        results, rows = catalogue.ranked_by_match(form, language, mandate, page_number(params), view)
    else:
        results = catalogue.search(form, language, page_number(params), view)
        rows = catalogue.rows(results, mandate)
    sort_choices = [*catalogue.SORT_CHOICES, catalogue.MATCH_SORT] if mandate else catalogue.SORT_CHOICES
    show_restricted = can_see_restricted(request.user)
    export_query = form.canonical().urlencode()
    context = {
        "page": page,
        "self": page,
        "form": form,
        "problems": form.problems(),
        "results": results,
        "rows": rows,
        "mandate_set": mandate is not None,
        "view": view,
        "view_links": _view_links(params),
        "query_text": form.cleaned_data.get("q", ""),
        "facet_groups": presenters.facet_groups(
            results,
            params,
            titles=catalogue.FACET_TITLES,
            labels=catalogue.facet_choices(),
            ordered=catalogue.ORDERED_FACETS,
        ),
        "page_links": presenters.page_links(results, params) if results.page_count > 1 else [],
        "sort_links": presenters.sort_links(params, tuple(key for key, _label in sort_choices)),
        "sort_choices": sort_choices,
        "clear_filters": presenters.without_filters(params, keep=("q", "sort", "view")),
        "suggestion_query": presenters.with_query(params, results.suggestion) if results.suggestion else "",
        "as_typed_query": presenters.as_typed(params),
        "show_restricted": show_restricted,
        # The financier area's template tags say whether the visitor may save this search, or has.
        "saved_search_query": export_query,
        "saved_search_name": "; ".join(catalogue.describe(params)),
        "export_query": export_query,
        "noindex": bool(params),
    }
    response = TemplateResponse(request, "initiatives/eod/catalogue_page.html", context)
    return personal(request, response)


def personal(request: HttpRequest, response: HttpResponse, **cache_control) -> HttpResponse:
    """What a signed-in visitor sees may be theirs alone (export links, saved searches): no shared cache keeps it."""
    patch_vary_headers(response, ["Cookie"])
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, **cache_control)
    return response


def export(page, request: HttpRequest, extension: str) -> HttpResponse:
    """Every programme of the current result set, with the financier-only columns: financiers and staff only."""
    if not can_see_restricted(request.user):
        context = {"page": page, "self": page, "catalogue_url": page.url}
        return TemplateResponse(request, "initiatives/eod/export_refused.html", context, status=403)
    ids = catalogue.matching_programme_ids(request.GET, page.locale.language_code)[:MAX_EXPORT_ROWS]
    # A financier's export says how each programme fits their mandate, ordered by it when they sort so.
    mandate = mandate_for_user(request.user)
    filename = f"eod-programmes-{timezone.localdate():%Y-%m-%d}.{extension}"
    rows = programme_rows(ids, request, mandate, by_match=catalogue.parse(request.GET).by_match)
    response = xlsx_or_csv(extension, rows, _("EOD programmes"), filename, with_match=mandate is not None)
    return personal(request, response, no_store=True)

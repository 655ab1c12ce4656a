from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.formats import number_format

from portal import page_cache
from search import exports, feeds, presenters
from search.cache_tags import SEARCH
from search.forms import search_request
from search.semantic.encoder import encoder_status
from search.service import SearchService


def search(request: HttpRequest) -> HttpResponse:
    page_cache.depends_on(request, SEARCH)
    # Downloads and the feed are the same search in another format (`?format=`); anything else is the page.
    wanted = request.GET.get("format", "")
    if wanted in exports.FORMATS:
        return exports.download(request, wanted)
    if wanted == "atom":
        return feeds.SearchFeed()(request)

    results = SearchService().search(search_request(request.GET))
    params = request.GET
    context = {
        "results": results,
        "query_text": results.query.text or results.request.text[:200],
        "hits": presenters.hit_views(results),
        "facet_groups": presenters.facet_groups(results, params),
        "page_links": presenters.page_links(results, params) if results.page_count > 1 else [],
        "sort_links": presenters.sort_links(params),
        "clear_filters": presenters.without_filters(params),
        "suggestion_query": presenters.with_query(params, results.suggestion) if results.suggestion else "",
        "as_typed_query": presenters.as_typed(params),
        "semantic_reason": encoder_status() if results.semantic == "unavailable" else "",
        "export_queries": {extension: exports.query_for(params, extension) for extension in exports.FORMATS},
        "export_cap": exports.EXPORT_LIMIT,
        "export_limit": number_format(exports.EXPORT_LIMIT, force_grouping=True),
        "feed_href": f"{request.path}?{feeds.query_for(params)}",
    }
    return TemplateResponse(request, "search/search.html", context)

from django.http import HttpRequest
from django.template.response import TemplateResponse

from search import presenters
from search.forms import search_request
from search.service import SearchService


def search(request: HttpRequest) -> TemplateResponse:
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
    }
    return TemplateResponse(request, "search/search.html", context)

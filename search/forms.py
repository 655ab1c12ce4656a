"""Reading a search request from the address bar: anything odd is dropped, never an error."""

import unicodedata

from django.http import QueryDict
from django.utils import translation

from search.query_text import MAX_QUERY_LENGTH
from search.results import FACETS, SORTS, SearchRequest

MAX_VALUES_PER_FILTER = 20
MAX_VALUE_LENGTH = 200


def clean_text(value: str, length: int = MAX_VALUE_LENGTH) -> str:
    # Control characters (NUL above all) are refused by PostgreSQL and mean nothing here.
    value = "".join(ch for ch in value[: length * 2] if unicodedata.category(ch)[0] != "C")
    return value.strip()[:length]


def _int(value: str, default: int = 1) -> int:
    value = value.strip()[:6]
    return int(value) if value.isdecimal() and value.isascii() else default


def page_number(params: QueryDict) -> int:
    return _int(params.get("page", ""))


def search_request(params: QueryDict) -> SearchRequest:
    filters = {}
    for name in FACETS:
        values = [clean_text(value) for value in params.getlist(name)[:MAX_VALUES_PER_FILTER]]
        if name == "year":
            values = [value for value in values if value.isdecimal() and value.isascii() and len(value) == 4]
        values = list(dict.fromkeys(value for value in values if value))
        if values:
            filters[name] = values
    sort = params.get("sort", "")
    return SearchRequest(
        text=clean_text(params.get("q", ""), MAX_QUERY_LENGTH * 50),
        filters=filters,
        sort=sort if sort in SORTS else SORTS[0],
        page=page_number(params),
        exact=switched_on(params, "exact"),
        as_typed=switched_on(params, "as_typed"),
        language=translation.get_language() or "",
    )


def switched_on(params: QueryDict, name: str) -> bool:
    return params.get(name, "") in ("1", "on", "true")

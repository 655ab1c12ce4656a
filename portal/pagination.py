"""Paging a public listing from the `page` parameter of its address, forgiving what people type or keep in links."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.translation import gettext as _


def paginate(queryset: QuerySet, number: str | None, *, per_page: int) -> tuple[Page, str | None]:
    """The requested page, or the nearest one that exists with a message saying why."""
    paginator = Paginator(queryset, per_page)
    if number in (None, ""):
        return paginator.page(1), None
    try:
        wanted = int(number)
    except ValueError:
        return paginator.page(1), _("Page: “%(page)s” is not a page number, so the first page is shown.") % {
            "page": number[:20]
        }
    if wanted < 1:
        return paginator.page(1), _("Page: there is no page %(page)s, so the first page is shown.") % {"page": wanted}
    if wanted > paginator.num_pages:
        return paginator.page(paginator.num_pages), _("Page: there is no page %(page)s, so the last page is shown.") % {
            "page": wanted
        }
    return paginator.page(wanted), None

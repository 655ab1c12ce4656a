"""Events in site search: an event page's record.

Registered with the search app by `register()`, from the initiatives app's `ready()`.
"""

from django.utils import timezone

from initiatives.events.models import EventPage
from search.records import Record, html_text, in_both_languages, live_pages, page_record, topic_fields
from search.registry import Source, register_source


def event_record(page: EventPage) -> Record:
    body = "\n".join(filter(None, [html_text(page.description), html_text(page.summary), page.venue_name, page.city]))
    return page_record(
        page,
        summary=page.introduction,
        body=body,
        date=timezone.localdate(page.start),
        labels=in_both_languages(page.get_kind_display()),
        **topic_fields(page),
    )


def register() -> None:
    register_source(Source("initiatives.eventpage", live_pages(EventPage, "topics"), event_record))

"""Events: the events listing (`/events/`) as data, with its filters, time frames and order."""

import datetime
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from api.common import (
    ERRORS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    SLUG,
    Language,
    PageInfo,
    TopicOut,
    absolute,
    index_page,
    language,
    paginate,
    refuse,
    topics,
    web_query,
)
from initiatives.events import listing
from initiatives.models import Attendance, EventIndexPage, EventKind, EventPage

router = Router(tags=["Events"])


class EventOut(Schema):
    id: int
    title: str
    url: str
    kind: str
    kind_label: str
    introduction: str
    start: datetime.datetime
    end: datetime.datetime
    time_zone: str = Field(description="The zone of the venue, in which editors gave the times.")
    cancelled: bool
    attendance: str
    venue_name: str
    venue_address: str
    city: str
    online_url: str
    language: str
    topics: list[TopicOut]
    registration_status: str
    registration_url: str = Field(description="Where to register, when registration is open.")


class EventListPage(PageInfo):
    when: str
    results: list[EventOut]


def event_data(request: HttpRequest, event: EventPage, now: datetime.datetime) -> dict:
    url = event.get_url(request)
    status = event.registration_status(now)
    return {
        "id": event.pk,
        "title": event.title,
        "url": absolute(request, url),
        "kind": event.kind,
        "kind_label": str(EventKind(event.kind).label) if event.kind in EventKind.values else event.kind,
        "introduction": event.introduction,
        "start": event.start,
        "end": event.end,
        "time_zone": event.time_zone,
        "cancelled": event.cancelled,
        "attendance": event.attendance,
        "venue_name": event.venue_name,
        "venue_address": event.venue_address,
        "city": event.city,
        "online_url": event.online_url,
        "language": event.language,
        "topics": topics(event),
        "registration_status": status.value,
        "registration_url": absolute(request, url + "#register") if url and status == status.OPEN else "",
    }


@router.get("/events", response={200: EventListPage, **ERRORS}, summary="Events, upcoming or past")
def list_events(
    request: HttpRequest,
    when: Literal["upcoming", "past"] | None = None,
    kind: EventKind | None = None,
    city: str | None = Query(None, max_length=80, description="A city that has events, as listed on the page."),
    month: str | None = Query(None, pattern=r"^\d{4}-\d{2}$", description="YYYY-MM, in the site's time zone."),
    topic: str | None = Query(None, max_length=80, pattern=SLUG, description="A topic's slug."),
    attendance: Attendance | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(listing.PER_PAGE, ge=1, le=MAX_PAGE_SIZE),
    lang: Language | None = None,
):
    """The events listing's list view: upcoming events (not yet ended) soonest first, or past ones most recent first.

    Filters are the page's: each narrows the events on its own, and a value the
    page would ignore (an unknown city or topic, a month outside 2000–2100) is a 422.
    """
    with language(lang):
        index = index_page(EventIndexPage)
        if index is None:
            return {"count": 0, "page": page, "page_size": page_size, "pages": 0, "when": "upcoming", "results": []}
        now = timezone.now()
        query = listing.read_query(index, web_query(request, ("when", *listing.FILTER_NAMES)), now=now)
        refuse(query.problems)
        events = listing.in_time_frame(query.filterset.filtered(), query.when, now).prefetch_related("topics")
        items, info = paginate(events, page, page_size)
        return {**info.model_dump(), "when": query.when, "results": [event_data(request, e, now) for e in items]}

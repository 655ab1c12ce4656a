"""Template tags for event pages and the events listing.

Load with ``{% load event_tags %}``.
"""

import datetime
from urllib.parse import urlencode

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from initiatives.events import jsonld, times
from initiatives.events.ical import description, location
from initiatives.events.models import Attendance, EventPage
from portal.i18n import join_list, pick
from portal.jsonld import script

register = template.Library()


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@register.filter
def event_when(event: EventPage) -> str:
    """ "Tuesday 1 December 2026, 14:00–16:30", on the event's own clock."""
    return times.describe_when(event)


@register.filter
def event_zone(event: EventPage) -> str:
    """ "London (UTC+01:00)": the zone the times are given in."""
    return times.zone_label(event)


@register.filter
def attendance_label(event: EventPage) -> str:
    return str(Attendance(event.attendance).label)


@register.simple_tag
def event_time(event: EventPage) -> SafeString:
    """The event's times in its own zone, in a <time> element that events.js completes with the reader's time."""
    return format_html(
        '<time class="js-local-time" datetime="{start}" data-end="{end}" data-zone="{zone}"'
        ' data-label="{label}">{when}</time>',
        start=_utc(event.start),
        end=_utc(event.end),
        zone=event.zone.key,
        label=_("Your time"),
        when=times.describe_when(event),
    )


@register.filter
def calendar_day(day: datetime.date) -> str:
    """ "Tuesday 1 December" or "12月1日 星期二", for a day of the month calendar."""
    return date_format(day, pick("l j F", "n月j日 l"))


@register.filter
def names(speakers) -> str:
    """Speakers' names as the reader's language lists them."""
    return join_list(speaker.display_name for speaker in speakers)


@register.simple_tag
def utc_iso(moment: datetime.datetime) -> str:
    return _utc(moment)


@register.simple_tag(takes_context=True)
def event_jsonld(context: template.Context) -> SafeString:
    """schema.org Event data for the page being shown, as a JSON-LD script element."""
    page = context["page"]
    data = jsonld.event_data(
        page,
        context.get("request"),
        event=context.get("event") or page.source,
        registration_status=context.get("registration_status"),
        seats_left=context.get("seats_left"),
    )
    return script(data)


@register.simple_tag(takes_context=True)
def google_calendar_url(context: template.Context, page: EventPage, event: EventPage | None = None) -> str:
    """A link that opens Google Calendar's "new event" form filled in (no script, nothing loaded from Google)."""
    event = event or page.source
    request = context.get("request")
    url = page.get_full_url(request) or ""
    params = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": f"{_utc(event.start).replace('-', '').replace(':', '')}/{_utc(event.end).replace('-', '').replace(':', '')}",
        "ctz": event.zone.key,
        "details": description(page, event, url),
        "location": location(page, event),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(params)

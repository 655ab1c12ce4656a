"""Event times in words, in the event's own zone and the reader's language."""

import datetime

from django.utils.formats import date_format

from initiatives.events.models.pages import TIME_ZONES
from portal.i18n import pick

ZONE_LABELS = dict(TIME_ZONES)


def utc_offset(moment: datetime.datetime) -> str:
    """ "UTC+08:00", "UTC−05:00", or "UTC" for zero."""
    offset = moment.utcoffset() or datetime.timedelta(0)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes > 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def bracketed(text: str) -> str:
    """ " (text)" in English, "（text）" in Chinese, whose full-width brackets take no space."""
    return pick(f" ({text})", f"（{text}）")


def zone_with_offset(zone: str, moment: datetime.datetime) -> str:
    """A zone's label with the offset in force at `moment`: "London (UTC+01:00)"."""
    label = str(ZONE_LABELS.get(zone, zone))
    offset = utc_offset(moment)
    return label + bracketed(offset) if offset != "UTC" or zone != "UTC" else label


def zone_label(event) -> str:
    """The event's zone with the offset in force at its start."""
    return zone_with_offset(event.time_zone, event.local_start)


def day(moment: datetime.datetime) -> str:
    """ "Tuesday 1 December 2026" or "2026年12月1日 星期二"."""
    return date_format(moment, pick("l j F Y", "Y年n月j日 l"))


def clock(moment: datetime.datetime) -> str:
    return date_format(moment, "H:i")


def describe_when(event) -> str:
    """ "Tuesday 1 December 2026, 14:00–16:30" on one day; both days when it spans several."""
    start, end = event.local_start, event.local_end
    comma = pick(", ", " ")
    if start.date() == end.date():
        return f"{day(start)}{comma}{clock(start)}–{clock(end)}"
    return f"{day(start)}{comma}{clock(start)} – {day(end)}{comma}{clock(end)}"


def describe_moment(event, moment: datetime.datetime | None) -> str:
    """Another instant of the event (say, when registration closes) on the event's clock, with its zone."""
    if moment is None:
        return ""
    local = moment.astimezone(event.zone)
    return f"{day(local)}{pick(', ', ' ')}{clock(local)}{bracketed(zone_label(event))}"

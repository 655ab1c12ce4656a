"""Event times in words, in the event's own zone and the reader's language."""

import datetime

from django.utils.formats import date_format

from initiatives.models.events import TIME_ZONES
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


def zone_label(event) -> str:
    """The zone as editors chose it, with the offset in force at the start: "London (UTC+01:00)"."""
    label = ZONE_LABELS.get(event.time_zone, event.time_zone)
    offset = utc_offset(event.local_start)
    return f"{label} ({offset})" if offset != "UTC" or event.time_zone != "UTC" else str(label)


def day(moment: datetime.datetime) -> str:
    """ "Tuesday 1 December 2026" or "2026年12月1日 星期二"."""
    return date_format(moment, pick("l j F Y", "Y年n月j日 l"))


def clock(moment: datetime.datetime) -> str:
    return date_format(moment, "H:i")


def describe_when(event) -> str:
    """ "Tuesday 1 December 2026, 14:00–16:30" on one day; both days when it spans several."""
    start, end = event.local_start, event.local_end
    if start.date() == end.date():
        return f"{day(start)}, {clock(start)}–{clock(end)}"
    return f"{day(start)}, {clock(start)} – {day(end)}, {clock(end)}"


def describe_moment(event, moment: datetime.datetime | None) -> str:
    """Another instant of the event (say, when registration closes) on the event's clock, with its zone."""
    if moment is None:
        return ""
    local = moment.astimezone(event.zone)
    return f"{day(local)}, {clock(local)} ({zone_label(event)})"

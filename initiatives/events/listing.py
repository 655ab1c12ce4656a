"""The events listing: upcoming events, the past archive and a month calendar, with filters.

All state lives in the query string, so every view of the listing can be
shared, bookmarked and subscribed to (the iCal feed reads the same filters):

- ``when``: ``upcoming`` (default: not yet ended, soonest first) or ``past``
  (ended, most recent first);
- ``view``: ``list`` (default, 12 per page) or ``calendar`` (a Monday-first
  month grid of ``month``, the current month by default);
- filters: ``kind``, ``city``, ``month`` (``YYYY-MM``), ``topic`` (a topic's
  slug) and ``attendance`` (``in-person``, ``online``, ``hybrid``).

A value that cannot be used is ignored with a message; the rest still
applies. Months and days are those of the site's time zone
(``settings.TIME_ZONE``): an event at 00:30 on 1 December in Shanghai belongs
to December even though it starts on 30 November in UTC.
"""

from __future__ import annotations

import calendar
import datetime
import re
import zoneinfo
from dataclasses import dataclass, field
from urllib.parse import urlencode

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model

from initiatives.events.cache_tags import LISTING_TAG, remember_bands
from initiatives.events.models import Attendance, EventIndexPage, EventKind, EventPage, Registration
from initiatives.events.times import zone_with_offset
from portal import page_cache
from portal.models import Topic
from portal.pagination import paginate

PER_PAGE = 12
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
FILTER_NAMES = ("kind", "city", "month", "topic", "attendance")


class When:
    """The ``when`` parameter of a list."""

    UPCOMING = "upcoming"
    PAST = "past"


class View:
    """The ``view`` parameter: a paginated list or a month calendar."""

    LIST = "list"
    CALENDAR = "calendar"


ATTENDANCE_CONDITIONS = {
    Attendance.IN_PERSON: ~Q(venue_name="") & Q(online_url=""),
    Attendance.ONLINE: Q(venue_name="") & ~Q(online_url=""),
    Attendance.HYBRID: ~Q(venue_name="") & ~Q(online_url=""),
}


# --- Time helpers -------------------------------------------------------------


def site_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def this_month(now: datetime.datetime | None = None) -> datetime.date:
    """The first day of the current month in the site's time zone."""
    return (now or timezone.now()).astimezone(site_zone()).date().replace(day=1)


def add_months(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def day_bounds(first: datetime.date, last: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """From midnight starting ``first`` to midnight ending ``last``, in the site's time zone."""
    zone = site_zone()
    start = datetime.datetime.combine(first, datetime.time(), tzinfo=zone)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(), tzinfo=zone)
    return start, end


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    return day_bounds(month, add_months(month, 1) - datetime.timedelta(days=1))


def running_between(queryset: QuerySet, start: datetime.datetime, end: datetime.datetime) -> QuerySet:
    """Events that run at some moment in [start, end)."""
    return queryset.filter(start__lt=end, end__gt=start)


def days_running(event: EventPage) -> tuple[datetime.date, datetime.date]:
    """The first and last day (site time zone) on which an event runs; an end at midnight is not a day."""
    zone = site_zone()
    first = event.start.astimezone(zone).date()
    last = (event.end - datetime.timedelta(microseconds=1)).astimezone(zone).date()
    return first, max(first, last)


def month_label(month: datetime.date) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT")


def month_value(month: datetime.date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def months_spanned(pairs) -> set[datetime.date]:
    """The months (site time zone) in which events given as (start, end) pairs run."""
    zone = site_zone()
    months = set()
    for start, end in pairs:
        month = start.astimezone(zone).date().replace(day=1)
        last = (end - datetime.timedelta(microseconds=1)).astimezone(zone).date().replace(day=1)
        while month <= last and len(months) < 600:
            months.add(month)
            month = add_months(month, 1)
    return months


# --- Filters ----------------------------------------------------------------------


class MonthField(forms.Field):
    """A month as ``YYYY-MM``, shown as a select of the months that have events."""

    widget = forms.Select
    default_error_messages = {
        "invalid": gettext_lazy("“%(value)s” is not a month; months are written YYYY-MM, for example 2026-12."),
    }

    def __init__(self, *, choices=(), **kwargs):
        kwargs.pop("empty_label", None)
        super().__init__(**kwargs)
        self.widget.choices = list(choices)

    def to_python(self, value) -> datetime.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value.replace(day=1)
        match = MONTH_PATTERN.match(str(value).strip())
        if match:
            year, month = int(match[1]), int(match[2])
            if FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12:
                return datetime.date(year, month, 1)
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid", params={"value": str(value)[:40]})

    def prepare_value(self, value):
        return month_value(value) if isinstance(value, datetime.date) else value


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        return running_between(qs, *month_bounds(value))


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # in the visitor's language


class TopicFilter(django_filters.ModelChoiceFilter):
    field_class = TopicChoiceField


INVALID_CHOICE = {"invalid_choice": gettext_lazy("“%(value)s” is not one of the choices.")}


class EventFilterSet(django_filters.FilterSet):
    """Kind, city, month, topic and attendance; each narrows the events on its own."""

    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"),
        choices=EventKind.choices,
        empty_label=gettext_lazy("All kinds"),
        error_messages=INVALID_CHOICE,
    )
    city = django_filters.ChoiceFilter(
        label=gettext_lazy("City"), choices=[], empty_label=gettext_lazy("All cities"), error_messages=INVALID_CHOICE
    )
    month = MonthFilter(label=gettext_lazy("Month"))
    topic = TopicFilter(
        label=gettext_lazy("Topic"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.none(),
        empty_label=gettext_lazy("All topics"),
        error_messages={"invalid_choice": gettext_lazy("“%(value)s” is not a topic of these events.")},
    )
    attendance = django_filters.ChoiceFilter(
        label=gettext_lazy("Attendance"),
        choices=Attendance.choices,
        method="filter_attendance",
        error_messages=INVALID_CHOICE,
        empty_label=gettext_lazy("Any"),
    )

    class Meta:
        model = EventPage
        fields = list(FILTER_NAMES)

    def __init__(self, data=None, queryset=None, *, months=(), **kwargs):
        super().__init__(data, queryset, **kwargs)
        events = self.queryset
        cities = events.exclude(city="").order_by("city").values_list("city", flat=True).distinct()
        self.filters["city"].extra["choices"] = [(city, city) for city in cities]
        self.filters["topic"].queryset = Topic.objects.filter(events__in=events.values("pk")).distinct()
        choices = [("", _("Any month"))] + [(month_value(month), month_label(month)) for month in months]
        self.filters["month"].extra["choices"] = choices

    def filter_attendance(self, queryset, name, value):
        return queryset.filter(ATTENDANCE_CONDITIONS[value]) if value else queryset

    def filtered(self, queryset: QuerySet | None = None, *, leave_out: tuple[str, ...] = ()) -> QuerySet:
        """``queryset`` (by default all events) narrowed by the valid filters, except those left out."""
        self.errors  # noqa: B018 - validates the form
        queryset = self.queryset.all() if queryset is None else queryset
        for name, value in self.form.cleaned_data.items():
            if name not in leave_out:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def problems(self) -> list[str]:
        """One message per filter value that could not be used."""
        return [
            f"{self.form.fields[name].label}: {' '.join(messages)}"
            for name, messages in self.form.errors.items()
            if name in self.form.fields
        ]

    def params(self) -> dict[str, str]:
        """The valid, non-empty filter values as they appear in a query string, in a stable order."""
        self.errors  # noqa: B018 - validates the form
        cleaned = self.form.cleaned_data
        params = {}
        for name in FILTER_NAMES:
            value = cleaned.get(name)
            if value in (None, ""):
                continue
            if name == "month":
                value = month_value(value)
            elif name == "topic":
                value = value.slug
            params[name] = str(value)
        return params

    def labels(self) -> dict[str, str]:
        """How each valid filter value reads, for "active filter" chips and empty states."""
        cleaned = self.form.cleaned_data
        labels = {}
        for name, value in self.params().items():
            if name == "kind":
                labels[name] = str(EventKind(value).label)
            elif name == "attendance":
                labels[name] = str(Attendance(value).label)
            elif name == "month":
                labels[name] = month_label(cleaned["month"])
            elif name == "topic":
                labels[name] = cleaned["topic"].name
            else:
                labels[name] = value
        return labels


# --- Reading the query string ------------------------------------------------------


@dataclass
class Query:
    """What a listing (or feed) address asks for, once validated."""

    filterset: EventFilterSet
    view: str = View.LIST
    when: str = When.UPCOMING
    months: list[datetime.date] = field(default_factory=list)
    """The months offered in the filter form: those with events in this time frame, and the chosen one."""
    problems: list[str] = field(default_factory=list)

    @property
    def params(self) -> dict[str, str]:
        return self.filterset.params()

    @property
    def is_filtered(self) -> bool:
        return bool(self.params)

    @property
    def month(self) -> datetime.date | None:
        return self.filterset.form.cleaned_data.get("month")

    def query_string(self, *, leave_out: tuple[str, ...] = (), **extra) -> str:
        """The filters (without ``leave_out``) plus ``extra`` values, as a query string."""
        params = {name: value for name, value in self.params.items() if name not in leave_out}
        params.update({name: str(value) for name, value in extra.items() if value not in (None, "")})
        return urlencode(params)


def published_events(index_page: EventIndexPage) -> QuerySet[EventPage]:
    """The live, public events of an index (in its language), not yet ordered."""
    return EventPage.objects.live().public().child_of(index_page)


def in_time_frame(events: QuerySet[EventPage], when: str, now: datetime.datetime) -> QuerySet[EventPage]:
    """Upcoming (not yet ended) events soonest first, or past ones most recent first."""
    if when == When.PAST:
        return events.filter(end__lte=now).order_by("-start", "-pk")
    return events.filter(end__gt=now).order_by("start", "pk")


def read_query(index_page: EventIndexPage, query: QueryDict, *, now: datetime.datetime | None = None) -> Query:
    """Validate the view, the time frame and the filters of a listing address."""
    problems = []
    view = query.get("view", "") or View.LIST
    if view not in (View.LIST, View.CALENDAR):
        problems.append(_("View: “%(value)s” is not a view of this list, so the list is shown.") % {"value": view[:40]})
        view = View.LIST
    when = query.get("when", "") or When.UPCOMING
    if when not in (When.UPCOMING, When.PAST):
        problems.append(
            _("Time: “%(value)s” is neither “upcoming” nor “past”, so upcoming events are shown.")
            % {"value": when[:40]}
        )
        when = When.UPCOMING

    events = published_events(index_page)
    timed = events if view == View.CALENDAR else in_time_frame(events, when, now or timezone.now())
    months = months_spanned(timed.values_list("start", "end"))
    try:  # the chosen month is offered even when it has no events
        chosen = MonthField().clean(query.get("month", ""))
    except forms.ValidationError:
        chosen = None
    if chosen:
        months.add(chosen)
    months = sorted(months, reverse=when == When.PAST and view == View.LIST)
    data = QueryDict(mutable=True)
    for name in FILTER_NAMES:
        if query.get(name, "") != "":
            data[name] = query.get(name)
    filterset = EventFilterSet(data, events, months=months)
    problems.extend(filterset.problems())
    return Query(filterset=filterset, view=view, when=when, months=months, problems=problems)


# --- The listing ------------------------------------------------------------------


def with_images(queryset: QuerySet[EventPage]) -> QuerySet[EventPage]:
    """Prefetch hero images with their renditions: a page of cards costs a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions()
    return queryset.prefetch_related(Prefetch("hero_image", queryset=images))


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    is_today: bool
    entries: list[dict] = field(default_factory=list)


def calendar_weeks(
    events: QuerySet[EventPage], month: datetime.date, now: datetime.datetime | None = None
) -> tuple[list[list[CalendarDay]], int]:
    """A Monday-first grid of ``month`` with each event on every day it runs, and how many events the month has.

    The grid's first and last weeks spill into the neighbouring months; events
    are shown on those days too.
    """
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(month.year, month.month)
    today = (now or timezone.now()).astimezone(site_zone()).date()
    grid = [[CalendarDay(day, day.month == month.month, day == today) for day in week] for week in weeks]
    by_date = {day.date: day for week in grid for day in week}
    first_day, last_day = weeks[0][0], weeks[-1][-1]
    month_start, month_end = month_bounds(month)
    in_month = set()
    zone = site_zone()
    for event in running_between(events, *day_bounds(first_day, last_day)).order_by("start", "pk"):
        first, last = days_running(event)
        if event.start < month_end and event.end > month_start:
            in_month.add(event.pk)
        day = max(first, first_day)
        while day <= min(last, last_day):
            by_date[day].entries.append(
                {
                    "event": event,
                    "starts_here": day == first,
                    "time": format_date(event.start.astimezone(zone), "H:i"),
                    "multi_day": first != last,
                }
            )
            day += datetime.timedelta(days=1)
    return grid, len(in_month)


def with_availability(events) -> None:
    """Give each card its seats band (`EventPage.availability`), counting the seats of all of them at once."""
    events = list(events)
    held = (Registration.Status.CONFIRMED, Registration.Status.OFFERED)
    # Registrations belong to the original page, which shares its translation key with every translation.
    taken = dict(
        Registration.objects.filter(event__translation_key__in={e.translation_key for e in events}, status__in=held)
        .values_list("event__translation_key")
        .annotate(seats=Count("pk"))
    )
    for event in events:
        event.seats_band = event.availability(taken.get(event.translation_key, 0))
    remember_bands(events)


def serve_listing(index_page: EventIndexPage, request: HttpRequest) -> HttpResponse:
    # Events are pages (a publish retires everything); registrations retire the listing only when a card's
    # seats band changes (`cache_tags`).
    page_cache.depends_on(request, LISTING_TAG)
    now = timezone.now()
    query = read_query(index_page, request.GET, now=now)
    index_url = index_page.get_url(request) or "/"
    context = index_page.get_context(request)
    context.update(_common_context(query, index_page, index_url))
    if query.view == View.CALENDAR:
        context.update(_calendar_context(query, now))
    else:
        context.update(_list_context(query, request, now))
    return TemplateResponse(request, "initiatives/event_index_page.html", context)


def _link(index_url: str, query_string: str) -> str:
    return f"{index_url}?{query_string}" if query_string else index_url


def _common_context(query: Query, index_page: EventIndexPage, index_url: str) -> dict:
    filterset = query.filterset
    # In the calendar the month is where the grid is, not a filter; the time frame belongs to the list.
    if query.view == View.CALENDAR:
        chips = [name for name in query.params if name != "month"]
        keep = {"view": View.CALENDAR, "month": query.params.get("month")}
    else:
        chips = list(query.params)
        keep = {"when": When.PAST if query.when == When.PAST else None}
    labels = filterset.labels()
    # The form shows the values in use; values that were ignored are left out.
    form = filterset.get_form_class()(QueryDict(urlencode(query.params)))
    feed_query = query.query_string(leave_out=("month",) if query.view == View.CALENDAR else ())
    return {
        "query": query,
        "view": query.view,
        "when": query.when,
        "problems": query.problems,
        "form": form,
        "is_filtered": bool(chips),
        "active_filters": [
            {
                "name": name,
                "label": filterset.form.fields[name].label,
                "value": labels[name],
                "remove_url": _link(index_url, query.query_string(leave_out=(name, *keep), **keep)),
            }
            for name in chips
        ],
        "index_url": index_url,
        "upcoming_url": _link(index_url, query.query_string(leave_out=("month",))),
        "past_url": _link(index_url, query.query_string(leave_out=("month",), when=When.PAST)),
        "calendar_url": _link(index_url, query.query_string(view=View.CALENDAR)),
        # The other time frame with every filter kept, for empty states.
        "other_frame_url": _link(index_url, query.query_string(when=None if query.when == When.PAST else When.PAST)),
        "clear_url": _link(index_url, urlencode({key: value for key, value in keep.items() if value})),
        "feed_url": _link(index_url + index_page.reverse_subpage("feed"), feed_query),
        "filter_labels": [labels[name] for name in chips],
    }


def _list_context(query: Query, request: HttpRequest, now: datetime.datetime) -> dict:
    events = in_time_frame(query.filterset.filtered(), query.when, now)
    page, problem = paginate(with_images(events), request.GET.get("page"), per_page=PER_PAGE)
    if problem:
        query.problems.append(problem)
    with_availability(page.object_list)
    return {
        "page_obj": page,
        "events": page.object_list,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "page_query": query.query_string(when=When.PAST if query.when == When.PAST else None),
        "noindex": query.is_filtered or page.number > 1 or bool(query.problems),
    }


def _site_zone_label(month: datetime.date) -> str:
    """ "China Standard Time (Beijing, Shanghai) (UTC+08:00)": the zone the calendar's days are in."""
    middle = datetime.datetime.combine(month.replace(day=15), datetime.time(12), tzinfo=site_zone())
    return zone_with_offset(settings.TIME_ZONE, middle)


def _calendar_context(query: Query, now: datetime.datetime) -> dict:
    month = query.month or this_month(now)
    weeks, count = calendar_weeks(query.filterset.filtered(leave_out=("month",)), month, now)
    links = {}
    for name, target in (
        ("previous", add_months(month, -1)),
        ("next", add_months(month, 1)),
        ("current", this_month(now)),
    ):
        links[name] = {
            "url": "?" + query.query_string(leave_out=("month",), view=View.CALENDAR, month=month_value(target)),
            "label": month_label(target),
        }
    return {
        "month": month,
        "month_label": month_label(month),
        "weeks": weeks,
        "weekdays": [{"short": date_format(day.date, "D"), "long": date_format(day.date, "l")} for day in weeks[0]],
        "month_count": count,
        "calendar_links": links,
        "is_this_month": month == this_month(now),
        "site_zone_label": _site_zone_label(month),
        "noindex": True,
    }

"""The month calendar of the events listing: a Monday-first grid with events on the days they run."""

import datetime
import re
import zoneinfo

import pytest
from freezegun import freeze_time

from initiatives.models import EventKind
from tests.initiatives.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def at(*args, zone=SHANGHAI) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=zone)


def make(index, title, start, end=None, **fields):
    return EventPageFactory(
        parent=index, title=title, slug=re.sub(r"\W+", "-", title.lower()), start=start,
        end=end or start + datetime.timedelta(hours=2), **fields,
    )  # fmt: skip


def days(response) -> dict[str, list[str]]:
    """Each day cell of the grid (by its date) and the event titles in it."""
    html = response.content.decode()
    cells = re.findall(r'<td class="event-calendar__day[^"]*" data-date="([\d-]+)"[^>]*>(.*?)</td>', html, re.S)
    return {
        date: re.findall(r'<span class="event-calendar__title">(.*?)</span>', cell) for date, cell in cells
    }  # fmt: skip


def calendar(client, index, **params):
    return client.get(index.url, {"view": "calendar", **params})


@pytest.fixture
def december(event_index):
    with freeze_time("2026-11-20 04:00:00"):
        yield {
            # 00:30 on 1 December in Shanghai (16:30 UTC on 30 November).
            "midnight": make(event_index, "Just after midnight", at(2026, 12, 1, 0, 30)),
            # Three days, 30 November to 2 December.
            "forum": make(event_index, "Three-day forum", at(2026, 11, 30, 9), at(2026, 12, 2, 17), kind=EventKind.FORUM),
            # Ends at midnight exactly: one day, not two.
            "evening": make(event_index, "Evening reception", at(2026, 12, 10, 19), at(2026, 12, 11, 0, 0)),
            # 20:00 on 31 December in New York is 09:00 on 1 January in Shanghai.
            "new_york": make(
                event_index, "New York webinar", at(2026, 12, 31, 20, zone=NEW_YORK),
                time_zone="America/New_York", kind=EventKind.WEBINAR, venue_name="", online_url="https://x.example/1",
            ),
            "cancelled": make(event_index, "Cancelled seminar", at(2026, 12, 15, 14), cancelled=True),
        }  # fmt: skip


def test_grid_is_monday_first_and_covers_whole_weeks(client, event_index, december):
    grid = days(calendar(client, event_index, month="2026-12"))
    dates = list(grid)

    assert dates[0] == "2026-11-30"  # a Monday
    assert dates[-1] == "2027-01-03"  # a Sunday
    assert len(dates) == 5 * 7
    assert '<abbr title="Monday">Mon</abbr>' in calendar(client, event_index, month="2026-12").content.decode()


def test_events_sit_on_the_days_they_run_in_the_site_time_zone(client, event_index, december):
    grid = days(calendar(client, event_index, month="2026-12"))

    assert grid["2026-11-30"] == ["Three-day forum"]
    assert grid["2026-12-01"] == ["Three-day forum", "Just after midnight"]
    assert grid["2026-12-02"] == ["Three-day forum"]
    assert grid["2026-12-03"] == []
    assert grid["2026-12-10"] == ["Evening reception"]
    assert grid["2026-12-11"] == []
    assert grid["2026-12-31"] == []
    assert grid["2027-01-01"] == ["New York webinar"]


def test_neighbouring_month_shows_the_spill_over_days_only(client, event_index, december):
    grid = days(calendar(client, event_index, month="2026-11"))

    # November's last week runs to Sunday 6 December.
    assert grid["2026-11-30"] == ["Three-day forum"]
    assert grid["2026-12-01"] == ["Three-day forum", "Just after midnight"]
    assert "Evening reception" not in [title for titles in grid.values() for title in titles]
    html = calendar(client, event_index, month="2026-11").content.decode()
    assert 'data-date="2026-12-01"' in html and "event-calendar__day--other" in html


def test_month_count_and_cancelled_marking(client, event_index, december):
    html = calendar(client, event_index, month="2026-12").content.decode()

    assert "4 events in December 2026." in html  # the New York webinar is in January, in Shanghai
    cell = html[html.index('data-date="2026-12-15"') :]
    cell = cell[: cell.index("</td>")]
    assert "event-calendar__event--cancelled" in cell and "Cancelled" in cell


def test_filters_apply_and_month_links_keep_them(client, event_index, december):
    response = calendar(client, event_index, month="2026-12", kind="forum")
    grid = days(response)
    html = response.content.decode()

    assert [title for titles in grid.values() for title in titles] == ["Three-day forum"] * 3
    assert 'href="?kind=forum&amp;view=calendar&amp;month=2026-11" rel="prev"' in html
    assert 'href="?kind=forum&amp;view=calendar&amp;month=2027-01" rel="next"' in html
    # Removing the kind keeps the calendar and its month.
    assert 'href="/events/?view=calendar&amp;month=2026-12"' in html
    # The feed follows the filters, not the month on show.
    assert 'href="/events/ical/?kind=forum"' in html


def test_year_boundary_links(client, event_index, december):
    html = calendar(client, event_index, month="2027-01").content.decode()
    assert 'month=2026-12" rel="prev"' in html
    assert 'month=2027-02" rel="next"' in html
    assert days(calendar(client, event_index, month="2027-01"))["2027-01-01"] == ["New York webinar"]


def test_current_month_is_that_of_the_site_time_zone(client, event_index, december):
    # 17:00 UTC on 30 November is 01:00 on 1 December in Shanghai.
    with freeze_time("2026-11-30 17:00:00"):
        html = calendar(client, event_index).content.decode()

    assert '<h2 class="event-results__title" id="event-calendar-heading">December 2026</h2>' in html
    assert 'data-date="2026-12-01" aria-current="date"' in html


def test_invalid_month_shows_the_current_month_with_a_message(client, event_index, december):
    with freeze_time("2026-11-20 04:00:00"):
        response = calendar(client, event_index, month="2026-00")

    assert response.status_code == 200
    assert "Month: “2026-00” is not a month" in response.content.decode()
    assert "November 2026</h2>" in response.content.decode()


def test_calendar_is_not_indexed_and_marks_its_tab(client, event_index, december):
    html = calendar(client, event_index, month="2026-12").content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    assert 'aria-current="page">Calendar</a>' in html

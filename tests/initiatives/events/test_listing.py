"""The events listing: upcoming and past, filters, pagination, and what invalid addresses show."""

import datetime
import re
import zoneinfo

import pytest
from freezegun import freeze_time
from wagtail.models import Locale

from initiatives.events.listing import PER_PAGE
from initiatives.models import EventKind
from portal.models import Topic
from tests.initiatives.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
LONDON = zoneinfo.ZoneInfo("Europe/London")
NOW = "2026-11-20 04:00:00"  # 12:00 in Shanghai


def at(*args, zone=SHANGHAI) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=zone)


def make(index, title, start, hours=2, **fields):
    return EventPageFactory(
        parent=index, title=title, slug=re.sub(r"\W+", "-", title.lower()), start=start,
        end=start + datetime.timedelta(hours=hours), **fields,
    )  # fmt: skip


def titles(response) -> list[str]:
    """The event titles listed, in order."""
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", match).replace("Cancelled:", "").strip()
        for match in re.findall(r'<h3 class="card__title">(.*?)</h3>', html, re.S)
    ]


@pytest.fixture
def frozen():
    with freeze_time(NOW):
        yield


@pytest.fixture
def programme(event_index, frozen):
    """A mix of past and upcoming events of several kinds, cities and formats."""
    return {
        "old": make(event_index, "Old forum", at(2026, 3, 2, 9), kind=EventKind.FORUM, city="Beijing"),
        "recent": make(event_index, "Recent seminar", at(2026, 11, 10, 14)),
        "running": make(event_index, "Running open day", at(2026, 11, 20, 10), hours=6, kind=EventKind.OPEN_DAY),
        "soon": make(
            event_index, "Soon webinar", at(2026, 11, 25, 9), kind=EventKind.WEBINAR,
            venue_name="", venue_address="", city="", online_url="https://meet.example.org/1",
        ),
        "later": make(
            event_index, "Later hybrid forum", at(2026, 12, 8, 14), kind=EventKind.FORUM, city="Beijing",
            online_url="https://live.example.org/2",
        ),
        "cancelled": make(event_index, "Cancelled seminar", at(2026, 12, 15, 14), cancelled=True),
    }  # fmt: skip


class TestUpcomingAndPast:
    def test_upcoming_by_default_soonest_first_including_what_is_running_now(self, client, event_index, programme):
        response = client.get(event_index.url)

        assert response.status_code == 200
        assert titles(response) == [
            "Running open day",
            "Soon webinar",
            "Later hybrid forum",
            "Cancelled seminar",
        ]
        assert "4 upcoming events" in response.content.decode()

    def test_cancelled_events_stay_listed_and_are_marked(self, client, event_index, programme):
        html = client.get(event_index.url).content.decode()
        card = html[html.index("Cancelled seminar") - 1500 : html.index("Cancelled seminar")]

        assert "event-card--cancelled" in card
        assert 'badge badge--red">Cancelled' in card

    def test_past_archive_most_recent_first(self, client, event_index, programme):
        response = client.get(event_index.url, {"when": "past"})

        assert titles(response) == ["Recent seminar", "Old forum"]
        assert "2 past events" in response.content.decode()

    def test_an_event_leaves_the_upcoming_list_when_it_ends(self, client, event_index, programme):
        with freeze_time("2026-11-20 08:00:00"):  # 16:00 in Shanghai, when the open day ends
            response = client.get(event_index.url)
        assert "Running open day" not in titles(response)

    def test_drafts_and_other_indexes_are_not_listed(self, client, event_index, programme):
        draft = programme["soon"]
        draft.unpublish()
        response = client.get(event_index.url)
        assert "Soon webinar" not in titles(response)


class TestFilters:
    def test_kind(self, client, event_index, programme):
        assert titles(client.get(event_index.url, {"kind": "forum"})) == ["Later hybrid forum"]
        assert titles(client.get(event_index.url, {"kind": "forum", "when": "past"})) == ["Old forum"]

    def test_city_choices_come_from_the_events(self, client, event_index, programme):
        response = client.get(event_index.url, {"city": "Beijing"})
        html = response.content.decode()

        assert titles(response) == ["Later hybrid forum"]
        assert '<option value="Beijing" selected>Beijing</option>' in html
        assert '<option value="Shanghai">Shanghai</option>' in html
        assert 'value="Shenzhen"' not in html

    @pytest.mark.parametrize(
        ("attendance", "expected"),
        [
            ("in-person", ["Running open day", "Cancelled seminar"]),
            ("online", ["Soon webinar"]),
            ("hybrid", ["Later hybrid forum"]),
        ],
    )
    def test_attendance(self, client, event_index, programme, attendance, expected):
        assert titles(client.get(event_index.url, {"attendance": attendance})) == expected

    def test_topic_by_slug(self, client, event_index, programme):
        hydrogen = Topic.objects.create(name_en="Hydrogen", name_zh="氢能", slug="hydrogen")
        Topic.objects.create(name_en="Scope 3", slug="scope-3")
        later = programme["later"]
        later.topics.add(hydrogen)
        later.save()

        response = client.get(event_index.url, {"topic": "hydrogen"})

        assert titles(response) == ["Later hybrid forum"]
        # Only topics that events carry are offered.
        assert 'value="hydrogen" selected' in response.content.decode()
        assert 'value="scope-3"' not in response.content.decode()

    def test_filters_combine(self, client, event_index, programme):
        response = client.get(event_index.url, {"kind": "forum", "attendance": "in-person"})
        assert titles(response) == []
        html = response.content.decode()
        assert "No upcoming events match Forum · In person." in html
        assert 'href="/events/?kind=forum&amp;attendance=in-person&amp;when=past"' in html  # the archive, same filters
        assert "Clear filters" in html

    def test_active_filters_can_be_removed_one_by_one(self, client, event_index, programme):
        html = client.get(event_index.url, {"kind": "forum", "city": "Beijing", "when": "past"}).content.decode()

        assert 'href="/events/?city=Beijing&amp;when=past"' in html  # "Kind: Forum ×" keeps the rest
        assert 'href="/events/?kind=forum&amp;when=past"' in html

    def test_feed_link_carries_the_same_filters(self, client, event_index, programme):
        html = client.get(event_index.url, {"kind": "webinar", "city": ""}).content.decode()

        assert 'href="/events/ical/?kind=webinar"' in html
        assert "Subscribe to these events (iCal)" in html


class TestMonthInTheSiteTimeZone:
    @pytest.fixture
    def boundary(self, event_index, frozen):
        return [
            # 00:30 on 1 December in Shanghai is 16:30 UTC on 30 November: December.
            make(event_index, "Just after midnight", at(2026, 12, 1, 0, 30)),
            # 23:30 on 30 November in Shanghai is 15:30 UTC: November.
            make(event_index, "Just before midnight", at(2026, 11, 30, 23, 0)),
            # 09:00 on 1 December in London is 17:00 in Shanghai: December.
            make(event_index, "London morning", at(2026, 12, 1, 9, zone=LONDON), time_zone="Europe/London"),
            # From November into December: both months.
            make(event_index, "Two-month exhibition", at(2026, 11, 28, 9), hours=24 * 5),
        ]

    def test_december(self, client, event_index, boundary):
        assert titles(client.get(event_index.url, {"month": "2026-12"})) == [
            "Two-month exhibition",
            "Just before midnight",  # runs until 01:00 on 1 December
            "Just after midnight",
            "London morning",
        ]

    def test_november(self, client, event_index, boundary):
        assert titles(client.get(event_index.url, {"month": "2026-11"})) == [
            "Two-month exhibition",
            "Just before midnight",
        ]

    def test_months_offered_are_those_with_events_in_the_time_frame(self, client, event_index, boundary):
        html = client.get(event_index.url).content.decode()
        assert '<option value="2026-11">November 2026</option>' in html
        assert '<option value="2026-12">December 2026</option>' in html
        assert 'value="2027-01"' not in html


class TestPagination:
    @pytest.fixture
    def many(self, event_index, frozen):
        return [make(event_index, f"Seminar {n:02d}", at(2026, 12, 1 + n, 10)) for n in range(PER_PAGE + 1)]

    def test_twelve_per_page(self, client, event_index, many):
        first = client.get(event_index.url)
        second = client.get(event_index.url, {"page": "2"})

        assert len(titles(first)) == PER_PAGE
        assert titles(second) == ["Seminar 12"]
        assert 'href="?page=2" rel="next"' in first.content.decode()

    def test_pages_keep_the_filters(self, client, event_index, many):
        html = client.get(event_index.url, {"city": "Shanghai"}).content.decode()
        assert 'href="?city=Shanghai&amp;page=2"' in html

    @pytest.mark.parametrize(
        ("page", "expected", "message"),
        [
            ("99", ["Seminar 12"], "there is no page 99, so the last page is shown"),
            ("0", None, "there is no page 0, so the first page is shown"),
            ("-3", None, "there is no page -3, so the first page is shown"),
            ("abc", None, "is not a page number, so the first page is shown"),
            ("9" * 40, ["Seminar 12"], "so the last page is shown"),
        ],
    )
    def test_pages_that_do_not_exist(self, client, event_index, many, page, expected, message):
        response = client.get(event_index.url, {"page": page})

        assert response.status_code == 200
        assert message in response.content.decode()
        assert titles(response) == (expected or [f"Seminar {n:02d}" for n in range(PER_PAGE)])
        assert '<meta name="robots" content="noindex, follow">' in response.content.decode()

    def test_no_events_is_one_empty_page(self, client, event_index, frozen):
        response = client.get(event_index.url, {"page": "3"})
        assert response.status_code == 200
        assert "No upcoming events have been announced yet." in response.content.decode()


class TestInvalidAddresses:
    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"kind": "party"}, "Kind: “party” is not one of the choices."),
            ({"city": "Atlantis"}, "City: “Atlantis” is not one of the choices."),
            ({"month": "2026-13"}, "Month: “2026-13” is not a month"),
            ({"month": "December"}, "Month: “December” is not a month"),
            ({"month": "1999-01"}, "Month: “1999-01” is not a month"),
            ({"topic": "no-such-topic"}, "Topic: “no-such-topic” is not a topic of these events."),
            ({"attendance": "telepathy"}, "Attendance: “telepathy” is not one of the choices."),
            ({"when": "someday"}, "Time: “someday” is neither"),
            ({"view": "map"}, "View: “map” is not a view of this list"),
        ],
    )
    def test_a_bad_value_is_ignored_with_a_message(self, client, event_index, programme, params, message):
        response = client.get(event_index.url, params)

        assert response.status_code == 200
        assert message in response.content.decode()
        assert len(titles(response)) == 4  # the upcoming list, unfiltered

    def test_the_valid_filters_still_apply(self, client, event_index, programme):
        response = client.get(event_index.url, {"kind": "webinar", "city": "<script>alert(1)</script>"})

        assert titles(response) == ["Soon webinar"]
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        # The form shows what is in use, not the rejected value.
        assert '<option value="" selected>All cities</option>' in html

    def test_repeated_and_odd_parameters_never_fail(self, client, event_index, programme):
        response = client.get(f"{event_index.url}?kind=forum&kind=webinar&page=2&page=x&month=%00&topic=%FF")
        assert response.status_code == 200


def test_chinese_listing_shows_the_chinese_pages(client, event_index, home_page, frozen):
    event = make(event_index, "Hydrogen seminar", at(2026, 12, 2, 14))
    chinese = Locale.objects.create(language_code="zh-hans")
    home_page.copy_for_translation(chinese).save_revision().publish()
    event_index.copy_for_translation(chinese).save_revision().publish()
    translation = event.copy_for_translation(chinese)
    translation.title = "氢能研讨会"
    translation.save_revision().publish()

    response = client.get("/zh-hans/events/")

    assert titles(response) == ["氢能研讨会"]
    assert "2026年12月2日 星期三" in response.content.decode()

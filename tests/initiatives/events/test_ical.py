"""iCalendar output, parsed back with icalendar: instants across zones and DST, UIDs, SEQUENCE, STATUS, feeds."""

import datetime
import zoneinfo

import pytest
from freezegun import freeze_time
from icalendar import Calendar
from wagtail.models import Locale

from initiatives.events.ical import event_ics
from initiatives.models import EventKind
from tests.initiatives.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
LONDON = zoneinfo.ZoneInfo("Europe/London")
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def parse(content: bytes) -> Calendar:
    return Calendar.from_ical(content)


def only_event(content: bytes):
    events = parse(content).events
    assert len(events) == 1
    return events[0]


def feed(client, index, **params):
    response = client.get(index.url + "ical/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return parse(response.content)


def translate(page, home_page, event_index, title):
    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    if home_page.get_translation_or_none(chinese) is None:
        home_page.copy_for_translation(chinese).save_revision().publish()
    if event_index.get_translation_or_none(chinese) is None:
        event_index.copy_for_translation(chinese).save_revision().publish()
    translation = page.copy_for_translation(chinese)
    translation.title = title
    translation.save_revision().publish()
    return translation


class TestTimes:
    def test_london_event_across_the_clock_change(self, event_index):
        # Saturday 22:00 BST (21:00 UTC) to Sunday 02:00 GMT (02:00 UTC): the clocks go back at 02:00 BST.
        event = EventPageFactory(
            parent=event_index,
            time_zone="Europe/London",
            start=datetime.datetime(2026, 10, 24, 22, 0, tzinfo=LONDON),
            end=datetime.datetime(2026, 10, 25, 2, 0, tzinfo=LONDON),
        )
        content = event_ics(event)
        vevent = only_event(content)

        assert vevent.start == datetime.datetime(2026, 10, 24, 21, 0, tzinfo=UTC)
        assert vevent.end == datetime.datetime(2026, 10, 25, 2, 0, tzinfo=UTC)
        assert vevent.end.astimezone(UTC) - vevent.start.astimezone(UTC) == datetime.timedelta(hours=5)
        assert b"DTSTART;TZID=Europe/London:20261024T220000" in content
        # The zone is defined in the file, with both offsets around the change.
        zones = {zone.tz_name: zone for zone in parse(content).timezones}
        assert set(zones) == {"Europe/London"}
        vtimezone = zones["Europe/London"].to_ical()
        assert b"TZOFFSETFROM:+0100" in vtimezone and b"TZOFFSETTO:+0000" in vtimezone

    def test_the_vtimezone_alone_gives_the_same_instants(self, event_index):
        """A client that knows no zone names reads the times through the file's VTIMEZONE."""
        event = EventPageFactory(
            parent=event_index,
            time_zone="Europe/London",
            start=datetime.datetime(2026, 10, 24, 22, 0, tzinfo=LONDON),
            end=datetime.datetime(2026, 10, 25, 2, 0, tzinfo=LONDON),
        )
        renamed = event_ics(event).replace(b"Europe/London", b"Custom/Venue")
        calendar = parse(renamed)
        zone = calendar.timezones[0].to_tz()
        vevent = calendar.events[0]
        start = vevent.decoded("DTSTART").replace(tzinfo=None).replace(tzinfo=zone)
        end = vevent.decoded("DTEND").replace(tzinfo=None).replace(tzinfo=zone)

        assert start.astimezone(UTC) == datetime.datetime(2026, 10, 24, 21, 0, tzinfo=UTC)
        assert end.astimezone(UTC) == datetime.datetime(2026, 10, 25, 2, 0, tzinfo=UTC)

    def test_shanghai_event(self, event_index):
        event = EventPageFactory(
            parent=event_index,
            start=datetime.datetime(2026, 12, 1, 0, 30, tzinfo=SHANGHAI),
            end=datetime.datetime(2026, 12, 1, 3, 0, tzinfo=SHANGHAI),
        )
        content = event_ics(event)
        vevent = only_event(content)

        assert vevent.start == datetime.datetime(2026, 11, 30, 16, 30, tzinfo=UTC)
        assert vevent.end == datetime.datetime(2026, 11, 30, 19, 0, tzinfo=UTC)
        assert b"DTSTART;TZID=Asia/Shanghai:20261201T003000" in content
        assert [zone.tz_name for zone in parse(content).timezones] == ["Asia/Shanghai"]

    def test_a_clock_reading_that_happens_twice_is_written_in_utc(self, event_index):
        # 01:30 GMT on 25 October 2026, the second time London's clocks read 01:30 that night.
        start = datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
        event = EventPageFactory(
            parent=event_index, time_zone="Europe/London", start=start, end=start + datetime.timedelta(hours=1)
        )
        content = event_ics(event)
        vevent = only_event(content)

        assert vevent.start == start
        assert b"DTSTART:20261025T013000Z" in content
        assert vevent.end == start + datetime.timedelta(hours=1)

    def test_events_in_several_zones_in_one_feed(self, client, event_index):
        with freeze_time("2026-06-01 00:00:00"):
            EventPageFactory(
                parent=event_index,
                time_zone="Europe/London",
                start=datetime.datetime(2026, 7, 1, 9, 0, tzinfo=LONDON),  # BST
                end=datetime.datetime(2026, 7, 1, 11, 0, tzinfo=LONDON),
            )
            EventPageFactory(
                parent=event_index,
                start=datetime.datetime(2026, 7, 2, 9, 0, tzinfo=SHANGHAI),
                end=datetime.datetime(2026, 7, 2, 11, 0, tzinfo=SHANGHAI),
            )
            calendar = feed(client, event_index)

        starts = [vevent.start for vevent in calendar.events]
        assert starts == [
            datetime.datetime(2026, 7, 1, 8, 0, tzinfo=UTC),
            datetime.datetime(2026, 7, 2, 1, 0, tzinfo=UTC),
        ]
        assert {zone.tz_name for zone in calendar.timezones} == {"Europe/London", "Asia/Shanghai"}


class TestIdentity:
    def test_uid_is_stable_across_republication_and_sequence_grows(self, event_index):
        event = EventPageFactory(parent=event_index)
        event.save_revision().publish()
        first = only_event(event_ics(event))

        event.title = "Scope 3 accounting, rescheduled"
        event.start += datetime.timedelta(days=1)
        event.end += datetime.timedelta(days=1)
        event.save_revision().publish()
        second = only_event(event_ics(event))

        assert second.uid == first.uid == str(event.translation_key)
        assert second.sequence == first.sequence + 1
        assert second["SUMMARY"] == "Scope 3 accounting, rescheduled"

    def test_the_chinese_page_is_the_same_event(self, event_index, home_page):
        event = EventPageFactory(parent=event_index, title="Hydrogen seminar")
        translation = translate(event, home_page, event_index, "氢能研讨会")

        english = only_event(event_ics(event))
        chinese = only_event(event_ics(translation))

        assert chinese.uid == english.uid
        assert chinese.sequence == english.sequence
        assert chinese["SUMMARY"] == "氢能研讨会"
        assert chinese.start == english.start
        assert "/zh-hans/events/" in str(chinese["URL"])

    def test_practical_details_come_from_the_original_page(self, event_index, home_page):
        event = EventPageFactory(parent=event_index)
        translation = translate(event, home_page, event_index, "研讨会")
        event.cancelled = True
        event.start += datetime.timedelta(hours=2)
        event.end += datetime.timedelta(hours=2)
        event.save_revision().publish()

        chinese = only_event(event_ics(type(translation).objects.get(pk=translation.pk)))

        assert chinese["STATUS"] == "CANCELLED"
        assert chinese.start == event.start


class TestContent:
    def test_a_full_event(self, event_index):
        event = EventPageFactory(
            parent=event_index,
            title="Scope 3 accounting",
            introduction="How suppliers count their emissions.",
            online_url="https://meet.example.org/j/1",
        )
        calendar = parse(event_ics(event))
        vevent = calendar.events[0]

        assert calendar["METHOD"] == "PUBLISH"
        assert calendar["VERSION"] == "2.0"
        assert "Scope 3 accounting" in calendar["X-WR-CALNAME"]
        assert vevent["STATUS"] == "CONFIRMED"
        assert vevent["LOCATION"] == "Pudong Conference Centre, 2727 Binjiang Avenue, Pudong, Shanghai"
        assert vevent["URL"] == "http://localhost/events/" + event.slug + "/"
        description = str(vevent["DESCRIPTION"])
        assert "How suppliers count their emissions." in description
        assert "https://meet.example.org/j/1" in description
        assert "http://localhost/events/" + event.slug + "/" in description
        assert vevent.stamp.tzinfo is not None
        assert vevent["CATEGORIES"].cats == ["Educational seminar"]

    def test_online_only_event_has_its_link_as_location(self, event_index):
        event = EventPageFactory(
            parent=event_index, venue_name="", venue_address="", city="", online_url="https://meet.example.org/j/2"
        )
        assert only_event(event_ics(event))["LOCATION"] == "https://meet.example.org/j/2"

    def test_cancelled_event(self, event_index):
        event = EventPageFactory(parent=event_index, title="Open day", cancelled=True)
        vevent = only_event(event_ics(event))

        assert vevent["STATUS"] == "CANCELLED"
        assert vevent["SUMMARY"] == "Cancelled: Open day"

    def test_download_from_the_event_page(self, client, event):
        response = client.get(event.url + "ical/")

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
        assert only_event(response.content).uid == str(event.translation_key)

    def test_download_name_of_a_page_with_a_chinese_slug(self, client, event_index):
        event = EventPageFactory(parent=event_index, slug="氢能研讨会")
        response = client.get(event.url + "ical/")

        assert response.status_code == 200
        assert response["Content-Disposition"] == (
            "attachment; filename*=utf-8''%E6%B0%A2%E8%83%BD%E7%A0%94%E8%AE%A8%E4%BC%9A.ics"
        )


class TestFeed:
    @pytest.fixture
    def events(self, event_index):
        with freeze_time("2026-11-20 04:00:00"):
            made = {
                "ancient": EventPageFactory(
                    parent=event_index,
                    title="Two years ago",
                    start=datetime.datetime(2024, 11, 1, 9, tzinfo=SHANGHAI),
                    end=datetime.datetime(2024, 11, 1, 12, tzinfo=SHANGHAI),
                ),
                "last_spring": EventPageFactory(
                    parent=event_index,
                    title="Last spring",
                    start=datetime.datetime(2026, 3, 1, 9, tzinfo=SHANGHAI),
                    end=datetime.datetime(2026, 3, 1, 12, tzinfo=SHANGHAI),
                ),
                "webinar": EventPageFactory(
                    parent=event_index,
                    title="Webinar",
                    kind=EventKind.WEBINAR,
                    venue_name="",
                    city="",
                    online_url="https://meet.example.org/3",
                    start=datetime.datetime(2026, 12, 3, 9, tzinfo=LONDON),
                    end=datetime.datetime(2026, 12, 3, 10, tzinfo=LONDON),
                    time_zone="Europe/London",
                ),
                "forum": EventPageFactory(
                    parent=event_index,
                    title="Forum",
                    kind=EventKind.FORUM,
                    city="Beijing",
                    cancelled=True,
                    start=datetime.datetime(2026, 12, 8, 9, tzinfo=SHANGHAI),
                    end=datetime.datetime(2026, 12, 8, 17, tzinfo=SHANGHAI),
                ),
                "draft": EventPageFactory(parent=event_index, title="Draft", live=False),
            }
            yield made

    def test_one_vevent_per_public_event_of_the_last_twelve_months_on(self, client, event_index, events):
        calendar = feed(client, event_index)

        assert [str(vevent["SUMMARY"]) for vevent in calendar.events] == ["Last spring", "Webinar", "Cancelled: Forum"]
        assert len({vevent.uid for vevent in calendar.events}) == 3
        assert calendar["METHOD"] == "PUBLISH"
        assert str(calendar["X-WR-CALNAME"]).startswith("Events")
        statuses = {str(vevent["SUMMARY"]): vevent["STATUS"] for vevent in calendar.events}
        assert statuses["Cancelled: Forum"] == "CANCELLED"
        assert statuses["Webinar"] == "CONFIRMED"

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"kind": "webinar"}, ["Webinar"]),
            ({"city": "Beijing"}, ["Cancelled: Forum"]),
            ({"attendance": "online"}, ["Webinar"]),
            ({"month": "2026-03"}, ["Last spring"]),
            ({"kind": "forum", "attendance": "online"}, []),
        ],
    )
    def test_filtered_feed_holds_only_matching_events(self, client, event_index, events, params, expected):
        calendar = feed(client, event_index, **params)
        assert [str(vevent["SUMMARY"]) for vevent in calendar.events] == expected

    def test_filtered_feed_is_its_own_calendar(self, client, event_index, events):
        everything = feed(client, event_index)
        webinars = feed(client, event_index, kind="webinar")

        assert "Webinar" in str(webinars["X-WR-CALNAME"])
        assert webinars["UID"] != everything["UID"]
        assert feed(client, event_index, kind="webinar")["UID"] == webinars["UID"]

    def test_bad_filter_values_are_ignored(self, client, event_index, events):
        calendar = feed(client, event_index, kind="party", city="Beijing")
        assert [str(vevent["SUMMARY"]) for vevent in calendar.events] == ["Cancelled: Forum"]

    def test_topic_filter(self, client, event_index, events):
        from portal.models import Topic

        topic = Topic.objects.create(name_en="Green finance", slug="green-finance")
        events["webinar"].topics.add(topic)
        events["webinar"].save()

        calendar = feed(client, event_index, topic="green-finance")
        assert [str(vevent["SUMMARY"]) for vevent in calendar.events] == ["Webinar"]

    def test_chinese_feed_lists_the_chinese_pages(self, client, event_index, home_page, events):
        translate(events["webinar"], home_page, event_index, "网络研讨会")
        with freeze_time("2026-11-20 04:00:00"):
            response = client.get("/zh-hans/events/ical/")

        calendar = parse(response.content)
        assert [str(vevent["SUMMARY"]) for vevent in calendar.events] == ["网络研讨会"]
        assert calendar.events[0].uid == str(events["webinar"].translation_key)

    def test_empty_feed_is_still_a_calendar(self, client, event_index):
        calendar = feed(client, event_index)
        assert calendar.events == []
        assert calendar["VERSION"] == "2.0"

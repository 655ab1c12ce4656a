"""What a visitor sees on an event page: times in the event's zone, place, people, after-event material, JSON-LD."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.core.files.base import ContentFile
from freezegun import freeze_time
from PIL import Image
from wagtail.documents.models import Document
from wagtail.models import Locale

from initiatives.models import EventMaterial, EventPartner, EventPhoto, EventSpeaker
from portal.images import save_image
from portal.models import Topic
from tests.initiatives.events.factories import EventPageFactory, RegistrationFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
NOW = "2026-11-20 04:00:00"


def image(title="Picture", colour="#3fae84"):
    return save_image(Image.new("RGB", (1600, 900), colour), title, f"{title.lower()}.png")


def structured_data(html: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


@pytest.fixture
def frozen():
    with freeze_time(NOW):
        yield


@pytest.fixture
def webinar(event_index, frozen):
    """A London webinar in December: GMT, eight hours behind Shanghai."""
    return EventPageFactory(
        parent=event_index,
        title="Green finance for suppliers",
        introduction="How lenders read Scope 3 plans.",
        time_zone="Europe/London",
        start=datetime.datetime(2026, 12, 3, 9, 0, tzinfo=LONDON),
        end=datetime.datetime(2026, 12, 3, 10, 30, tzinfo=LONDON),
        venue_name="",
        venue_address="",
        city="",
        online_url="https://meet.example.org/j/42",
        language="en",
    )


class TestWhenAndWhere:
    def test_times_are_shown_in_the_event_zone_with_the_zone(self, client, webinar):
        html = client.get(webinar.url).content.decode()

        assert "Thursday 3 December 2026, 09:00–10:30" in html
        assert "London (UTC)" in html
        # The instant for the visitor's-time script, and the script itself, loaded from static files.
        assert 'datetime="2026-12-03T09:00:00Z" data-end="2026-12-03T10:30:00Z" data-zone="Europe/London"' in html
        assert re.search(r'<script src="[^"]*initiatives/events\.js" defer></script>', html)

    def test_summer_time_offset_is_named(self, client, event_index, frozen):
        event = EventPageFactory(
            parent=event_index,
            time_zone="Europe/London",
            start=datetime.datetime(2027, 6, 1, 14, 0, tzinfo=LONDON),
            end=datetime.datetime(2027, 6, 1, 16, 0, tzinfo=LONDON),
        )
        html = client.get(event.url).content.decode()

        assert "Tuesday 1 June 2027, 14:00–16:00" in html
        assert "London (UTC+01:00)" in html
        assert 'datetime="2027-06-01T13:00:00Z"' in html

    def test_venue_and_online_link(self, client, event_index, frozen):
        event = EventPageFactory(parent=event_index, online_url="https://live.example.org/stream")
        html = client.get(event.url).content.decode()

        assert "Pudong Conference Centre" in html and "2727 Binjiang Avenue, Pudong" in html and "Shanghai" in html
        assert 'href="https://live.example.org/stream"' in html
        assert "Also online" in html
        assert "In person and online" in html

    def test_no_inline_scripts(self, client, webinar):
        html = client.get(webinar.url).content.decode()
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag or 'type="application/ld+json"' in tag, tag

    def test_breadcrumbs_and_add_to_calendar(self, client, webinar):
        html = client.get(webinar.url).content.decode()

        assert '<nav class="breadcrumbs"' in html
        assert '<a href="/events/">Events</a>' in html
        assert f'<span aria-current="page">{webinar.title}</span>' in html
        assert f'href="{webinar.url}ical/" download' in html
        assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
        assert "dates=20261203T090000Z%2F20261203T103000Z" in html


class TestPeopleAndProgramme:
    def test_speakers_partners_topics_and_agenda(self, client, event_index, frozen):
        event = EventPageFactory(
            parent=event_index,
            agenda=[
                ("day", "Day one"),
                ("item", {"starts": datetime.time(9, 30), "ends": datetime.time(10), "title": "Opening", "speakers": []}),
            ],
        )  # fmt: skip
        speaker = SpeakerFactory(name="Li Wei", name_zh="李伟", title="Chief engineer", photo=image("Li Wei"))
        EventSpeaker.objects.create(page=event, speaker=speaker, role="Keynote")
        EventPartner.objects.create(
            page=event, name="Tsinghua University", url="https://www.tsinghua.edu.cn/", logo=image("Logo")
        )
        hydrogen = Topic.objects.create(name_en="Hydrogen", slug="hydrogen")
        event.topics.add(hydrogen)
        event.save_revision().publish()

        html = client.get(event.url).content.decode()

        assert "Li Wei" in html and "Chief engineer, Tsinghua University" in html and "Keynote" in html
        assert re.search(r'<source [^>]*srcset="/media/images/li_wei\.[^"]*\.webp', html)  # speaker photo rendition
        assert 'href="https://www.tsinghua.edu.cn/"' in html and "/media/images/logo." in html
        assert 'href="/events/?topic=hydrogen">Hydrogen</a>' in html
        assert "Day one" in html and "Opening" in html
        assert '<time datetime="09:30">09:30</time>' in html

    def test_hero_image_is_a_responsive_rendition(self, client, event_index, frozen):
        event = EventPageFactory(parent=event_index, hero_image=image("Hero"))
        html = client.get(event.url).content.decode()

        assert "<picture>" in html
        assert re.search(r'srcset="/media/images/hero\.[^"]*\.webp 640w', html)
        assert 'fetchpriority="high"' in html


class TestStatus:
    def test_cancelled_event_is_clearly_marked(self, client, event_index, frozen):
        event = EventPageFactory(parent=event_index, cancelled=True)
        html = client.get(event.url).content.decode()

        assert "This event is cancelled." in html
        assert 'badge badge--red">Cancelled' in html
        assert "Update your calendar" in html
        assert "calendar.google.com" not in html

    def test_after_the_event_summary_materials_and_photos(self, client, event_index):
        with freeze_time("2026-10-01 00:00:00"):
            event = EventPageFactory(
                parent=event_index,
                start=datetime.datetime(2026, 10, 10, 14, tzinfo=SHANGHAI),
                end=datetime.datetime(2026, 10, 10, 17, tzinfo=SHANGHAI),
                summary="<p>120 people came.</p>",
            )
            document = Document(title="Slides")
            document.file.save("slides.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048), save=False)
            document.save()
            EventMaterial.objects.create(page=event, document=document, title="Opening slides")
            EventPhoto.objects.create(page=event, image=image("Panel"), caption="The panel")
            before = client.get(event.url).content.decode()

        with freeze_time(NOW):
            after = client.get(event.url).content.decode()

        for html, shown in ((before, False), (after, True)):
            assert ("120 people came." in html) is shown
            assert ("Opening slides" in html) is shown
            assert ("The panel" in html) is shown
        assert f'href="{document.url}">Opening slides</a>' in after
        assert "PDF" in after and "2.0\xa0KB" in after
        assert "Past event" in after


class TestStructuredData:
    def test_event_data(self, client, webinar):
        data = structured_data(client.get(webinar.url).content.decode())

        assert data["@type"] == "Event"
        assert data["name"] == "Green finance for suppliers"
        assert data["startDate"] == "2026-12-03T09:00:00+00:00"
        assert data["endDate"] == "2026-12-03T10:30:00+00:00"
        assert data["eventStatus"] == "https://schema.org/EventScheduled"
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
        assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/j/42"}
        assert data["inLanguage"] == "en"
        assert data["organizer"]["name"] == "Low-Carbon Manufacturers Association"
        assert data["offers"]["availability"] == "https://schema.org/InStock"
        assert data["url"] == "http://localhost/events/" + webinar.slug + "/"

    def test_offset_of_the_event_zone(self, client, event_index, frozen):
        event = EventPageFactory(
            parent=event_index,
            start=datetime.datetime(2026, 12, 1, 0, 30, tzinfo=SHANGHAI),
            end=datetime.datetime(2026, 12, 1, 3, 0, tzinfo=SHANGHAI),
        )
        data = structured_data(client.get(event.url).content.decode())

        assert data["startDate"] == "2026-12-01T00:30:00+08:00"
        assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
        assert data["location"]["address"]["addressLocality"] == "Shanghai"

    def test_cancelled_and_full(self, client, event_index, frozen):
        cancelled = EventPageFactory(parent=event_index, cancelled=True)
        full = EventPageFactory(parent=event_index, capacity=1, online_url="https://x.example.org/")
        RegistrationFactory(event=full)

        cancelled_data = structured_data(client.get(cancelled.url).content.decode())
        full_data = structured_data(client.get(full.url).content.decode())

        assert cancelled_data["eventStatus"] == "https://schema.org/EventCancelled"
        assert "offers" not in cancelled_data
        assert full_data["offers"]["availability"] == "https://schema.org/SoldOut"
        assert full_data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
        assert [place["@type"] for place in full_data["location"]] == ["Place", "VirtualLocation"]

    def test_speakers_and_image(self, client, event_index, frozen):
        event = EventPageFactory(parent=event_index, hero_image=image("Hero"))
        EventSpeaker.objects.create(page=event, speaker=SpeakerFactory(name="Anna Smith"), role="")
        data = structured_data(client.get(event.url).content.decode())

        assert data["performer"] == [
            {
                "@type": "Person",
                "name": "Anna Smith",
                "jobTitle": "Head of Sustainability",
                "affiliation": {"@type": "Organization", "name": "Tsinghua University"},
            }
        ]
        assert len(data["image"]) == 3
        assert all(url.startswith("http://testserver/media/images/hero.") for url in data["image"])

    def test_titles_cannot_break_out_of_the_script(self, client, event_index, frozen):
        title = "</script><script>alert('x')</script> & <!--"
        event = EventPageFactory(parent=event_index, title=title, slug="odd-title")
        html = client.get(event.url).content.decode()

        assert "<script>alert(" not in html
        assert structured_data(html)["name"] == title


def test_chinese_page_keeps_the_original_times(client, event_index, home_page, frozen):
    event = EventPageFactory(
        parent=event_index,
        time_zone="Europe/London",
        start=datetime.datetime(2026, 12, 3, 9, 0, tzinfo=LONDON),
        end=datetime.datetime(2026, 12, 3, 10, 30, tzinfo=LONDON),
    )
    chinese = Locale.objects.create(language_code="zh-hans")
    home_page.copy_for_translation(chinese).save_revision().publish()
    event_index.copy_for_translation(chinese).save_revision().publish()
    translation = event.copy_for_translation(chinese)
    translation.title = "绿色金融研讨会"
    translation.save_revision().publish()

    html = client.get(translation.url).content.decode()

    assert "绿色金融研讨会" in html
    assert "2026年12月3日 星期四 09:00–10:30" in html
    assert structured_data(html)["startDate"] == "2026-12-03T09:00:00+00:00"
    assert 'href="/zh-hans/events/"' in html

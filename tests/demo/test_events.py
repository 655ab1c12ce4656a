"""Demo events: every kind, past and upcoming, full ones with a waitlist, slides and photos after the
event, a live Chinese translation of each, and a second load that adds nothing."""

import datetime
import importlib.util
import re
from collections import Counter
from io import StringIO

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from demo.events import load_events, load_topics
from demo.events_content import EVENTS, TOPICS
from demo.site import load_site
from initiatives.forms import SHARED_FIELDS
from initiatives.models import (
    EventIndexPage,
    EventKind,
    EventMaterial,
    EventPage,
    Registration,
    RegistrationEmail,
    RegistrationStatus,
    Speaker,
)
from initiatives.registration import cancel, register
from initiatives.tasks import registrations_due_a_reminder
from portal.models import SiteIdentity, Topic

Status = Registration.Status
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The site and the events, loaded once for this module and rolled back at the end."""
    media = tmp_path_factory.mktemp("demo-media")
    out = StringIO()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_site(StringIO())
        counts = load_events(out)
        yield {"counts": counts, "output": out.getvalue(), "media": media, "loaded_at": timezone.now()}
        transaction.set_rollback(True)


@pytest.fixture
def loaded(demo, db, settings):
    settings.MEDIA_ROOT = demo["media"]  # where the module's files were written
    return demo


def english_events():
    return EventPage.objects.filter(locale__language_code="en").order_by("start")


def full_upcoming(now):
    return [
        event
        for event in english_events().filter(start__gt=now, capacity__isnull=False)
        if event.seats_left() == 0 and event.waitlist_length() > 0
    ]


def test_about_forty_events_of_every_kind_past_and_upcoming(loaded):
    events = english_events()
    now = timezone.now()

    assert 35 <= events.count() <= 45
    assert loaded["counts"]["events"] == events.count()
    assert Counter(events.values_list("kind", flat=True)).keys() == set(EventKind.values)
    assert events.filter(end__lt=now).count() >= 20
    assert events.filter(start__gt=now).count() >= 10
    assert events.filter(start__lt=now - datetime.timedelta(days=300)).exists()  # about a year back
    assert events.filter(start__gt=now + datetime.timedelta(days=150)).exists()  # about six months ahead
    assert not events.filter(start__gt=now + datetime.timedelta(days=190)).exists()
    assert len(set(events.exclude(city="").values_list("city", flat=True))) >= 8
    cancelled = {spec["slug"] for spec in EVENTS if spec.get("cancelled")}
    assert cancelled and set(events.filter(cancelled=True).values_list("slug", flat=True)) == cancelled
    assert {event.time_zone for event in events} >= {"Asia/Shanghai", "Europe/Berlin", "Europe/London"}
    assert {event.attendance for event in events} == {"in-person", "online", "hybrid"}
    for webinar in events.filter(kind=EventKind.WEBINAR):
        assert webinar.online_url.startswith("https://live.example.org/")
        assert not webinar.venue_name
    assert "Events" in loaded["output"]  # progress is shown


def test_events_have_agendas_speakers_partners_and_topics(loaded):
    speaker_ids = set(Speaker.objects.values_list("pk", flat=True))
    for event in english_events():
        days = [block for block in event.agenda if block.block_type == "day"]
        items = [block.value for block in event.agenda if block.block_type == "item"]
        assert days and len(items) >= 3, event
        on_agenda = {speaker.pk for item in items for speaker in item["speakers"]}
        assert on_agenda and on_agenda <= speaker_ids
        assert on_agenda == set(event.speaker_links.values_list("speaker_id", flat=True)), event
        assert event.topics.exists()
        assert event.hero_image is not None
        assert "<p>" in event.description
        if event.kind == EventKind.FORUM:
            assert len(days) == 2 and event.local_end.date() > event.local_start.date()
        if event.kind == EventKind.UNIVERSITY:
            assert event.partners.filter(name__icontains="University").exists()
    assert Topic.objects.filter(events__isnull=False).distinct().count() >= 10


def test_speakers_are_bilingual_with_generated_portraits(loaded):
    speakers = Speaker.objects.select_related("photo")
    assert speakers.count() >= 20
    for speaker in speakers:
        assert speaker.name_zh and speaker.title and speaker.organisation_zh, speaker.name
        assert (speaker.photo.width, speaker.photo.height) == (400, 400)
    organisations = set(speakers.values_list("organisation", flat=True))
    assert any("Tsinghua University" in name for name in organisations)
    assert "Jiangnan Provincial Department of Ecology and Environment" in organisations


def test_some_upcoming_events_are_full_with_a_waitlist_and_the_rules_still_hold(loaded):
    now = timezone.now()
    full = full_upcoming(now)

    assert len(full) >= 4
    for event in full:
        assert event.registrations.filter(status=Status.CONFIRMED).count() == event.capacity
        assert 3 <= event.waitlist_length() <= 10
        assert event.capacity <= 30
        assert event.registration_status() == RegistrationStatus.OPEN
        assert event.registrations.filter(status=Status.CANCELLED).exists()

    # The registration service agrees with the demo's numbers: a newcomer waits, a cancellation promotes.
    event = full[0]
    first_waiting = event.registrations.filter(status=Status.WAITLISTED).order_by("created_at", "pk").first()
    newcomer = register(
        event, name="Late Comer", email="late.comer@example.com", organisation="Example", role="Engineer"
    )
    assert newcomer.status == Status.WAITLISTED
    promoted = cancel(event.registrations.filter(status=Status.CONFIRMED).first())
    assert promoted == [first_waiting]


def test_registrations_look_like_the_service_made_them_and_send_nothing_later(loaded):
    now = timezone.now()
    for event in english_events().filter(registration_required=True):
        registrations = event.registrations.all()
        confirmed = registrations.filter(status=Status.CONFIRMED).count()
        if event.capacity is not None:
            assert confirmed <= event.capacity, event
            if event.start > now and not event.cancelled and confirmed < event.capacity:
                assert not registrations.filter(status=Status.WAITLISTED).exists(), (
                    event
                )  # nobody waits for a free seat
        if event.registration_opens > now:
            assert not registrations.exists(), event
        closes = event.registration_closes or event.start
        for registration in registrations:
            assert event.registration_opens <= registration.created_at <= min(closes, now)
            assert registration.email.endswith((".example.com", ".example.org", "@example.com", "@example.org"))
            kinds = set(registration.emails.values_list("kind", flat=True))
            assert kinds & {RegistrationEmail.Kind.CONFIRMATION, RegistrationEmail.Kind.WAITLIST}
        active = registrations.exclude(status=Status.CANCELLED)
        assert active.values("email_key").distinct().count() == active.count()
    assert Registration.objects.count() >= 1000
    assert Registration.objects.exclude(needs="").exists()
    assert RegistrationEmail.objects.filter(kind=RegistrationEmail.Kind.REMINDER).exists()
    assert not registrations_due_a_reminder(now).exists()


def test_past_events_have_a_summary_real_pdf_slides_and_photos(loaded):
    now = timezone.now()
    past = english_events().filter(end__lt=now, cancelled=False)
    assert past.count() >= 20
    for event in past:
        assert "<li>" in event.summary, event
        assert event.materials.exists(), event
        if event.attendance != "online":
            assert 3 <= event.photos.count() <= 4, event
    for event in english_events().filter(start__gt=now):
        assert not event.summary and not event.materials.exists() and not event.photos.exists()

    documents = get_document_model().objects.filter(pk__in=EventMaterial.objects.values("document"))
    assert documents.count() >= 5
    for document in documents:
        with document.file.open("rb") as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-"), document.title
        assert len(data) > 1024 and document.file_size == len(data)
        assert 3 <= len(re.findall(rb"/Type\s*/Page\b", data)) <= 6, document.title  # one page per slide


def test_every_english_event_has_a_live_chinese_translation_with_the_same_details(loaded):
    chinese = Locale.objects.get(language_code="zh-hans")
    for event in english_events():
        translation = event.get_translation(chinese)
        assert translation.live, event
        assert translation.get_parent().specific_class is EventIndexPage
        assert HAN.search(translation.title) and HAN.search(translation.introduction), translation.title
        assert HAN.search(translation.description)
        for name in SHARED_FIELDS:
            assert getattr(translation, name) == getattr(event, name), (event, name)
        assert translation.source == event
        assert translation.speaker_links.count() == event.speaker_links.count()
        assert translation.materials.count() == event.materials.count()
        assert set(translation.topics.all()) == set(event.topics.all())
        assert not translation.registrations.exists()  # seats belong to the original
        if event.city:
            assert HAN.search(translation.city)


def test_navigation_links_the_events_in_both_languages(loaded):
    item = SiteIdentity.objects.get().menu_items.get(url="/events/")
    assert (item.label_en, item.label_zh, item.sort_order) == ("Events", "活动", 1)
    index = EventIndexPage.objects.get(locale__language_code="en")
    assert index.url == "/events/"
    assert index.get_translation(Locale.objects.get(language_code="zh-hans")).url == "/zh-hans/events/"


@pytest.mark.skipif(
    importlib.util.find_spec("initiatives.listing") is None, reason="the events listing view has not landed yet"
)
def test_events_pages_are_served_in_both_languages(loaded, client):
    for url in ("/events/", "/zh-hans/events/"):
        response = client.get(url)
        assert response.status_code == 200, url
    english = client.get("/events/").content.decode()
    upcoming = english_events().filter(start__gt=timezone.now()).first()
    assert upcoming.title.replace("'", "&#x27;") in english
    assert "活动" in client.get("/zh-hans/events/").content.decode()

    full = full_upcoming(timezone.now())[0]
    for page in (full, full.get_translation(Locale.objects.get(language_code="zh-hans"))):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


def test_topics_are_the_shared_list_and_load_idempotently(loaded):
    assert set(Topic.objects.values_list("slug", flat=True)) >= {slug for slug, *_ in TOPICS}
    load_topics()
    assert Topic.objects.count() == len(TOPICS)
    assert Topic.objects.get(slug="eod-financing").name_zh == "EOD模式与融资"


def test_loading_again_later_moves_the_events_and_adds_nothing(loaded):
    def counts():
        return {
            "pages": Page.objects.count(),
            "events": EventPage.objects.count(),
            "speakers": Speaker.objects.count(),
            "topics": Topic.objects.count(),
            "registrations": Counter(Registration.objects.values_list("status", flat=True)),
            "emails": RegistrationEmail.objects.count(),
            "images": get_image_model().objects.count(),
            "documents": get_document_model().objects.count(),
            "menu": SiteIdentity.objects.get().menu_items.count(),
        }

    before = counts()
    event = english_events().filter(end__lt=timezone.now(), registration_required=True, cancelled=False).first()
    registration = event.registrations.order_by("created_at").first()
    started, registered = event.start, registration.created_at
    later = loaded["loaded_at"] + datetime.timedelta(days=7)

    load_site(StringIO())
    result = load_events(StringIO(), now=later)

    assert counts() == before
    assert result["created"] == 0 and result["registrations"] == 0
    event.refresh_from_db()
    registration.refresh_from_db()
    moved = event.start - started
    assert datetime.timedelta(days=5) <= moved <= datetime.timedelta(days=9)  # a week on, give or take a weekend
    assert registration.created_at - registered == moved  # registrations keep their distance from the event
    assert event.get_translation(Locale.objects.get(language_code="zh-hans")).start == event.start
    assert not Registration.objects.filter(created_at__gt=later).exists()

"""Editing events in the Wagtail admin: times typed as clocks at the venue, impossible times refused."""

import datetime

import pytest
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from initiatives.models import EventPage
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def event_form(**changes) -> dict:
    data = {
        "title": "Green hydrogen in chemical parks",
        "slug": "green-hydrogen",
        "kind": "forum",
        "introduction": "Where electrolysers pay off first.",
        "language": "en",
        "description": rich_text(""),
        "start": "2026-12-01 09:30",
        "end": "2026-12-01 17:00",
        "time_zone": "Asia/Shanghai",
        "venue_name": "Suzhou Industrial Park Conference Centre",
        "city": "Suzhou",
        "registration_required": "on",
        "capacity": "80",
        "offer_hours": "24",
        "registration_opens": "",
        "registration_closes": "2026-11-30 18:00",
        "agenda": streamfield([]),
        "summary": rich_text(""),
        "speaker_links": inline_formset([]),
        "partners": inline_formset([]),
        "materials": inline_formset([]),
        "photos": inline_formset([]),
        "action-publish": "publish",
    }
    form = nested_form_data(data | changes)
    form.setdefault("reminder_hours", ["168", "24"])  # checkboxes: one value per box ticked
    return form


def add_url(index) -> str:
    return f"/admin/pages/add/initiatives/eventpage/{index.pk}/"


def test_times_are_read_as_clocks_in_the_events_zone(admin_client, event_index):
    response = admin_client.post(add_url(event_index), event_form(time_zone="Europe/London"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(slug="green-hydrogen")
    assert event.start == datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.UTC)  # London is on GMT in December
    assert event.registration_closes == datetime.datetime(2026, 11, 30, 18, 0, tzinfo=datetime.UTC)

    # The edit form shows the same clock back, not the admin's Beijing time.
    edit = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="2026-12-01 09:30"' in edit


def test_a_shanghai_event_is_stored_as_the_right_instant(admin_client, event_index):
    admin_client.post(add_url(event_index), event_form())
    event = EventPage.objects.get(slug="green-hydrogen")
    assert event.start == datetime.datetime(2026, 12, 1, 1, 30, tzinfo=datetime.UTC)
    assert (event.reminder_hours, event.offer_hours) == ([168, 24], 24)  # the ticked reminders, as hours


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end": "2026-12-01 09:00"}, "end", "must end after it starts"),
        ({"end": "2026-12-01 09:30"}, "end", "must end after it starts"),
        ({"registration_closes": "2026-12-02 10:00"}, "registration_closes", "cannot close after the event"),
        ({"venue_name": "", "online_url": ""}, "venue_name", "venue, an online link"),
    ],
)
def test_impossible_events_cannot_be_saved(admin_client, event_index, changes, field, message):
    response = admin_client.post(add_url(event_index), event_form(**changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not EventPage.objects.filter(slug="green-hydrogen").exists()


def test_a_translation_cannot_change_the_shared_details_and_follows_the_original(admin_client, event):
    chinese = Locale.objects.create(language_code="zh-hans")
    event.get_parent().get_parent().copy_for_translation(chinese)
    event.get_parent().copy_for_translation(chinese)
    translated = event.copy_for_translation(chinese)

    edit = admin_client.get(f"/admin/pages/{translated.pk}/edit/")
    form = edit.context["form"]
    assert form.fields["capacity"].disabled and form.fields["start"].disabled
    assert not form.fields["title"].disabled

    event.capacity = 120
    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    event.save_revision().publish()
    translated.refresh_from_db()
    assert (translated.capacity, translated.start) == (120, event.start)
    assert translated.latest_revision.as_object().capacity == 120

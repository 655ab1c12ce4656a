"""Tickets and checking in at the door: the QR code in the email and on the ticket page, the door's answers.

Bad codes (forged, reused, another event's) get a clear answer and change
nothing; two phones scanning one ticket at once record one attendance.
"""

import io
import threading

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connections
from django.test import Client
from PIL import Image

from initiatives.events.check_in import Outcome, check_in, door_counts
from initiatives.events.tickets import qr_payload, ticket_url
from initiatives.models import Registration
from tests.initiatives.events.factories import EventPageFactory, RegistrationFactory
from tests.initiatives.financiers.factories import in_group
from tests.members.factories import UserFactory

Status = Registration.Status


def door_url(event) -> str:
    return f"/admin/events/{event.pk}/door/"


def scan_url(event) -> str:
    return f"/admin/events/{event.pk}/door/check-in/"


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def editor():
    return in_group("Editors", first_name="Eli", last_name="Editor")


@pytest.mark.django_db
class TestTicket:
    def test_the_confirmation_carries_a_qr_code_of_the_signed_ticket_and_a_link_to_the_ticket_page(
        self, event, client, django_capture_on_commit_callbacks
    ):
        event.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                event.url + "register/",
                {"name": "Zhou Min", "email": "zhou@example.com", "organisation": "Example Steel", "role": "Engineer",
                 "consent": "on"},
            )  # fmt: skip
        assert response.status_code == 302
        registration = Registration.objects.get(email="zhou@example.com")
        (email,) = mail.outbox
        attachments = {name: (content, mimetype) for name, content, mimetype in email.attachments}
        assert set(attachments) == {"event.ics", "ticket.png"}
        png = Image.open(io.BytesIO(attachments["ticket.png"][0]))
        assert png.format == "PNG" and png.width >= 200
        assert registration.ticket_code_display in email.body
        assert ticket_url(registration) in email.body

        page = client.get(path_of(ticket_url(registration)))
        html = page.content.decode()
        assert page.status_code == 200
        assert "<svg" in html and registration.ticket_code_display in html
        assert event.url + "ical/" in html
        assert "Certificate" not in html  # not before they attended

    def test_a_ticket_link_that_was_altered_shows_nothing_of_anyone(self, event, client):
        registration = RegistrationFactory(event=event)
        url = path_of(ticket_url(registration))
        response = client.get(url[:-3] + "xx/")
        assert response.status_code == 404
        assert registration.name not in response.content.decode()


@pytest.mark.django_db
class TestCheckIn:
    def test_a_scan_checks_in_once_and_then_says_when(self, event):
        registration = RegistrationFactory(event=event, name="Zhou Min")

        first = check_in(event, qr_payload(registration))
        again = check_in(event, qr_payload(registration))

        assert first.outcome == Outcome.CHECKED_IN and "Zhou Min" in first.message
        registration.refresh_from_db()
        assert registration.checked_in_at is not None
        time = registration.checked_in_at.astimezone(event.zone).strftime("%H:%M")
        assert again.outcome == Outcome.ALREADY
        assert again.message == f"Zhou Min already checked in at {time}."
        assert Registration.objects.get(pk=registration.pk).checked_in_at == registration.checked_in_at

    def test_the_typed_code_works_in_any_case_with_or_without_the_dash(self, event):
        registration = RegistrationFactory(event=event)
        typed = f" {registration.ticket_code_display.lower()} "
        assert check_in(event, typed).outcome == Outcome.CHECKED_IN

    @pytest.mark.parametrize(
        "tamper",
        [
            lambda payload: payload[:-2] + ("AA" if not payload.endswith("AA") else "BB"),  # forged signature
            lambda payload: "ZZZZZZZZZZ:" + payload.split(":", 1)[1],  # another code under a real signature
            lambda payload: "ZZZZZ-ZZZZZ",  # a code of the right form that was never issued
            lambda payload: "hello",
        ],
    )
    def test_forged_or_made_up_codes_are_refused_and_change_nothing(self, event, tamper):
        registration = RegistrationFactory(event=event)
        answer = check_in(event, tamper(qr_payload(registration)))
        assert answer.outcome == Outcome.INVALID
        assert "Not a valid ticket" in answer.message
        assert not Registration.objects.filter(checked_in_at__isnull=False).exists()

    def test_another_events_ticket_is_not_registered_for_this_event(self, event, event_index):
        other = EventPageFactory(parent=event_index, title="Hydrogen forum")
        registration = RegistrationFactory(event=other, name="Li Wei")
        answer = check_in(event, qr_payload(registration))
        assert answer.outcome == Outcome.NOT_REGISTERED
        assert answer.message == "Li Wei is not registered for this event: the ticket is for “Hydrogen forum”."
        assert Registration.objects.get(pk=registration.pk).checked_in_at is None

    @pytest.mark.parametrize(
        ("status", "outcome"), [(Status.CANCELLED, Outcome.NOT_REGISTERED), (Status.WAITLISTED, Outcome.NOT_CONFIRMED)]
    )
    def test_cancelled_and_waiting_people_are_not_checked_in(self, event, status, outcome):
        registration = RegistrationFactory(event=event, status=status)
        assert check_in(event, qr_payload(registration)).outcome == outcome
        assert Registration.objects.get(pk=registration.pk).checked_in_at is None


@pytest.mark.skipif(
    connections["default"].vendor == "sqlite",
    reason="SQLite's in-memory test database refuses a second writer at once ('table is locked') instead of "
    "making it wait as the site's own database file does; the race is tested on PostgreSQL",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_phones_scanning_one_ticket_at_once_record_one_attendance(event):
    editor = in_group("Editors")
    registration = RegistrationFactory(event=event)
    payload = qr_payload(registration)
    phones = [Client() for _ in range(2)]
    for phone in phones:
        phone.force_login(editor)
    start = threading.Barrier(len(phones), timeout=30)
    answers = []

    def scan(phone):
        try:
            start.wait()
            answers.append(phone.post(scan_url(event), {"code": payload}).json())
        finally:
            connections.close_all()  # each thread has its own connection; leave none open

    threads = [threading.Thread(target=scan, args=(phone,)) for phone in phones]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answer["outcome"] for answer in answers) == ["already", "checked-in"]
    assert door_counts(event).checked_in == 1
    assert Registration.objects.filter(checked_in_at__isnull=False).count() == 1


@pytest.mark.django_db
class TestDoorPage:
    def test_staff_scan_and_get_the_counts_back(self, client, editor, event):
        registration = RegistrationFactory(event=event, name="Zhou Min")
        RegistrationFactory(event=event)
        client.force_login(editor)

        page = client.get(door_url(event))
        assert page.status_code == 200
        html = page.content.decode()
        assert "vendor/jsqr/jsQR.js" in html and "initiatives/door.js" in html

        answer = client.post(scan_url(event), {"code": qr_payload(registration)}).json()
        assert answer["ok"] and answer["outcome"] == "checked-in"
        assert answer["counts"] == {"checked_in": 1, "confirmed": 2, "walk_ins": 0}
        assert client.get(f"/admin/events/{event.pk}/door/counts/").json()["checked_in"] == 1

    def test_without_javascript_the_typed_code_posts_to_the_page(self, client, editor, event):
        registration = RegistrationFactory(event=event, name="Zhou Min")
        client.force_login(editor)
        response = client.post(door_url(event), {"code": registration.ticket_code})
        assert "Zhou Min, Example Chemicals: checked in." in response.content.decode()
        response = client.post(door_url(event), {"code": registration.ticket_code})
        assert "Zhou Min already checked in at" in response.content.decode()

    def test_a_walk_in_is_registered_and_checked_in_in_one_step_over_capacity(
        self, client, editor, event, django_capture_on_commit_callbacks
    ):
        event.capacity = 1
        event.save()
        RegistrationFactory(event=event)
        client.force_login(editor)
        form = {"walk_in": "1", "name": "Wang Fang", "email": "wang@example.com", "organisation": "Example Glass",
                "role": "", "consent": "on"}  # fmt: skip

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(door_url(event), form)

        assert "Wang Fang is registered and checked in." in response.content.decode()
        walk_in = Registration.objects.get(email="wang@example.com")
        assert walk_in.status == Status.CONFIRMED and walk_in.walk_in and walk_in.attended
        assert [email.to for email in mail.outbox] == [["wang@example.com"]]  # their ticket, for the certificate
        # The same person again is not registered twice.
        client.post(door_url(event), form)
        assert Registration.objects.filter(email_key="wang@example.com").count() == 1
        assert door_counts(event).walk_ins == 1

    def test_a_walk_in_without_consent_is_not_registered(self, client, editor, event):
        client.force_login(editor)
        response = client.post(
            door_url(event),
            {"walk_in": "1", "name": "Wang Fang", "email": "wang@example.com", "organisation": "Example Glass"},
        )
        assert "Ask for their agreement" in response.content.decode()
        assert not Registration.objects.filter(email="wang@example.com").exists()

    def test_staff_without_the_check_in_permission_are_refused(self, client, event):
        registration = RegistrationFactory(event=event)
        admin_only = Group.objects.create(name="Admin access only")
        admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
        user = UserFactory(is_staff=True)
        user.groups.add(admin_only)
        client.force_login(user)
        assert client.get(door_url(event)).status_code == 403
        assert client.post(scan_url(event), {"code": qr_payload(registration)}).status_code == 403
        assert Registration.objects.get(pk=registration.pk).checked_in_at is None

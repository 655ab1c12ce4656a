"""Certificates of attendance: a PDF in English or Chinese for people checked in, verifiable by anyone."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from initiatives.events.tickets import ticket_url, verification_path
from initiatives.models import Registration
from tests.initiatives.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def past_event(event):
    event.start = timezone.now() - datetime.timedelta(days=2)
    event.end = event.start + datetime.timedelta(hours=3, minutes=30)
    event.save()
    return event


@pytest.fixture
def attendee(past_event):
    return RegistrationFactory(event=past_event, name="张伟 Zhang Wei", checked_in_at=past_event.start)


def certificate(client, registration, language):
    return client.get(path_of(ticket_url(registration)) + f"certificate-{language}.pdf")


@pytest.mark.parametrize(
    ("language", "words"), [("en", ["Certificate of attendance", "Training hours: 3.5"]), ("zh-hans", ["出席证明"])]
)
def test_an_attendee_downloads_a_certificate_that_holds_their_name(client, attendee, language, words):
    page = client.get(path_of(ticket_url(attendee)))
    assert f"certificate-{language}.pdf" in page.content.decode()

    response = certificate(client, attendee, language)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "张伟 Zhang Wei" in text
    assert attendee.event.title in text
    for word in words:
        assert word in text
    assert verification_path(attendee) in text.replace("\n", "")


def test_someone_who_did_not_attend_gets_no_certificate(client, past_event):
    absent = RegistrationFactory(event=past_event, name="Li Wei")

    response = certificate(client, absent, "en")

    assert response.status_code == 403
    assert "we have no check-in for it" in response.content.decode()
    assert "certificate-en.pdf" not in client.get(path_of(ticket_url(absent))).content.decode()


def test_an_unknown_language_or_altered_link_gets_no_certificate(client, attendee):
    assert certificate(client, attendee, "fr").status_code == 404
    altered = path_of(ticket_url(attendee))[:-4] + "xx/certificate-en.pdf"
    assert client.get(altered).status_code == 404


def test_anyone_can_verify_a_certificate_and_a_forged_address_is_not_confirmed(client, attendee):
    response = client.get(verification_path(attendee))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Genuine" in html and "张伟 Zhang Wei" in html and attendee.event.title in html

    forged = client.get(verification_path(attendee)[:-4] + "xx/")
    assert forged.status_code == 404
    assert "张伟" not in forged.content.decode() and "Not confirmed" in forged.content.decode()


def test_a_registration_that_was_not_checked_in_does_not_verify(client, past_event):
    absent = RegistrationFactory(event=past_event, status=Registration.Status.CONFIRMED)
    assert client.get(verification_path(absent)).status_code == 404


def test_no_certificate_before_the_event_has_ended(client, event):
    early = RegistrationFactory(event=event, checked_in_at=event.start)
    response = certificate(client, early, "en")
    assert response.status_code == 403
    assert "once the event has ended" in response.content.decode()

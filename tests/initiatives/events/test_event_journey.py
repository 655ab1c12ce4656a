"""An upcoming seminar from a visitor's search to the seat passing down the waitlist, through the real views.

Filter the events listing to seminars in one city, open the seminar from its
card, download its .ics file, register for the last seat while a second
visitor lands on the waitlist, read the confirmation email, cancel through the
signed link in it, and see the seat go to the person waiting, who is told once.
"""

import datetime
import re
import zoneinfo
from html import unescape

import pytest
from django.core import mail
from freezegun import freeze_time
from icalendar import Calendar

from initiatives.models import EventKind, Registration, RegistrationEmail
from tests.initiatives.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
UTC = datetime.UTC
NOW = "2026-11-20 02:00:00"  # 10:00 in Shanghai
START = datetime.datetime(2026, 12, 3, 9, 30, tzinfo=SHANGHAI)  # 01:30 UTC
END = datetime.datetime(2026, 12, 3, 12, 0, tzinfo=SHANGHAI)


def visitor(name: str, email: str) -> dict:
    return {
        "name": name,
        "email": email,
        "organisation": "Example Chemicals",
        "role": "Energy manager",
        "needs": "",
        "consent": "on",
        "website": "",  # the honeypot, left empty as a person leaves it
    }


def card_links(html: str) -> dict[str, str]:
    """Each listed event's title and the address its card links to."""
    return {
        unescape(re.sub(r"<[^>]+>", "", title)).strip(): unescape(href)
        for href, title in re.findall(r'<h3 class="card__title"><a class="card__link" href="([^"]+)">(.*?)</a>', html)
    }


def only_href(html: str, pattern: str) -> str:
    [href] = re.findall(pattern, html)
    return unescape(href)


def registration_outcome(html: str) -> str:
    box = html[html.index('id="register"') :]
    return box[: box.index("</section>")]


@pytest.fixture
def programme(event_index):
    """The seminar to find, among events that a filter on kind and city must leave out."""

    def make(title, kind, city, start, end=None, **fields):
        end = end or start + datetime.timedelta(hours=2)
        return EventPageFactory(parent=event_index, title=title, kind=kind, city=city, start=start, end=end, **fields)

    with freeze_time(NOW):
        seminar = make("Carbon accounting for suppliers", EventKind.SEMINAR, "Hangzhou", START, END, capacity=1)
        make("Hangzhou open day", EventKind.OPEN_DAY, "Hangzhou", START + datetime.timedelta(days=2))
        make("Shanghai seminar on heat pumps", EventKind.SEMINAR, "Shanghai", START + datetime.timedelta(days=1))
        make("Last spring's Hangzhou seminar", EventKind.SEMINAR, "Hangzhou", datetime.datetime(2026, 4, 9, 14, tzinfo=SHANGHAI))  # fmt: skip
    return seminar


def test_a_visitor_finds_adds_registers_cancels_and_the_seat_goes_to_the_waitlist(
    client, event_index, programme, django_capture_on_commit_callbacks
):
    with freeze_time(NOW):
        listing = client.get(event_index.url, {"kind": "seminar", "city": "Hangzhou"})
    assert listing.status_code == 200
    links = card_links(listing.content.decode())
    assert list(links) == ["Carbon accounting for suppliers"]  # not the open day, the other city, nor the past one

    with freeze_time(NOW):
        page = client.get(links["Carbon accounting for suppliers"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "1 seat left of 1" in html

    ics_url = only_href(html, r'<a class="[^"]*" href="([^"]+)" download>')
    with freeze_time(NOW):
        ics = client.get(ics_url)
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    [vevent] = Calendar.from_ical(ics.content).events
    assert str(vevent["SUMMARY"]) == "Carbon accounting for suppliers"
    assert vevent.start == datetime.datetime(2026, 12, 3, 1, 30, tzinfo=UTC)
    assert vevent.end == datetime.datetime(2026, 12, 3, 4, 0, tzinfo=UTC)

    register_url = only_href(html, r'<form class="form registration__form" method="post" action="([^"]+)"')
    first, second = visitor("Zhang Min", "zhang.min@example.com"), visitor("Chen Jie", "chen.jie@example.com")
    with freeze_time(NOW), django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url, first, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    with freeze_time(NOW):
        outcome = registration_outcome(client.get(response["Location"]).content.decode())
    assert "You are registered. A confirmation is on its way to zhang.min@example.com." in outcome
    assert "Full" in outcome and "Join the waitlist" in outcome

    waiting_client = client.__class__()
    with freeze_time("2026-11-20 02:05:00"), django_capture_on_commit_callbacks(execute=True):
        response = waiting_client.post(register_url, second, REMOTE_ADDR="198.51.100.4")
    assert response.status_code == 302
    with freeze_time("2026-11-20 02:05:00"):
        outcome = registration_outcome(waiting_client.get(response["Location"]).content.decode())
    assert "The event is full, so you are on the waitlist. We will email chen.jie@example.com" in outcome
    assert "1 person on the waitlist" in outcome

    seated = Registration.objects.get(email="zhang.min@example.com")
    waiting = Registration.objects.get(email="chen.jie@example.com")
    assert (seated.status, waiting.status) == (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)
    confirmation, waitlist_notice = mail.outbox
    assert confirmation.to == ["zhang.min@example.com"]
    assert confirmation.subject == "You are registered: Carbon accounting for suppliers"
    assert waitlist_notice.to == ["chen.jie@example.com"]
    assert waitlist_notice.subject == "You are on the waitlist: Carbon accounting for suppliers"
    [(name, attached, _), (ticket, *_)] = confirmation.attachments
    assert (name, ticket) == ("event.ics", "ticket.png")
    assert Calendar.from_ical(attached).events[0].start == datetime.datetime(2026, 12, 3, 1, 30, tzinfo=UTC)

    [cancel_url] = re.findall(r"http://testserver(/registrations/cancel/[^/\s]+/)", confirmation.body)
    with freeze_time("2026-11-21 08:00:00"):
        asked = client.get(cancel_url)
    assert asked.status_code == 200
    assert "Yes, cancel my registration" in asked.content.decode()
    seated.refresh_from_db()
    assert seated.status == Registration.Status.CONFIRMED  # following the link alone changes nothing

    mail.outbox.clear()
    with freeze_time("2026-11-21 08:00:00"), django_capture_on_commit_callbacks(execute=True):
        done = client.post(cancel_url)
    assert done.status_code == 200
    assert "Your registration is cancelled" in done.content.decode()

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED
    sent = sorted((message.to[0], message.subject) for message in mail.outbox)
    assert sent == [
        ("chen.jie@example.com", "A seat is yours: Carbon accounting for suppliers"),
        ("zhang.min@example.com", "Registration cancelled: Carbon accounting for suppliers"),
    ]
    promotion = next(message for message in mail.outbox if message.to == ["chen.jie@example.com"])
    assert "it is now yours" in promotion.body
    assert promotion.attachments[0][0] == "event.ics"

    # The link used again, and the page seen again: the seat stays with Chen Jie, who is told only once.
    with freeze_time("2026-11-21 08:10:00"), django_capture_on_commit_callbacks(execute=True):
        again = client.post(cancel_url)
    assert "already cancelled" in again.content.decode()
    assert [message.to for message in mail.outbox].count(["chen.jie@example.com"]) == 1
    assert RegistrationEmail.objects.filter(registration=waiting, kind=RegistrationEmail.Kind.PROMOTION).count() == 1
    with freeze_time("2026-11-21 08:10:00"):
        outcome = registration_outcome(client.get(links["Carbon accounting for suppliers"]).content.decode())
    assert "Full" in outcome and "on the waitlist" not in outcome

"""Registration rules through the service and the public form: seats, waitlist, refusals, bots."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from initiatives.events import registration as rules
from initiatives.events.cancel_links import cancel_token
from initiatives.models import Registration, RegistrationEmail
from tests.initiatives.events.factories import EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Li Wei",
    "email": "li.wei@example.com",
    "organisation": "Example Chemicals",
    "role": "Energy manager",
    "needs": "Vegetarian meal",
    "consent": "on",
    "website": "",
}


def sign_up(event, email: str, **extra) -> Registration:
    details = {"name": "Visitor", "organisation": "Example Co", "role": "Engineer"} | extra
    return rules.register(event, email=email, **details)


def post(client, event, **changes):
    return client.post(event.url + "register/", FORM | changes, REMOTE_ADDR=changes.pop("ip", "203.0.113.7"))


class TestSeatsAndWaitlist:
    def test_seats_are_confirmed_until_full_then_people_wait_in_order(self, event, django_capture_on_commit_callbacks):
        event.capacity = 2
        event.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            people = [sign_up(event, f"p{i}@example.com") for i in range(4)]

        assert [p.status for p in people] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
        assert event.seats_left() == 0
        assert event.waitlist_length() == 2
        kinds = sorted(RegistrationEmail.objects.values_list("kind", flat=True))
        assert kinds == ["confirmation", "confirmation", "waitlist", "waitlist"]
        assert len(mail.outbox) == 4
        assert "registered" in mail.outbox[0].subject.lower()
        assert "waitlist" in mail.outbox[2].subject.lower()

    def test_no_capacity_means_everyone_gets_a_seat(self, event):
        event.capacity = None
        event.save()
        assert all(sign_up(event, f"p{i}@example.com").status == "confirmed" for i in range(5))
        assert event.seats_left() is None

    def test_confirmation_carries_the_details_a_cancel_link_and_a_calendar_file(
        self, event, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            person = sign_up(event, "li.wei@example.com", name="Li Wei")

        message = mail.outbox[0]
        assert message.to == ["li.wei@example.com"]
        assert event.title in message.subject
        assert "Dear Li Wei" in message.body
        assert "Pudong Conference Centre" in message.body
        assert event.local_start.strftime("%H:%M") in message.body
        assert "UTC+08:00" in message.body
        assert f"/registrations/cancel/{cancel_token(person)}/" in message.body
        (name, content, mimetype) = message.attachments[0]
        assert name == "event.ics" and mimetype.startswith("text/calendar")
        assert "BEGIN:VEVENT" in str(content)


class TestRefusals:
    def test_the_same_email_twice_is_refused_whatever_its_case(self, event):
        sign_up(event, "Li.Wei@Example.com")
        with pytest.raises(rules.RegistrationRefused, match="already registered"):
            sign_up(event, " li.wei@example.COM ")
        assert Registration.objects.count() == 1

    def test_after_cancelling_one_may_register_again(self, event):
        first = sign_up(event, "li.wei@example.com")
        rules.cancel(first)
        again = sign_up(event, "li.wei@example.com")
        assert again.pk != first.pk and again.status == "confirmed"

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"registration_opens": datetime.timedelta(days=1)}, "not opened yet"),
            ({"registration_closes": datetime.timedelta(hours=-1)}, "closed"),
            ({"start": datetime.timedelta(days=-10)}, "taken place"),
            ({"cancelled": True}, "cancelled"),
            ({"registration_required": False}, "No registration needed"),
        ],
    )
    def test_registration_outside_its_window_is_refused(self, event_index, changes, message):
        now = timezone.now()
        fields = {}
        for name, value in changes.items():
            fields[name] = now + value if isinstance(value, datetime.timedelta) else value
        if "start" in fields:
            fields["end"] = fields["start"] + datetime.timedelta(hours=2)
        event = EventPageFactory(parent=event_index, **fields)

        with pytest.raises(rules.RegistrationRefused, match=message):
            sign_up(event, "li.wei@example.com")
        assert not Registration.objects.exists()


class TestPublicForm:
    def test_a_visitor_registers_and_sees_it_confirmed(self, client, event, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, event)

        assert response.status_code == 302
        assert response["Location"] == event.url + "#register"
        entry = Registration.objects.get()
        assert (entry.name, entry.email, entry.needs, entry.language) == (
            "Li Wei",
            FORM["email"],
            "Vegetarian meal",
            "en",
        )
        assert entry.consented_at is not None
        html = client.get(response["Location"]).content.decode()
        # Shown once, inside the registration box the redirect scrolls to.
        assert html.count("You are registered") == 1
        assert html.index('id="register"') < html.index("You are registered")
        assert len(mail.outbox) == 1

    def test_the_form_is_on_the_event_page(self, client, event):
        html = client.get(event.url).content.decode()
        assert f'action="/registrations/event/{event.pk}/"' in html
        assert "49 seats left of 50" not in html  # nobody has registered yet
        assert "50 seats left of 50" in html

    def test_a_second_registration_with_the_same_email_gets_a_message_and_no_row(self, client, event):
        post(client, event)
        response = post(client, event, name="Someone Else")
        assert response.status_code == 409
        assert "already registered" in response.content.decode()
        assert Registration.objects.count() == 1

    def test_missing_consent_keeps_what_was_typed_and_saves_nothing(self, client, event):
        response = post(client, event, consent="")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Please agree to the privacy notice" in html
        assert 'value="li.wei@example.com"' in html
        assert not Registration.objects.exists()

    def test_a_filled_honeypot_is_refused(self, client, event):
        response = post(client, event, website="https://spam.example")
        assert response.status_code == 400
        assert not Registration.objects.exists()

    def test_one_address_is_limited_then_others_still_get_through(self, client, event, settings):
        settings.EVENT_REGISTRATION_RATE = (3, 600)
        for i in range(3):
            assert post(client, event, email=f"p{i}@example.com", ip="198.51.100.1").status_code == 302
        blocked = post(client, event, email="p9@example.com", ip="198.51.100.1")
        assert blocked.status_code == 429
        assert "Too many registrations" in blocked.content.decode()
        assert post(client, event, email="other@example.com", ip="198.51.100.2").status_code == 302
        assert Registration.objects.count() == 4

    def test_a_closed_event_refuses_posts_even_without_the_form(self, client, event_index):
        started = timezone.now() - datetime.timedelta(hours=1)
        event = EventPageFactory(parent=event_index, start=started, end=started + datetime.timedelta(hours=3))
        html = client.get(event.url).content.decode()
        assert 'name="email"' not in html
        response = post(client, event)
        assert response.status_code == 409
        assert "Registration is closed" in response.content.decode()
        assert not Registration.objects.exists()

    def test_get_on_the_register_address_goes_back_to_the_page(self, client, event):
        response = client.get(event.url + "register/")
        assert response.status_code == 302 and response["Location"] == event.url + "#register"


class TestTranslations:
    def test_registering_on_the_chinese_page_takes_a_seat_of_the_one_event_and_writes_in_chinese(
        self, client, event, django_capture_on_commit_callbacks
    ):
        chinese = Locale.objects.create(language_code="zh-hans")
        event.get_parent().get_parent().copy_for_translation(chinese)
        event.get_parent().copy_for_translation(chinese)
        translated = event.copy_for_translation(chinese)
        translated.title = "碳核算研讨会"
        translated.save_revision().publish()
        RegistrationFactory(event=event)

        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, translated)

        assert response.status_code == 302
        entry = Registration.objects.get(email=FORM["email"])
        assert entry.event_id == event.pk and entry.language == "zh-hans"
        assert translated.specific.seats_left() == 48
        assert "碳核算研讨会" in mail.outbox[0].subject
        assert "您" in mail.outbox[0].body or "报名" in mail.outbox[0].body

"""Event registrations in the admin: the list, exports, check-in list and staff cancellation.

Written from both sides: the people who must be refused (anonymous visitors,
member representatives, staff without the registration permissions) and the
event staff who run events with these pages.
"""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.staticfiles import finders
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.models.audit_log import ModelLogEntry
from wagtail.users.models import UserProfile

from initiatives.models import Registration
from tests.initiatives.events.factories import EventPageFactory, RegistrationFactory, SpeakerFactory
from tests.initiatives.financiers.factories import in_group
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/registrations/"
Status = Registration.Status


def check_in_url(page) -> str:
    return f"/admin/events/{page.pk}/check-in/"


def cancel_url(registration) -> str:
    return f"/admin/registrations/cancel/{registration.pk}/"


def list_url(event, **params) -> str:
    query = "&".join(f"{key}={value}" for key, value in {"event": event.pk, **params}.items())
    return f"{LIST_URL}?{query}"


def export_url(event, export_format="csv") -> str:
    return list_url(event, export=export_format)


@pytest.fixture
def moderator():
    return in_group("Moderators", first_name="Mei", last_name="Moderator")


@pytest.fixture
def editor():
    return in_group("Editors", first_name="Eli", last_name="Editor")


@pytest.fixture
def staff_without_permission():
    """An admin user who edits pages but was never given any registration permission."""
    group = Group.objects.create(name="Page editors")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=Page.get_first_root_node(), permission=Permission.objects.get(codename="change_page")
    )
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def representative():
    """Logged in on the site (a member company's representative), with no admin access."""
    return UserFactory()


@pytest.fixture
def people(event):
    """A full event of three seats: three confirmed (one with needs), one cancelled and two waiting, in this order."""
    event.capacity = 3
    event.save()
    return {
        "zhou": RegistrationFactory(event=event, name="Zhou Min", organisation="Brightwater Automotive"),
        "anna": RegistrationFactory(
            event=event, name="anna Berg", needs="Vegetarian\nWheelchair access", language="zh-hans"
        ),
        "li": RegistrationFactory(event=event, name="Li Wei", role="Plant manager"),
        "gone": RegistrationFactory(event=event, name="Carl Cancelled", status=Status.CANCELLED),
        "first": RegistrationFactory(event=event, name="Wang Fang", status=Status.WAITLISTED),
        "second": RegistrationFactory(event=event, name="Bao Yu", status=Status.WAITLISTED),
    }


@pytest.fixture
def other_registration(event_index):
    return RegistrationFactory(event=EventPageFactory(parent=event_index, title="Other forum"), name="Olga Other")


# --- Who is refused ------------------------------------------------------------------


def urls_for(registration):
    return [
        LIST_URL,
        list_url(registration.event),
        export_url(registration.event, "csv"),
        export_url(registration.event, "xlsx"),
        check_in_url(registration.event),
        f"/admin/registrations/inspect/{registration.pk}/",
        f"/admin/registrations/edit/{registration.pk}/",
        cancel_url(registration),
    ]


def test_anonymous_visitors_are_sent_to_the_login(client, people):
    for url in urls_for(people["zhou"]):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/admin/login/"), url

    response = client.post(cancel_url(people["zhou"]))

    assert response.status_code == 302 and response.url.startswith("/admin/login/")
    assert Registration.objects.get(pk=people["zhou"].pk).status == Status.CONFIRMED


def test_a_logged_in_representative_without_admin_access_is_refused(client, representative, people):
    client.force_login(representative)

    for url in urls_for(people["zhou"]):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/admin/login/"), url
        assert b"Zhou Min" not in response.content

    client.post(cancel_url(people["zhou"]))
    assert Registration.objects.get(pk=people["zhou"].pk).status == Status.CONFIRMED


def test_staff_without_registration_permission_get_403_everywhere(client, staff_without_permission, people):
    client.force_login(staff_without_permission)

    for url in urls_for(people["zhou"]):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Zhou Min" not in response.content, url
        assert b"visitor" not in response.content, url  # no email address leaks into the refusal

    response = client.post(cancel_url(people["zhou"]))

    assert response.status_code == 403
    assert Registration.objects.get(pk=people["zhou"].pk).status == Status.CONFIRMED
    assert Registration.objects.get(pk=people["first"].pk).status == Status.WAITLISTED


def test_staff_without_permission_are_refused_the_results_fragment_and_history(
    client, staff_without_permission, people
):
    client.force_login(staff_without_permission)
    registration = people["zhou"]

    for url in (
        f"{LIST_URL}results/?event={registration.event.pk}",
        f"/admin/registrations/history/{registration.pk}/",
        f"/admin/registrations/delete/{registration.pk}/",
    ):
        assert client.get(url).status_code == 403, url


def test_editors_may_read_but_not_cancel(client, editor, people):
    client.force_login(editor)

    assert client.get(list_url(people["zhou"].event)).status_code == 200
    assert client.get(export_url(people["zhou"].event)).status_code == 200
    assert client.get(check_in_url(people["zhou"].event)).status_code == 200
    assert client.get(f"/admin/registrations/inspect/{people['zhou'].pk}/").status_code == 200

    assert client.get(cancel_url(people["zhou"])).status_code == 403
    assert client.post(cancel_url(people["zhou"])).status_code == 403
    assert client.post(f"/admin/registrations/edit/{people['zhou'].pk}/", {"name": "X"}).status_code == 403
    assert Registration.objects.get(pk=people["zhou"].pk).status == Status.CONFIRMED
    assert Registration.objects.get(pk=people["zhou"].pk).name == "Zhou Min"


def test_the_migration_grants_the_groups_their_permissions():
    def codenames(group_name):
        return set(
            Group.objects.get(name=group_name)
            .permissions.filter(
                content_type__app_label="initiatives", content_type__model__in=["registration", "speaker"]
            )
            .values_list("codename", flat=True)
        )

    assert codenames("Moderators") == {
        "view_registration",
        "change_registration",
        "delete_registration",
        "check_in_registration",
        "add_speaker",
        "change_speaker",
        "view_speaker",
    }
    assert codenames("Editors") == {
        "view_registration",
        "check_in_registration",
        "add_speaker",
        "change_speaker",
        "view_speaker",
    }


# --- The list and its exports --------------------------------------------------------


def test_moderator_sees_the_list_filtered_by_event(client, moderator, people, other_registration):
    client.force_login(moderator)

    response = client.get(list_url(people["zhou"].event))

    assert response.status_code == 200
    html = response.content.decode()
    for name in ("Zhou Min", "anna Berg", "Li Wei", "Carl Cancelled", "Wang Fang", "Bao Yu"):
        assert name in html
    assert "Olga Other" not in html
    assert "On the waitlist" in html
    assert check_in_url(people["zhou"].event) in html  # the filtered list links to its check-in list
    assert "/admin/registrations/new/" not in html  # registrations come from the public form only

    everything = client.get(LIST_URL).content.decode()
    assert "Olga Other" in everything and "Zhou Min" in everything


def test_list_filters_by_status_and_searches(client, moderator, people):
    client.force_login(moderator)
    event = people["zhou"].event

    waiting = client.get(list_url(event, status="waitlisted")).content.decode()
    found = client.get(f"{LIST_URL}?q=brightwater").content.decode()

    assert "Wang Fang" in waiting and "Bao Yu" in waiting and "Zhou Min" not in waiting
    assert "Zhou Min" in found and "Li Wei" not in found


def read_csv(response) -> list[dict]:
    # UTF-8 with a byte-order mark, so that Excel reads Chinese names.
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_csv_export_has_this_events_rows_only(client, moderator, people, other_registration):
    client.force_login(moderator)
    event = people["zhou"].event

    response = client.get(export_url(event))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="registrations-{event.slug}-{event.local_start:%Y-%m-%d}.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert {row["Full name"] for row in rows} == {
        "Zhou Min",
        "anna Berg",
        "Li Wei",
        "Carl Cancelled",
        "Wang Fang",
        "Bao Yu",
    }
    assert list(rows[0]) == [
        "Event",
        "Full name",
        "Email",
        "Organisation",
        "Role",
        "Accessibility or dietary needs",
        "Email language",
        "Status",
        "Registered at",
        "Moved off the waitlist at",
        "Cancelled at",
        "Checked in at",
        "Walk-in",
    ]
    anna = next(row for row in rows if row["Full name"] == "anna Berg")
    assert anna["Accessibility or dietary needs"] == "Vegetarian\nWheelchair access"
    assert anna["Email language"] == "Simplified Chinese"
    assert anna["Event"] == event.title
    assert anna["Email"] == people["anna"].email
    assert {row["Status"] for row in rows} == {"Confirmed", "On the waitlist", "Cancelled"}


def test_csv_export_keeps_typed_formulas_inert(client, moderator, event):
    RegistrationFactory(event=event, name='=HYPERLINK("http://evil.example")', organisation="+Acme", role="-1")
    client.force_login(moderator)

    (row,) = read_csv(client.get(export_url(event)))

    assert row["Full name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["Organisation"] == "'+Acme"
    assert row["Role"] == "'-1"


def test_xlsx_export_is_offered_too(client, moderator, people):
    client.force_login(moderator)
    event = people["zhou"].event

    response = client.get(export_url(event, "xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f"registrations-{event.slug}" in response["Content-Disposition"]


def test_unfiltered_export_is_named_by_date(client, moderator, people):
    client.force_login(moderator)

    response = client.get(f"{LIST_URL}?export=csv")

    assert 'filename="registrations-' in response["Content-Disposition"]
    assert len(read_csv(response)) == 6


def test_inspect_view_shows_the_details_and_emails(client, moderator, people):
    client.force_login(moderator)

    html = client.get(f"/admin/registrations/inspect/{people['anna'].pk}/").content.decode()

    assert "anna Berg" in html
    assert "Wheelchair access" in html
    assert "Simplified Chinese" in html
    assert cancel_url(people["anna"]) in html


def test_moderator_may_correct_details_but_not_the_status(client, moderator, people):
    client.force_login(moderator)
    registration = people["li"]

    response = client.post(
        f"/admin/registrations/edit/{registration.pk}/",
        {"name": "Li Wei (Dr)", "organisation": "Castellan Energy", "role": "CTO", "needs": "", "status": "cancelled"},
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.name, registration.organisation, registration.status) == (
        "Li Wei (Dr)",
        "Castellan Energy",
        Status.CONFIRMED,
    )


def test_active_registrations_are_not_deleted_before_the_event(client, moderator, people):
    client.force_login(moderator)

    response = client.post(f"/admin/registrations/delete/{people['zhou'].pk}/")

    assert response.status_code == 302
    assert Registration.objects.filter(pk=people["zhou"].pk).exists()

    client.post(f"/admin/registrations/delete/{people['gone'].pk}/")
    assert not Registration.objects.filter(pk=people["gone"].pk).exists()


# --- The check-in list -----------------------------------------------------------


def test_check_in_list_shows_confirmed_people_by_name_and_the_waitlist_in_order(client, moderator, people):
    client.force_login(moderator)
    event = people["zhou"].event

    response = client.get(check_in_url(event))

    assert response.status_code == 200
    html = response.content.decode()
    assert event.title in html
    assert "Pudong Conference Centre" in html
    assert f"{event.local_start:%H:%M}" in html
    assert "3 confirmed of 3 seats" in html
    assert "2 on the waitlist" in html
    assert "Carl Cancelled" not in html
    confirmed, waitlist = html.split('class="waitlist"')
    # A-Z regardless of case, and nobody waiting among the confirmed.
    assert confirmed.index("anna Berg") < confirmed.index("Li Wei") < confirmed.index("Zhou Min")
    assert "Wang Fang" not in confirmed and "Bao Yu" not in confirmed
    # The waitlist in the order people joined it, not by name.
    assert waitlist.index("Wang Fang") < waitlist.index("Bao Yu")
    assert "Zhou Min" not in waitlist
    assert "Vegetarian" in confirmed
    # The print layout is a static stylesheet (no inline styles under the Content-Security-Policy).
    assert "initiatives/check_in.css" in html
    stylesheet = Path(finders.find("initiatives/check_in.css")).read_text()
    assert "@media print" in stylesheet and "table-header-group" in stylesheet and "size: A4" in stylesheet
    assert "Print" in html


def test_check_in_list_in_chinese_for_staff_who_use_the_admin_in_chinese(client, moderator, people):
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(moderator)
    event = people["zhou"].event

    response = client.get(check_in_url(event))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert f"{event.local_start.year}年" in html  # the date as Chinese readers write it
    assert "Zhou Min" in html


def test_check_in_list_for_a_chinese_translation_leads_to_the_original(client, moderator, people):
    event = people["zhou"].event
    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    translation = event.copy_for_translation(chinese, copy_parents=True)
    client.force_login(moderator)

    response = client.get(check_in_url(translation), follow=True)

    assert response.redirect_chain == [(check_in_url(event), 302)]
    assert "Zhou Min" in response.content.decode()


def test_check_in_list_is_404_for_a_page_that_is_not_an_event(client, moderator, event):
    client.force_login(moderator)

    assert client.get(check_in_url(event.get_parent())).status_code == 404
    assert client.get("/admin/events/999999/check-in/").status_code == 404


# --- Staff cancellation ------------------------------------------------------------


def test_cancel_asks_first_and_names_who_gets_the_seat(client, moderator, people):
    client.force_login(moderator)

    response = client.get(cancel_url(people["zhou"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Zhou Min" in html and "Wang Fang" in html and "Bao Yu" not in html
    assert 'method="POST"' in html and "csrfmiddlewaretoken" in html
    assert Registration.objects.get(pk=people["zhou"].pk).status == Status.CONFIRMED


def test_cancel_needs_the_csrf_token(moderator, people):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    response = client.post(cancel_url(people["zhou"]))

    assert response.status_code == 403
    assert Registration.objects.get(pk=people["zhou"].pk).status == Status.CONFIRMED


def test_staff_cancel_promotes_the_first_waitlisted_person_and_emails_them(
    client, moderator, people, django_capture_on_commit_callbacks
):
    event = people["zhou"].event
    client.force_login(moderator)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(people["zhou"]))

    assert response.status_code == 302
    assert response.url == list_url(event)
    statuses = dict(Registration.objects.filter(event=event).values_list("name", "status"))
    assert statuses["Zhou Min"] == Status.CANCELLED
    assert statuses["Wang Fang"] == Status.CONFIRMED
    assert statuses["Bao Yu"] == Status.WAITLISTED
    promoted = Registration.objects.get(pk=people["first"].pk)
    assert promoted.promoted_at is not None
    sent = {(message.to[0], message.subject) for message in mail.outbox}
    assert (people["first"].email, f"A seat is yours: {event.title}") in sent
    assert (people["zhou"].email, f"Registration cancelled: {event.title}") in sent
    assert not any(people["second"].email in message.to for message in mail.outbox)
    actions = set(ModelLogEntry.objects.filter(user=moderator).values_list("action", flat=True))
    assert actions == {"initiatives.registration.cancel", "initiatives.registration.promote"}


def test_cancelling_twice_changes_nothing(client, moderator, people):
    client.force_login(moderator)
    client.post(cancel_url(people["zhou"]))

    response = client.post(cancel_url(people["zhou"]))

    assert response.status_code == 302
    assert Registration.objects.get(pk=people["second"].pk).status == Status.WAITLISTED
    assert ModelLogEntry.objects.filter(action="initiatives.registration.cancel").count() == 1
    assert client.get(cancel_url(people["zhou"])).status_code == 302  # nothing left to confirm


def test_a_past_events_registrations_are_not_cancelled_but_may_be_deleted(client, moderator, event_index):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    past = EventPageFactory(parent=event_index, start=yesterday, end=yesterday + datetime.timedelta(hours=2))
    registration = RegistrationFactory(event=past, name="Pat Past")
    client.force_login(moderator)

    assert "Yes, cancel" not in client.get(cancel_url(registration)).content.decode()
    response = client.post(cancel_url(registration), follow=True)

    assert "already taken place" in response.content.decode()
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED

    client.post(f"/admin/registrations/delete/{registration.pk}/")
    assert not Registration.objects.filter(pk=registration.pk).exists()


def test_cancel_returns_to_a_safe_next_url_only(client, moderator, people):
    client.force_login(moderator)

    response = client.post(cancel_url(people["li"]), {"next": "https://evil.example/"})

    assert response.url == list_url(people["li"].event)


# --- Entry points on event pages --------------------------------------------------


def test_event_page_header_and_listing_offer_registrations_and_check_in(client, moderator, people):
    event = people["zhou"].event
    client.force_login(moderator)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[event.get_parent().pk])).content.decode()

    for html in (edit, listing):
        assert "Registrations (5)" in html  # cancelled people are not counted
        assert list_url(event) in html
        assert check_in_url(event) in html


def test_a_translation_links_to_the_originals_registrations(client, moderator, people):
    event = people["zhou"].event
    translation = event.copy_for_translation(Locale.objects.get_or_create(language_code="zh-hans")[0], True)
    client.force_login(moderator)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk])).content.decode()

    assert "Registrations (5)" in html
    assert list_url(event) in html and check_in_url(event) in html


def test_event_buttons_are_hidden_from_staff_who_may_not_see_registrations(client, staff_without_permission, people):
    event = people["zhou"].event
    client.force_login(staff_without_permission)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))

    assert response.status_code == 200
    assert "Registrations (" not in response.content.decode()
    assert check_in_url(event) not in response.content.decode()


def test_event_pages_menu_entry_opens_the_events_index_in_the_explorer(client, editor, event):
    client.force_login(editor)

    response = client.get("/admin/events/")

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[event.get_parent().pk])


def test_events_open_to_all_get_no_registration_buttons(client, moderator, event_index):
    open_day = EventPageFactory(parent=event_index, registration_required=False, capacity=None)
    client.force_login(moderator)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[open_day.pk])).content.decode()

    assert "Registrations (" not in html and check_in_url(open_day) not in html


# --- Speakers ------------------------------------------------------------------------


def test_speakers_are_listed_and_searchable(client, editor):
    SpeakerFactory(name="Chen Jing", organisation="Tsinghua University")
    SpeakerFactory(name="Maria Schmidt", organisation="Fraunhofer ISE")
    client.force_login(editor)

    html = client.get("/admin/snippets/initiatives/speaker/?q=fraunhofer").content.decode()

    assert "Maria Schmidt" in html and "Chen Jing" not in html

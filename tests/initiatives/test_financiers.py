"""Financier accounts: signing up, signing in, staff approval, and who is refused what.

Written from both sides: a financier who signs up and waits, staff who
approve or reject them, and the people who must be refused (anonymous
visitors, a pending financier, a member representative, staff without the
financier permissions).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from initiatives.access import FINANCIERS_GROUP, can_see_restricted
from initiatives.financiers import accounts
from initiatives.models import Financier, FinancierEmail
from initiatives.tasks import notify_staff_of_financier_signup, send_financier_decision
from tests.initiatives.financier_factories import PASSWORD, FinancierFactory, in_group
from tests.members.factories import RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Financier.Status
SIGNUP = "/financiers/signup/"
LOGIN = "/financiers/login/"
DASHBOARD = "/financiers/"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def moderator():
    return in_group("Moderators", first_name="Mei", last_name="Moderator", email="mei@association.example.org")


@pytest.fixture
def pending():
    return FinancierFactory(status=Status.PENDING, full_name="Wang Pending")


@pytest.fixture
def financier():
    return FinancierFactory(full_name="Zhang Approved")


def signup_data(**changes):
    data = {
        "full_name": "  Chen   Hua ",
        "email": "Chen.Hua@Greenfund.example.com",
        "password1": "rivers-and-wetlands-2060",
        "password2": "rivers-and-wetlands-2060",
        "organisation": "Greenfund Capital",
        "kind": "fund",
        "position": "Investment director",
        "phone": "+86 10 5555 0199",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# --- Signing up ------------------------------------------------------------------------


def test_signing_up_makes_a_pending_account_and_tells_staff_once(client, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, signup_data())

    assert response.status_code == 302 and response["Location"] == DASHBOARD
    financier = Financier.objects.get()
    assert financier.status == Status.PENDING
    assert financier.full_name == "Chen Hua"
    assert financier.user.username == "chen.hua@greenfund.example.com"
    assert financier.user.email == "Chen.Hua@greenfund.example.com"  # Django lower-cases the domain
    assert financier.user.check_password("rivers-and-wetlands-2060")
    assert not financier.user.groups.filter(name=FINANCIERS_GROUP).exists()
    assert financier.consented_at is not None
    # Staff hear about it, once, with a link to the account in the admin.
    assert [message.to for message in mail.outbox] == [["mei@association.example.org"]]
    assert "Chen Hua" in mail.outbox[0].subject and "Greenfund Capital" in mail.outbox[0].subject
    assert f"/admin/financiers/inspect/{financier.pk}/" in mail.outbox[0].body
    assert notify_staff_of_financier_signup.delay(financier.pk).get() is False
    assert len(mail.outbox) == 1
    # They are signed in and see where they stand.
    page = client.get(DASHBOARD)
    assert page.status_code == 200
    assert "Waiting for approval" in page.content.decode()


def test_without_moderators_the_sign_up_goes_to_the_site_address(settings, django_capture_on_commit_callbacks):
    settings.DEFAULT_FROM_EMAIL = "secretariat@association.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(SIGNUP, signup_data())
    assert [message.to for message in mail.outbox] == [["secretariat@association.example.org"]]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"password1": "short", "password2": "short"}, "password1", "too short"),
        ({"password1": "password123", "password2": "password123"}, "password1", "too common"),
        ({"password2": "something-else-entirely"}, "password2", "The two passwords differ."),
        ({"consent": None}, "consent", "Please agree to the privacy notice"),
        ({"kind": "pension-fund"}, "kind", "Select a valid choice."),
        ({"phone": "call me maybe"}, "phone", "Use digits"),
        ({"full_name": ""}, "full_name", "This field is required."),
    ],
)
def test_bad_sign_ups_are_refused_with_a_reason(client, changes, field, message):
    response = client.post(SIGNUP, signup_data(**changes))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Financier.objects.exists()
    assert not get_user_model().objects.exists()


def test_an_email_already_in_use_is_refused_whatever_its_case(client):
    UserFactory(username="chen.hua@greenfund.example.com", email="chen.hua@greenfund.example.com")

    response = client.post(SIGNUP, signup_data(email="CHEN.HUA@greenfund.example.com"))

    assert response.status_code == 200
    assert "already exists" in " ".join(response.context["form"].errors["email"])
    assert get_user_model().objects.count() == 1


def test_a_sign_up_racing_another_for_the_same_address_is_refused():
    accounts.sign_up(
        full_name="A", email="same@bank.example.com", password=PASSWORD, organisation="Bank", kind="bank", position="X"
    )
    with pytest.raises(accounts.SignUpRefused):
        accounts.sign_up(
            full_name="B",
            email="SAME@bank.example.com",
            password=PASSWORD,
            organisation="Bank",
            kind="bank",
            position="Y",
        )


def test_the_honeypot_refuses_software(client):
    response = client.post(SIGNUP, signup_data(website="http://spam.example.com"))
    assert response.status_code == 400
    assert not Financier.objects.exists()


def test_sign_ups_are_rate_limited_per_address(client, settings):
    settings.FINANCIER_SIGNUP_RATE = (2, 3600)
    for n in range(2):
        client.post(SIGNUP, signup_data(email=f"person{n}@bank.example.com"))
        client.logout()
    response = client.post(SIGNUP, signup_data(email="third@bank.example.com"))

    assert response.status_code == 429
    assert Financier.objects.count() == 2
    # Another address is not held up.
    assert Client(REMOTE_ADDR="10.9.9.9").post(SIGNUP, signup_data(email="other@bank.example.com")).status_code == 302


def test_signed_in_representative_cannot_sign_up_over_their_account(client):
    client.force_login(RepresentativeFactory().user)
    response = client.get(SIGNUP)
    assert response.status_code == 403
    assert "Sign out first" in response.content.decode()


# --- Signing in and out -----------------------------------------------------------------


def test_financier_signs_in_with_their_email_in_any_case(client, financier):
    response = client.post(LOGIN, {"username": financier.user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_a_representative_cannot_sign_in_to_the_financier_area(client):
    representative = RepresentativeFactory()
    response = client.post(LOGIN, {"username": representative.user.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "not a financier account" in response.content.decode()


def test_signing_out_comes_back_to_the_login_page(client, financier):
    client.force_login(financier.user)
    response = client.post("/financiers/logout/")
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert client.get(DASHBOARD).status_code == 302


def test_chinese_pages_live_under_the_language_prefix(client, pending):
    client.force_login(pending.user)
    response = client.get("/zh-hans/financiers/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "等待审批" in body and "金融机构专区" in body
    assert 'action="/zh-hans/financiers/logout/"' in body


# --- The dashboard, from the refused side ------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_financier_login(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={DASHBOARD}"


def test_a_pending_financier_sees_that_they_wait_and_nothing_restricted(client, pending):
    client.force_login(pending.user)
    response = client.get(DASHBOARD)
    body = response.content.decode()

    assert response.status_code == 200
    assert "Waiting for approval" in body
    assert "Saved searches" not in body and "Expressions of interest" not in body
    assert not can_see_restricted(pending.user)


@pytest.mark.parametrize(
    ("status", "text"), [(Status.REJECTED, "was not approved"), (Status.SUSPENDED, "is suspended")]
)
def test_rejected_and_suspended_financiers_are_told_so(client, status, text):
    financier = FinancierFactory(status=status)
    client.force_login(financier.user)
    assert text in client.get(DASHBOARD).content.decode()


def test_a_representative_is_refused_the_dashboard_with_a_clear_page(client):
    client.force_login(RepresentativeFactory().user)
    response = client.get(DASHBOARD)
    assert response.status_code == 403
    assert "not a financier account" in response.content.decode()


def test_an_approved_financier_sees_their_searches_and_interests(client, financier):
    client.force_login(financier.user)
    body = client.get(DASHBOARD).content.decode()
    assert "Saved searches" in body and "Expressions of interest" in body
    assert "Zhang Approved" in body


# --- Staff decisions ---------------------------------------------------------------------


def test_approval_opens_the_restricted_side_and_emails_once(pending, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert accounts.approve(pending, by=moderator) is True
    pending.refresh_from_db()

    assert pending.status == Status.APPROVED and pending.decided_by == moderator
    assert pending.user.groups.filter(name=FINANCIERS_GROUP).exists()
    assert can_see_restricted(pending.user)
    assert [message.to for message in mail.outbox] == [[pending.user.email]]
    assert mail.outbox[0].subject == "Your financier account is approved"
    # The task run again (a redelivery) sends nothing more; approving twice changes nothing.
    assert send_financier_decision.delay(pending.pk, Status.APPROVED, pending.decided_at.isoformat()).get() is False
    assert accounts.approve(pending, by=moderator) is False
    assert len(mail.outbox) == 1


def test_approval_creates_the_group_if_it_is_missing(pending):
    Group.objects.filter(name=FINANCIERS_GROUP).delete()
    accounts.approve(pending)
    assert pending.user.groups.filter(name=FINANCIERS_GROUP).exists()


def test_rejection_and_suspension_take_the_restricted_side_away(financier, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        accounts.suspend(financier, note="Pending a compliance check")
    assert not can_see_restricted(financier.user)
    assert mail.outbox == []  # staff tell a suspended financier themselves

    other = FinancierFactory(status=Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        accounts.reject(other, note="We could not confirm your organisation.")
    assert not can_see_restricted(other.user)
    assert [message.to for message in mail.outbox] == [[other.user.email]]
    assert "We could not confirm your organisation." in mail.outbox[0].body


def test_an_outdated_decision_email_is_not_sent(pending, django_capture_on_commit_callbacks):
    accounts.approve(pending)  # not committed: no email queued
    pending.refresh_from_db()
    approved_at = pending.decided_at.isoformat()
    accounts.suspend(pending)
    assert send_financier_decision.delay(pending.pk, Status.APPROVED, approved_at).get() is False
    assert mail.outbox == []


def test_decision_emails_are_written_in_the_financiers_language(django_capture_on_commit_callbacks):
    financier = FinancierFactory(status=Status.PENDING, language="zh-hans")
    with django_capture_on_commit_callbacks(execute=True):
        accounts.approve(financier)
    assert "/zh-hans/financiers/" in mail.outbox[0].body


# --- The admin --------------------------------------------------------------------------------


ADMIN_LIST = "/admin/financiers/"


def test_moderators_see_financiers_filtered_by_status(client, moderator, pending, financier):
    client.force_login(moderator)
    response = client.get(ADMIN_LIST, {"status": "pending"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Wang Pending" in body and "Zhang Approved" not in body
    assert f"/admin/financiers/approve/{pending.pk}/" in body


def test_moderator_approves_in_the_admin(client, moderator, pending, django_capture_on_commit_callbacks):
    client.force_login(moderator)
    url = f"/admin/financiers/approve/{pending.pk}/"
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Wang Pending" in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"note": "Welcome aboard."})

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED and pending.decision_note == "Welcome aboard."
    assert can_see_restricted(pending.user)
    assert "Welcome aboard." in mail.outbox[0].body
    assert FinancierEmail.objects.filter(key__startswith=f"decision-{pending.pk}-approved-").exists()


def test_moderator_rejects_in_the_admin(client, moderator, pending, django_capture_on_commit_callbacks):
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/financiers/reject/{pending.pk}/", {"note": "Not an investor."})
    pending.refresh_from_db()
    assert pending.status == Status.REJECTED
    assert mail.outbox[0].subject == "Your financier account application"


def test_a_decision_that_does_not_apply_changes_nothing(client, moderator, financier):
    client.force_login(moderator)
    client.post(f"/admin/financiers/reject/{financier.pk}/")  # only pending accounts can be rejected
    financier.refresh_from_db()
    assert financier.status == Status.APPROVED


@pytest.mark.parametrize(
    "url", ["/admin/financiers/", "/admin/financiers/approve/{pk}/", "/admin/financiers/inspect/{pk}/"]
)
def test_financiers_and_representatives_never_reach_the_staff_pages(client, pending, financier, url):
    url = url.format(pk=pending.pk)
    for user in (financier.user, RepresentativeFactory().user):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"].startswith("/admin/login/")
        assert client.post(url.replace("inspect", "approve")).status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_staff_without_the_financier_permissions_get_a_403(client, pending):
    client.force_login(in_group("Editors"))
    assert client.get(ADMIN_LIST).status_code == 403
    assert client.post(f"/admin/financiers/approve/{pending.pk}/").status_code == 403
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_moderators_have_the_financier_permissions():
    codenames = set(
        Group.objects.get(name="Moderators")
        .permissions.filter(content_type__app_label="initiatives")
        .filter(content_type__model__in=["financier", "savedsearch", "expressionofinterest"])
        .values_list("codename", flat=True)
    )
    assert codenames == {
        "view_financier",
        "change_financier",
        "view_savedsearch",
        "view_expressionofinterest",
        "change_expressionofinterest",
    }


def test_urls_have_their_names():
    assert reverse("financiers:dashboard") == DASHBOARD
    assert reverse("financiers:interest", args=[12]) == "/financiers/interest/12/"
    assert reverse("financiers:saved_search_create") == "/financiers/searches/new/"


def test_financiers_are_not_deleted_from_their_admin_but_rejected_or_suspended(client, financier):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(f"/admin/financiers/delete/{financier.pk}/").status_code == 404
    assert client.post(f"/admin/financiers/delete/{financier.pk}/").status_code == 404
    assert Financier.objects.filter(pk=financier.pk).exists()
    edit = client.get(f"/admin/financiers/edit/{financier.pk}/")
    assert edit.status_code == 200 and "/admin/financiers/delete/" not in edit.content.decode()

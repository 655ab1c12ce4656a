"""Password reset from the member and financier sign-in pages, through the real views, task and mail outbox.

Each area's flow runs from the request to signing in with the new password;
the request page answers every address alike (an account or none, staff, the
other area's, over a limit) and sends a link only to the area's own accounts;
links work once, on their own area's page only; the admin's reset is staff's.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from initiatives.models import Financier
from tests.initiatives.financiers.factories import FinancierFactory
from tests.members.factories import RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "wetlands before 2060 please"
ADDRESS = "203.0.113.7"
LINK = re.compile(r"http://testserver(/\S+)")
SENT_TEXT = "Check your email"
DONE_TEXT = "Your new password is set. Sign in with it now."
INVALID_TEXT = "This link no longer works"


@dataclass(frozen=True)
class Area:
    name: str
    path: str
    dashboard: str
    make_user: Callable

    def url(self, rest: str = "", language: str = "") -> str:
        return f"{language}{self.path}{rest}"


def representative_user(**user):
    return RepresentativeFactory(**{f"user__{key}": value for key, value in user.items()}).user


def financier_user(status=Financier.Status.APPROVED, **user):
    return FinancierFactory(status=status, **{f"user__{key}": value for key, value in user.items()}).user


MEMBERS = Area("members", "/members/", "/members/", representative_user)
FINANCIERS = Area("financiers", "/financiers/", "/financiers/", financier_user)
AREAS = pytest.mark.parametrize("area", [MEMBERS, FINANCIERS], ids=lambda area: area.name)


@pytest.fixture
def ask(client, home_page, django_capture_on_commit_callbacks):
    """POST an address to an area's reset page as the browser would, running what it queues."""

    def ask(area: Area, email: str, *, address: str = ADDRESS, language: str = "", client=client):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(area.url("password-reset/", language), {"email": email}, REMOTE_ADDR=address)

    return ask


def link_in(message) -> str:
    return LINK.search(message.body).group(1)


def sign_in(client, area: Area, user, password: str):
    return client.post(area.url("login/"), {"username": user.username, "password": password}, REMOTE_ADDR=ADDRESS)


def text(response) -> str:
    return response.content.decode()


# --- The whole flow --------------------------------------------------------------------------


@AREAS
def test_from_the_sign_in_page_to_a_new_password_and_in(client, ask, area):
    user = area.make_user(email="li.na@green.example.com")
    login_page = text(client.get(area.url("login/")))
    assert f'href="{area.url("password-reset/")}"' in login_page
    assert "Forgot your password?" in login_page
    assert "Forgotten your password" not in login_page  # no more "write to the secretariat"
    form = client.get(area.url("password-reset/"))
    assert form.status_code == 200
    assert 'name="email"' in text(form)

    response = ask(area, "Li.Na@green.example.com ")

    assert response.status_code == 302
    assert response["Location"] == area.url("password-reset/sent/")
    assert SENT_TEXT in text(client.get(response["Location"]))
    assert [message.to for message in mail.outbox] == [[user.email]]
    link = link_in(mail.outbox[0])
    assert link.startswith(area.url("password-reset/")) and "/admin/" not in mail.outbox[0].body

    ask_for_password = client.get(link)
    assert ask_for_password.status_code == 302  # Django keeps the token in the session, out of the address
    set_password_page = client.get(ask_for_password["Location"])
    assert 'name="new_password1"' in text(set_password_page)
    done = client.post(ask_for_password["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert done["Location"] == area.url("login/")
    assert DONE_TEXT in text(client.get(done["Location"]))
    assert sign_in(client, area, user, PASSWORD).status_code == 200  # the old password no longer works
    assert sign_in(client, area, user, NEW_PASSWORD)["Location"] == area.dashboard
    client.logout()
    # The link was for one use.
    used = client.get(link)
    assert used.status_code == 200
    assert INVALID_TEXT in text(used)
    assert 'name="new_password1"' not in text(used)


@AREAS
def test_the_email_and_its_link_are_in_the_visitors_language(client, ask, area):
    area.make_user(email="chen.hua@green.example.com")

    response = ask(area, "chen.hua@green.example.com", language="/zh-hans")

    assert response["Location"] == area.url("password-reset/sent/", "/zh-hans")
    assert "查看您的邮箱" in text(client.get(response["Location"]))
    (message,) = mail.outbox
    assert "设置新密码" in message.subject
    assert link_in(message).startswith(area.url("password-reset/", "/zh-hans"))
    assert "链接" in message.body


def test_the_financier_page_takes_a_pending_financiers_address(ask):
    user = financier_user(status=Financier.Status.PENDING, email="waiting@fund.example.com")

    ask(FINANCIERS, "waiting@fund.example.com")

    assert [message.to for message in mail.outbox] == [[user.email]]


def test_the_new_password_ends_a_sign_in_lockout(client, ask):
    user = representative_user(email="locked@example.com")
    for _ in range(5):
        sign_in(client, MEMBERS, user, "a wrong guess")
    assert sign_in(client, MEMBERS, user, PASSWORD).status_code == 429  # django-axes keeps them out

    ask(MEMBERS, user.email)
    start = client.get(link_in(mail.outbox[0]))
    client.post(start["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert sign_in(client, MEMBERS, user, NEW_PASSWORD)["Location"] == MEMBERS.dashboard


@AREAS
def test_a_weak_or_mismatched_password_is_refused_with_a_message(client, ask, area):
    user = area.make_user()
    ask(area, user.email)
    start = client.get(link_in(mail.outbox[0]))["Location"]
    before = type(user).objects.get(pk=user.pk).password

    for first, second in (("12345678901", "12345678901"), (NEW_PASSWORD, NEW_PASSWORD + "x")):
        response = client.post(start, {"new_password1": first, "new_password2": second})
        assert response.status_code == 200
        assert 'class="errorlist' in text(response)
    assert type(user).objects.get(pk=user.pk).password == before


@AREAS
@pytest.mark.parametrize("email", ["", "not an address", "a@b", "x" * 300 + "@example.com", "李@例子.中国\x00"])
def test_a_malformed_address_gets_a_message_and_queues_nothing(client, home_page, area, email, django_capture_on_commit_callbacks):  # fmt: skip
    client.get(area.url("password-reset/"))  # the first page shown makes the site's settings row
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(area.url("password-reset/"), {"email": email}, REMOTE_ADDR=ADDRESS)

    assert response.status_code == 200
    assert 'class="errorlist' in text(response)
    assert callbacks == []


# --- The same answer, whatever the address ------------------------------------------------


def sent_page(client, area: Area, response) -> str:
    assert (response.status_code, response["Location"]) == (302, area.url("password-reset/sent/"))
    return text(client.get(response["Location"]))


@AREAS
def test_an_unknown_address_gets_the_same_answer_and_no_email(client, ask, area):
    area.make_user(email="known@example.com")
    known = sent_page(client, area, ask(area, "known@example.com"))
    assert len(mail.outbox) == 1

    unknown = sent_page(client, area, ask(area, "nobody@example.com"))

    assert unknown == known
    assert len(mail.outbox) == 1


@AREAS
def test_the_request_does_not_look_accounts_up_so_its_timing_says_nothing(client, home_page, area, django_capture_on_commit_callbacks):  # fmt: skip
    area.make_user(email="known@example.com")
    client.get(area.url("password-reset/"))  # the first page shown makes the site's settings row
    queued = {}
    for email in ("known@example.com", "nobody@example.com"):
        with django_capture_on_commit_callbacks() as callbacks, CaptureQueriesContext(connection) as queries:
            client.post(area.url("password-reset/"), {"email": email}, REMOTE_ADDR=ADDRESS)
        queued[email] = len(callbacks)
        assert not [query for query in queries if "auth_user" in query["sql"]], email

    assert queued == {"known@example.com": 1, "nobody@example.com": 1}  # the lookup is the task's
    assert mail.outbox == []


def staff_user(**kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def other_area_user(area: Area, **kwargs):
    return (financier_user if area is MEMBERS else representative_user)(**kwargs)


@AREAS
@pytest.mark.parametrize(
    "make",
    [
        staff_user,
        lambda **kwargs: UserFactory(is_superuser=True, **kwargs),
        lambda **kwargs: RepresentativeFactory(user=staff_user(**kwargs)).user,  # staff who also report
        lambda **kwargs: FinancierFactory(user=staff_user(**kwargs)).user,
        lambda **kwargs: UserFactory(**kwargs),  # an account of neither area
        lambda **kwargs: representative_user(is_active=False, **kwargs),
        lambda **kwargs: financier_user(is_active=False, **kwargs),
    ],
    ids=["staff", "superuser", "staff-representative", "staff-financier", "plain", "inactive-rep", "inactive-fin"],
)
def test_staff_and_other_accounts_get_no_link_from_an_area_page(client, ask, area, make):
    make(email="someone@association.example.org")
    area.make_user(email="reference@example.com")
    expected = sent_page(client, area, ask(area, "reference@example.com", address="198.51.100.1"))
    mail.outbox.clear()

    answer = sent_page(client, area, ask(area, "someone@association.example.org"))

    assert answer == expected
    assert mail.outbox == []


@AREAS
def test_the_other_areas_accounts_get_no_link(client, ask, area):
    other_area_user(area, email="elsewhere@example.com")

    sent_page(client, area, ask(area, "elsewhere@example.com"))

    assert mail.outbox == []


def test_the_admins_reset_mails_staff_only_so_no_area_account_is_sent_into_the_admin(client, home_page):
    staff = staff_user(email="editor@association.example.org")
    representative_user(email="rep@member.example.com")
    financier_user(email="banker@bank.example.com")

    for email in ("rep@member.example.com", "banker@bank.example.com", staff.email):
        assert client.post("/admin/password_reset/", {"email": email}).status_code == 302

    (message,) = mail.outbox
    assert message.to == [staff.email]
    assert "/admin/password_reset/confirm/" in message.body


# --- Rate limits -------------------------------------------------------------------------------


@AREAS
def test_one_client_address_gets_five_requests_in_fifteen_minutes(client, ask, area):
    users = [area.make_user() for _ in range(6)]
    answers = [sent_page(client, area, ask(area, user.email)) for user in users]

    assert len(set(answers)) == 1  # the sixth is answered like the rest
    assert sorted(message.to[0] for message in mail.outbox) == sorted(user.email for user in users[:5])
    ask(area, users[5].email, address="198.51.100.20")  # another network is not held back
    assert mail.outbox[-1].to == [users[5].email]


@AREAS
def test_one_email_gets_three_links_an_hour_from_anywhere(client, ask, area):
    user = area.make_user()
    answers = [
        sent_page(client, area, ask(area, email, address=f"198.51.100.{n}"))
        for n, email in enumerate([user.email, user.email.upper(), user.email, user.email])
    ]

    assert len(set(answers)) == 1
    assert len(mail.outbox) == 3


@AREAS
def test_the_limits_are_settings(client, ask, area, settings):
    settings.PASSWORD_RESET_EMAIL_RATE = (1, 3600)
    user = area.make_user()

    ask(area, user.email)
    ask(area, user.email, address="198.51.100.20")

    assert len(mail.outbox) == 1


# --- Links ----------------------------------------------------------------------------------------


@AREAS
@pytest.mark.parametrize("token", ["set-password", "bogus-token", "c2v4-0123456789abcdef0123456789abcdef"])
def test_a_link_that_was_never_sent_gets_a_clear_page(client, home_page, area, token):
    user = area.make_user()
    uid = "MQ" if token == "set-password" else "x" * 10
    for path in (f"password-reset/{uid}/{token}/", f"password-reset/{user.pk}/{token}/"):
        response = client.get(area.url(path))
        assert response.status_code == 200
        assert INVALID_TEXT in text(response)
        assert f'href="{area.url("password-reset/")}"' in text(response)
        assert client.post(area.url(path), {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}).status_code == 200  # fmt: skip
    assert type(user).objects.get(pk=user.pk).check_password(PASSWORD)


@AREAS
def test_a_link_works_only_on_the_page_of_the_area_that_sent_it(client, ask, area):
    user = FinancierFactory(user=representative_user(email="both@example.com")).user  # in both areas
    ask(area, user.email)
    link = link_in(mail.outbox[0])
    other = FINANCIERS if area is MEMBERS else MEMBERS

    response = client.get(link.replace(area.path, other.path, 1))

    assert INVALID_TEXT in text(response)


def test_an_admin_link_does_not_work_on_an_area_page(client, home_page):
    user = representative_user()
    uid, token = urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)

    response = client.get(MEMBERS.url(f"password-reset/{uid}/{token}/"))

    assert INVALID_TEXT in text(response)


# --- Never cached -------------------------------------------------------------------------------


@AREAS
@pytest.mark.parametrize("path", ["password-reset/", "password-reset/sent/", "password-reset/MQ/set-password/"])
def test_the_reset_pages_are_never_cached(client, home_page, settings, area, path):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60

    for _ in range(2):
        response = client.get(area.url(path), REMOTE_ADDR=ADDRESS)
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]

"""Every sign-in form locks a username out, from one address, after five wrong passwords (django-axes)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from freezegun import freeze_time

from initiatives.models import Financier
from tests.initiatives.financiers.factories import FinancierFactory
from tests.members.factories import RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "the-right-passphrase-2060"
LOCKED = "Too many failed sign-in attempts"


def admin_user():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def member_user():
    return RepresentativeFactory().user


def financier_user():
    return FinancierFactory(status=Financier.Status.APPROVED).user


FORMS = [("/admin/login/", admin_user), ("/members/login/", member_user), ("/financiers/login/", financier_user)]


def sign_in(client, url, username, password, address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.parametrize(("url", "make_user"), FORMS)
def test_five_wrong_passwords_pause_that_username_from_that_address(client, url, make_user):
    user = make_user()
    user.set_password(PASSWORD)
    user.save()
    for _ in range(4):
        assert LOCKED not in sign_in(client, url, user.username, "wrong").content.decode()
    assert sign_in(client, url, user.username, "wrong").status_code == 429  # the fifth says so at once

    locked = sign_in(client, url, user.username, PASSWORD)  # and even the right password is refused now

    assert locked.status_code == 429
    assert LOCKED in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Someone else at that address, and this user from elsewhere, still sign in.
    other = make_user()
    other.set_password(PASSWORD)
    other.save()
    assert sign_in(client, url, other.username, PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, url, user.username, PASSWORD, address="198.51.100.20").status_code == 302


def test_the_pause_ends_after_fifteen_minutes(client):
    user = member_user()
    user.set_password(PASSWORD)
    user.save()
    for _ in range(5):
        sign_in(client, "/members/login/", user.username, "wrong")
    assert sign_in(client, "/members/login/", user.username, PASSWORD).status_code == 429

    with freeze_time(timezone.now() + datetime.timedelta(minutes=16)):
        assert sign_in(client, "/members/login/", user.username, PASSWORD).status_code == 302


def test_a_success_clears_earlier_failures(client):
    user = member_user()
    user.set_password(PASSWORD)
    user.save()
    for _ in range(4):
        sign_in(client, "/members/login/", user.username, "wrong")
    assert sign_in(client, "/members/login/", user.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "/members/login/", user.username, "wrong")

    assert sign_in(client, "/members/login/", user.username, PASSWORD).status_code == 302

"""The whole path of one change: a representative signs in, edits and submits a
pledge, a moderator approves it in the Wagtail admin, and every public view
shows the new value (and none showed it before)."""

import csv
import io
import json

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from members.models import Pledge
from tests.members.factories import (
    MilestoneFactory,
    PledgeFactory,
    ProgressReportFactory,
    RepresentativeFactory,
)
from tests.members.test_area import PASSWORD, live_pledge_data
from tests.members.test_review_admin import action_url

pytestmark = pytest.mark.django_db


def public_views(company) -> dict[str, str]:
    """What an anonymous visitor gets from every public view of the company's pledges."""
    visitor = Client()
    pages = {
        "tracker": reverse("tracker:index") + f"?q={company.name_en}",
        "company": reverse("tracker:company", args=[company.slug]),
        "csv": reverse("tracker:export_csv") + f"?q={company.name_en}",
        "json": reverse("tracker:export_json") + f"?q={company.name_en}",
    }
    return {name: visitor.get(url).content.decode("utf-8-sig") for name, url in pages.items()}


def test_representative_change_reaches_the_public_only_after_a_moderator_approves_it(
    home_page, moderator, django_capture_on_commit_callbacks
):
    representative = RepresentativeFactory(user__first_name="Wei", user__last_name="Li")
    company = representative.company
    pledge = PledgeFactory(company=company, target_year=2045, baseline_year=2019, baseline_value=100_000)
    MilestoneFactory(pledge=pledge, year=2030, value=50_000)
    ProgressReportFactory(company=company, year=2023, scope_1=40_000, scope_2_market=30_000)

    # The representative signs in on the member login page with a real password.
    member = Client()
    login = member.post(reverse("member_area:login"), {"username": representative.user.username, "password": PASSWORD})
    assert login.status_code == 302
    member.post(reverse("member_area:pledge_edit", args=[pledge.pk]), live_pledge_data(pledge, target_year=2040))
    member.post(reverse("member_area:pledge_submit", args=[pledge.pk]))

    before = public_views(company)
    assert "Operational carbon neutrality by 2045" in before["company"]
    assert "by 2040" not in before["company"]
    assert '<strong class="target__year">2045</strong>' in before["tracker"]
    assert [row["Target year"] for row in csv.DictReader(io.StringIO(before["csv"]))] == ["2045"]

    # The moderator approves in the Wagtail admin.
    pledge = Pledge.objects.get(pk=pledge.pk)
    staff = Client()
    staff.force_login(moderator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the email task is sent after commit
        response = staff.post(action_url(pledge, "approve"), {"comment": "Matches the board decision"})
    assert response.status_code in (200, 302)

    after = public_views(company)
    assert '<strong class="target__year">2040</strong>' in after["tracker"]
    assert "Operational carbon neutrality by 2040" in after["company"]
    assert "by 2045" not in after["company"]
    assert "Wei Li" in after["company"]  # the public history names who submitted the change
    assert [row["Target year"] for row in csv.DictReader(io.StringIO(after["csv"]))] == ["2040"]
    exported = json.loads(after["json"])
    assert [p["target_year"] for p in exported["pledges"]] == [2040]
    # The representative was told, with the reviewer's comment.
    assert any(representative.user.email in m.to and "Matches the board decision" in m.body for m in mail.outbox)

"""Representatives read, draft and submit their own company's pledges through the API, as in the member area."""

import pytest
from django.core import mail
from django.test import Client

from members.models import Pledge, Representative
from tests.members.factories import MilestoneFactory, PledgeFactory, RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PLEDGE = {
    "pledge_type": "operational_neutrality",
    "scopes": [1, 2],
    "baseline_year": 2019,
    "baseline_value": 120000,
    "target_year": 2042,
    "target_value": 0,
    "milestones": [{"year": 2030, "value": 60000, "description": "Halve Scope 1 and 2"}],
}


@pytest.fixture
def representative():
    return RepresentativeFactory(company__slug="aldermoor", company__name_en="Aldermoor Automotive")


@pytest.fixture
def rep_client(client, representative):
    client.force_login(representative.user)
    return client


@pytest.fixture
def other_pledge():
    """Another company's pledge, published, with a draft change pending."""
    pledge = PledgeFactory(target_year=2045, description_en="Theirs")
    pledge.target_year = 2041
    pledge.save_revision()
    return Pledge.objects.get(pk=pledge.pk)


def post(client, path, data=None):
    return client.post(f"/api/v1/{path}", data or {}, content_type="application/json")


def put(client, path, data):
    return client.put(f"/api/v1/{path}", data, content_type="application/json")


# --- Who may come in ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "me"),
        ("get", "me/pledges"),
        ("get", "me/pledges/1"),
        ("post", "me/pledges"),
        ("post", "me/pledges/1/submit"),
    ],
)
def test_anonymous_callers_get_401(client, method, path):
    response = getattr(client, method)(f"/api/v1/{path}", content_type="application/json")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_signed_in_people_who_are_not_representatives_get_403(client, other_pledge):
    client.force_login(UserFactory())
    for response in (
        client.get("/api/v1/me/pledges"),
        client.get(f"/api/v1/me/pledges/{other_pledge.pk}"),
        post(client, "me/pledges", NEW_PLEDGE),
    ):
        assert response.status_code == 403
        assert "not linked to a member company" in response.json()["detail"]
    assert not Pledge.objects.exclude(pk=other_pledge.pk).exists()


def test_another_companys_pledge_is_404_whatever_is_asked(rep_client, other_pledge):
    before = (other_pledge.revisions.count(), other_pledge.workflow_states.count())
    assert rep_client.get(f"/api/v1/me/pledges/{other_pledge.pk}").status_code == 404
    assert put(rep_client, f"me/pledges/{other_pledge.pk}", NEW_PLEDGE).status_code == 404
    assert post(rep_client, f"me/pledges/{other_pledge.pk}/submit").status_code == 404
    assert (other_pledge.revisions.count(), other_pledge.workflow_states.count()) == before
    assert other_pledge.pk not in [d["id"] for d in rep_client.get("/api/v1/me/pledges").json()]


def test_a_viewer_reads_but_cannot_write(client, representative):
    pledge = PledgeFactory(company=representative.company)
    pledge.target_year = 2039
    pledge.save_revision(user=representative.user)
    viewer = RepresentativeFactory(company=representative.company, role=Representative.Role.VIEWER)
    client.force_login(viewer.user)
    assert client.get("/api/v1/me").json()["can_edit"] is False
    listed = client.get("/api/v1/me/pledges").json()
    assert [d["id"] for d in listed] == [pledge.pk]
    assert listed[0]["can_submit"] is False
    for response in (
        post(client, "me/pledges", NEW_PLEDGE),
        put(client, f"me/pledges/{pledge.pk}", NEW_PLEDGE),
        post(client, f"me/pledges/{pledge.pk}/submit"),
    ):
        assert response.status_code == 403
        assert "read your company's data, not change it" in response.json()["detail"]
    assert pledge.revisions.count() == 1
    assert not pledge.workflow_states.exists()


def test_writes_need_the_csrf_token_that_me_hands_out(representative):
    client = Client(enforce_csrf_checks=True)
    client.force_login(representative.user)
    refused = post(client, "me/pledges", NEW_PLEDGE)
    assert refused.status_code == 403
    assert not Pledge.objects.exists()
    me = client.get("/api/v1/me")
    assert me.json()["company"] == {"slug": "aldermoor", "name": "Aldermoor Automotive"}
    token = me.cookies["csrftoken"].value
    accepted = client.post(
        "/api/v1/me/pledges", NEW_PLEDGE, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 201


# --- Drafting and review ----------------------------------------------------------------------------


def test_a_new_pledge_is_a_draft_until_staff_approve_it(
    rep_client, representative, moderator, django_capture_on_commit_callbacks
):
    response = post(rep_client, "me/pledges", NEW_PLEDGE)
    assert response.status_code == 201
    draft = response.json()
    assert draft["state"] == "draft"
    assert draft["public"] is None
    assert draft["current"]["target_year"] == 2042
    assert draft["current"]["milestones"] == [{"year": 2030, "value": 60000.0, "description": "Halve Scope 1 and 2"}]
    assert draft["url"].endswith(f"/members/pledges/{draft['id']}/")
    pledge = Pledge.objects.get(pk=draft["id"])
    assert pledge.company == representative.company
    assert pledge.live is False
    assert pledge.revisions.get().user == representative.user

    public = Client()
    assert public.get("/api/v1/companies/aldermoor").json()["pledges"] == []

    submitted = post(rep_client, f"me/pledges/{pledge.pk}/submit")
    assert submitted.status_code == 200
    assert submitted.json()["state"] == "in_review"
    pledge.refresh_from_db()
    assert pledge.workflow_in_progress
    assert public.get("/api/v1/companies/aldermoor").json()["pledges"] == []

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        pledge.current_workflow_state.current_task_state.approve(user=moderator, comment="Matches the report")
    assert [p["target_year"] for p in public.get("/api/v1/companies/aldermoor").json()["pledges"]] == [2042]
    approved = rep_client.get(f"/api/v1/me/pledges/{pledge.pk}").json()
    assert approved["state"] == "published"
    assert approved["review_comment"] == "Matches the report"
    # The member area's notification goes to the representative who submitted, as for the web.
    assert representative.user.email in [address for message in mail.outbox for address in message.to]


def test_a_new_version_keeps_the_public_values_until_approved(rep_client, representative):
    pledge = PledgeFactory(company=representative.company, target_year=2045)
    MilestoneFactory(pledge=pledge, year=2030)
    response = put(rep_client, f"me/pledges/{pledge.pk}", {**NEW_PLEDGE, "target_year": 2040, "milestones": []})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["state"], body["current"]["target_year"], body["public"]["target_year"]) == ("draft", 2040, 2045)
    assert body["current"]["milestones"] == []
    assert [m["year"] for m in body["public"]["milestones"]] == [2030]
    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2045
    assert body["can_submit"] is True


def test_save_and_submit_in_one_call(rep_client):
    response = post(rep_client, "me/pledges", {**NEW_PLEDGE, "submit": True})
    assert response.status_code == 201
    assert response.json()["state"] == "in_review"
    assert "sent for review" in " ".join(response.json()["messages"])


def test_a_pledge_in_review_cannot_be_changed_and_nothing_new_cannot_be_sent(rep_client, representative):
    pledge = PledgeFactory(company=representative.company)
    nothing = post(rep_client, f"me/pledges/{pledge.pk}/submit")
    assert nothing.status_code == 409
    assert nothing.json()["detail"] == "There are no changes to submit."

    put(rep_client, f"me/pledges/{pledge.pk}", {**NEW_PLEDGE, "submit": True})
    blocked = put(rep_client, f"me/pledges/{pledge.pk}", {**NEW_PLEDGE, "target_year": 2035})
    assert blocked.status_code == 409
    assert "waiting for review" in blocked.json()["detail"]
    assert pledge.revisions.count() == 1


@pytest.mark.parametrize(
    ("changes", "location", "message"),
    [
        ({"target_year": 2010}, ["body", "target_year"], "cannot be before the baseline year (2019)"),
        ({"scopes": []}, ["body", "scopes"], "Tick at least one scope"),
        ({"unit": "percent", "target_value": 150}, ["body", "target_value"], "cannot be above 100"),
        (
            {"milestones": [{"year": 2050, "value": 1}]},
            ["body", "milestones", 0, "year"],
            "cannot come after the target year (2042)",
        ),
        ({"source_url": "not a url"}, ["body", "source_url"], "Enter a valid URL"),
    ],
)
def test_the_member_areas_form_rules_apply_with_their_messages(rep_client, changes, location, message):
    response = post(rep_client, "me/pledges", {**NEW_PLEDGE, **changes})
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(error["loc"] == location and message in error["msg"] for error in errors), errors
    assert not Pledge.objects.exists()


def test_a_new_versions_milestone_errors_are_located_at_their_place_in_the_body(rep_client, representative):
    # The draft's own milestones are deleted first in the form: the body's rows follow them.
    pledge = MilestoneFactory(pledge__company=representative.company, pledge__target_year=2045).pledge
    milestones = [{"year": 2030, "value": 1}, {"year": 2050, "value": 1}]

    response = put(rep_client, f"me/pledges/{pledge.pk}", {**NEW_PLEDGE, "milestones": milestones})

    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "milestones", 1, "year"]
    assert "cannot come after the target year (2042)" in error["msg"]
    assert pledge.revisions.count() == 0


def test_a_body_that_is_not_a_pledge_is_422(rep_client):
    assert post(rep_client, "me/pledges", {"pledge_type": "wish"}).status_code == 422
    assert rep_client.post("/api/v1/me/pledges", "{", content_type="application/json").status_code in (400, 422)

"""Staff review in the Wagtail admin: the submissions page and Wagtail's approve / request-changes actions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from members.models import Pledge, ProgressReport, PublicChange, Representative
from members.review import pending_submissions, save_draft, submit_for_review
from tests.members.factories import (
    MemberCompanyFactory,
    MilestoneFactory,
    PledgeFactory,
    RepresentativeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SUBMISSIONS_URL = "/admin/member-submissions/"


@pytest.fixture
def staff_editor():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def representative():
    company = MemberCompanyFactory(name_en="Aldermoor Chemicals")
    return RepresentativeFactory(company=company, user__first_name="Rita", user__last_name="Rep")


@pytest.fixture
def submitted_pledge(representative):
    """A published pledge whose representative has proposed 2040 instead of 2045, waiting for review."""
    pledge = PledgeFactory(company=representative.company, target_year=2045)
    MilestoneFactory(pledge=pledge, year=2030, value=50_000)
    pledge = Pledge.objects.get(pk=pledge.pk)
    pledge.target_year = 2040
    save_draft(representative, pledge)
    submit_for_review(representative, pledge)
    mail.outbox.clear()  # Wagtail's "submitted" emails to moderators
    return pledge


def action_url(obj, action: str) -> str:
    task_state = obj.current_workflow_state.current_task_state
    viewset = type(obj).snippet_viewset
    return reverse(viewset.get_url_name("workflow_action"), args=(obj.pk, action, task_state.pk))


def test_moderator_sees_pending_submission_with_its_diff(client, moderator, submitted_pledge):
    client.force_login(moderator)

    response = client.get(SUBMISSIONS_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Aldermoor Chemicals" in html
    assert "Rita Rep" in html
    assert "representative of Aldermoor Chemicals" in html
    assert "Target year" in html
    assert "<del>2045</del>" in html and "<ins>2040</ins>" in html
    assert "Baseline year" not in html  # unchanged fields are not listed
    edit_url = reverse(Pledge.snippet_viewset.get_url_name("edit"), args=(submitted_pledge.pk,))
    assert f'href="{edit_url}"' in html


def test_new_item_shows_all_its_values(client, moderator, representative):
    report = ProgressReport(company=representative.company, year=2024, scope_1=61_000, scope_3=480_500, notes="")
    save_draft(representative, report)
    submit_for_review(representative, report)
    client.force_login(moderator)

    html = client.get(SUBMISSIONS_URL).content.decode()

    assert "New" in html
    assert "<ins>61,000</ins>" in html and "<ins>480,500</ins>" in html
    assert "<ins>2024</ins>" in html


def test_submissions_menu_item_only_for_reviewers(client, moderator, staff_editor):
    client.force_login(moderator)
    assert SUBMISSIONS_URL in client.get("/admin/").content.decode()
    client.force_login(staff_editor)
    assert SUBMISSIONS_URL not in client.get("/admin/").content.decode()


def test_moderator_approves_in_the_admin(
    client, moderator, representative, submitted_pledge, django_capture_on_commit_callbacks
):
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(submitted_pledge, "approve"), {"comment": "Matches your 2024 CSR report"})

    assert response.status_code == 302
    assert Pledge.objects.public().get(pk=submitted_pledge.pk).target_year == 2040
    change = PublicChange.objects.get(object_id=str(submitted_pledge.pk))
    assert change.company == representative.company
    assert change.changes == [{"field": "target_year", "label": "Target year", "old": "2045", "new": "2040"}]
    assert change.submitted_by == representative.user
    assert change.approved_by == moderator
    assert len(mail.outbox) == 1  # ours, not also Wagtail's
    email = mail.outbox[0]
    assert email.to == [representative.user.email]
    assert "Approved" in email.subject
    assert "Matches your 2024 CSR report" in email.body
    assert "http://testserver/members/" in email.body
    assert "Target year: 2045 -> 2040" in email.body


def test_moderator_requests_changes_in_the_admin(
    client, moderator, representative, submitted_pledge, django_capture_on_commit_callbacks
):
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(submitted_pledge, "reject"), {"comment": "Please link the board decision"})

    assert response.status_code == 302
    assert Pledge.objects.public().get(pk=submitted_pledge.pk).target_year == 2045
    assert not PublicChange.objects.exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [representative.user.email]
    assert "Changes requested" in mail.outbox[0].subject
    assert "Please link the board decision" in mail.outbox[0].body
    assert SUBMISSIONS_URL  # and it leaves the list:
    assert "Aldermoor" not in client.get(SUBMISSIONS_URL).content.decode()


def test_other_editor_representatives_of_the_company_are_told_too(
    client, moderator, representative, submitted_pledge, django_capture_on_commit_callbacks
):
    colleague = RepresentativeFactory(company=representative.company)
    RepresentativeFactory(company=representative.company, role=Representative.Role.VIEWER)
    RepresentativeFactory()  # another company
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(submitted_pledge, "approve"), {"comment": ""})

    assert sorted(message.to[0] for message in mail.outbox) == sorted([representative.user.email, colleague.user.email])


def test_staff_editor_is_refused_the_page_and_the_approval(client, staff_editor, submitted_pledge):
    client.force_login(staff_editor)

    assert client.get(SUBMISSIONS_URL).status_code in (302, 403)
    response = client.post(action_url(submitted_pledge, "approve"), {"comment": "looks fine"})

    assert response.status_code in (302, 403)
    assert Pledge.objects.public().get(pk=submitted_pledge.pk).target_year == 2045
    assert submitted_pledge.workflow_in_progress
    assert not PublicChange.objects.exists()


def test_representative_is_refused_the_page_and_the_approval(client, representative, submitted_pledge):
    client.force_login(representative.user)

    response = client.get(SUBMISSIONS_URL)
    assert response.status_code == 302 and "/admin/login/" in response.url
    response = client.post(action_url(submitted_pledge, "approve"), {"comment": ""})

    assert response.status_code == 302 and "/admin/login/" in response.url
    assert Pledge.objects.public().get(pk=submitted_pledge.pk).target_year == 2045
    assert submitted_pledge.workflow_in_progress


def test_staff_editor_with_every_pledge_permission_still_cannot_open_submissions(client, staff_editor):
    staff_editor.user_permissions.add(*Permission.objects.filter(content_type__app_label="members"))

    client.force_login(staff_editor)

    assert client.get(SUBMISSIONS_URL).status_code in (302, 403)


def test_moderator_can_open_the_edit_view_with_review_actions(client, moderator, submitted_pledge):
    client.force_login(moderator)

    url = reverse(Pledge.snippet_viewset.get_url_name("edit"), args=(submitted_pledge.pk,))
    html = client.get(url).content.decode()

    assert "Approve" in html and "Request changes" in html


def test_moderator_manages_representatives(client, moderator, staff_editor):
    user = UserFactory(username="new-rep")
    company = MemberCompanyFactory()
    client.force_login(moderator)

    response = client.post(
        "/admin/representatives/new/", {"user": user.pk, "company": company.pk, "role": Representative.Role.EDITOR}
    )

    assert response.status_code == 302
    assert Representative.objects.get(user=user).company == company
    assert "new-rep" in client.get("/admin/representatives/").content.decode()
    client.force_login(staff_editor)
    assert client.get("/admin/representatives/").status_code in (302, 403)


def test_links_from_the_submissions_page_open_wagtails_views(client, moderator, submitted_pledge):
    client.force_login(moderator)
    (submission,) = pending_submissions(moderator)

    assert set(submission.links) == {"review", "compare", "history"}
    for url in submission.links.values():
        assert client.get(url).status_code == 200, url


def test_representative_form_offers_only_people_outside_staff(client, moderator):
    UserFactory(username="member-person", first_name="Min", last_name="Zhang")
    UserFactory(username="staff-person", is_staff=True)
    client.force_login(moderator)

    html = client.get("/admin/representatives/new/").content.decode()

    assert "member-person (Min Zhang, member-person@example.com)" in html
    assert "staff-person" not in html

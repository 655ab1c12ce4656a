"""Representatives' changes are kept as revisions and reach the public only once approved."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.models import Pledge
from members.review import review_status, save_draft, submit_for_review
from tests.members.factories import PledgeFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def representative():
    return RepresentativeFactory()


def test_edit_of_a_published_pledge_stays_private_until_approved(representative, moderator):
    pledge = PledgeFactory(company=representative.company, target_year=2045)
    pledge.target_year = 2040

    save_draft(representative, pledge)
    submit_for_review(representative, pledge)

    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2045
    pledge.current_workflow_state.current_task_state.approve(user=moderator, comment="Checked the source")
    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2040


def test_new_pledge_is_invisible_until_approved(representative, moderator):
    pledge = PledgeFactory.build(company=representative.company, live=False)

    save_draft(representative, pledge)
    submit_for_review(representative, pledge)

    assert not Pledge.objects.public().filter(pk=pledge.pk).exists()
    task_state = pledge.current_workflow_state.current_task_state
    task_state.approve(user=moderator)
    assert Pledge.objects.public().filter(pk=pledge.pk).exists()


def test_rejected_submission_is_kept_with_the_reviewers_comment(representative, moderator):
    pledge = PledgeFactory(company=representative.company, target_year=2045)
    pledge.target_year = 2030
    revision = save_draft(representative, pledge)
    submit_for_review(representative, pledge)

    pledge.current_workflow_state.current_task_state.reject(user=moderator, comment="Source does not say 2030")

    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2045
    assert pledge.revisions.filter(pk=revision.pk, user=representative.user).exists()
    assert revision.as_object().target_year == 2030
    status = review_status(pledge)
    assert status["status"] == "needs_changes"
    assert status["comment"] == "Source does not say 2030"


def test_representative_cannot_touch_another_companys_pledge(representative):
    other = PledgeFactory()
    other.target_year = 2030

    with pytest.raises(PermissionDenied):
        save_draft(representative, other)
    with pytest.raises(PermissionDenied):
        submit_for_review(representative, other)
    assert not other.revisions.exists()


def test_viewer_cannot_change_anything():
    viewer = RepresentativeFactory(role="viewer")
    pledge = PledgeFactory(company=viewer.company)

    with pytest.raises(PermissionDenied):
        save_draft(viewer, pledge)


def test_nothing_to_submit_and_no_double_submission(representative):
    pledge = PledgeFactory(company=representative.company)
    with pytest.raises(ValidationError, match="no changes"):
        submit_for_review(representative, pledge)

    pledge.target_year = 2035
    save_draft(representative, pledge)
    submit_for_review(representative, pledge)
    with pytest.raises(ValidationError, match="already waiting"):
        submit_for_review(representative, pledge)


def test_sent_back_submission_can_be_corrected_and_resubmitted(representative, moderator):
    pledge = PledgeFactory(company=representative.company, target_year=2045)
    pledge.target_year = 2030
    save_draft(representative, pledge)
    submit_for_review(representative, pledge)
    pledge.current_workflow_state.current_task_state.reject(user=moderator, comment="Which source?")

    pledge.target_year = 2040
    pledge.source_url = "https://example.com/climate-report"
    save_draft(representative, pledge)
    state = submit_for_review(representative, pledge)

    assert review_status(pledge)["status"] == "in_progress"
    state.current_task_state.approve(user=moderator)
    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2040
    assert review_status(Pledge.objects.get(pk=pledge.pk))["status"] == "published"

"""Representatives' changes are kept as revisions and reach the public only once approved."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.area.forms import ProgressReportForm
from members.models import Pledge, ProgressReport
from members.review import read_item, review_state, save_draft, save_version, submit_for_review, version_to_edit
from tests.members.factories import PledgeFactory, ProgressReportFactory, RepresentativeFactory

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
    state = review_state(pledge)
    assert state.code == "changes_requested"
    assert state.comment == "Source does not say 2030"
    assert state.reviewer == moderator


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

    assert review_state(pledge).code == "in_review"
    state.current_task_state.approve(user=moderator)
    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2040
    assert review_state(Pledge.objects.get(pk=pledge.pk)).code == "published"


def test_what_a_representative_may_do_follows_the_review_state(representative, moderator):
    """The member area's buttons and the API's `can_edit` / `can_submit` both come from `read_item`."""
    viewer = RepresentativeFactory(company=representative.company, role="viewer")
    pledge = PledgeFactory(company=representative.company, target_year=2045)

    def allowed(rep):
        item = read_item(rep, Pledge.objects.get(pk=pledge.pk))
        return item.state.code, item.can_edit, item.can_submit

    assert allowed(representative) == ("published", True, False)  # nothing to submit
    pledge.target_year = 2040
    save_draft(representative, pledge)
    assert allowed(representative) == ("draft", True, True)
    assert allowed(viewer) == ("draft", False, False)
    assert read_item(viewer, pledge).current.target_year == 2040  # the latest version, not the public one

    submit_for_review(representative, pledge)
    assert allowed(representative) == ("in_review", False, False)
    pledge.current_workflow_state.current_task_state.reject(user=moderator, comment="Which source?")
    assert allowed(representative) == ("changes_requested", True, True)
    assert allowed(viewer) == ("changes_requested", False, False)


def test_a_version_saved_from_the_form_is_a_draft_until_it_is_sent_for_review(representative):
    report = ProgressReportFactory(company=representative.company, year=2023, scope_1=60_000)
    data = {"year": "2023", "scope_1": "52000", "scope_2_location": "41000", "scope_2_market": "36000"}

    form = ProgressReportForm(data, instance=version_to_edit(representative, ProgressReport, report))
    assert form.is_valid(), form.errors
    saved = save_version(representative, form)
    assert (saved.submitted, saved.not_submitted) == (False, ())
    assert saved.messages == ["Draft saved. It is not public: submit it for review when it is ready."]
    report = ProgressReport.objects.get(pk=report.pk)
    assert review_state(report).code == "draft"

    form = ProgressReportForm(
        {**data, "scope_1": "51000"}, instance=version_to_edit(representative, ProgressReport, report)
    )
    assert form.is_valid(), form.errors
    saved = save_version(representative, form, submit=True)
    assert saved.submitted
    assert saved.messages == ["Saved and sent for review. Staff will check it before it appears on the public site."]
    report = ProgressReport.objects.get(pk=report.pk)
    assert review_state(report).code == "in_review"
    assert report.scope_1 == 60_000  # the public row
    assert report.get_latest_revision_as_object().scope_1 == 51_000

    form = ProgressReportForm(data, instance=version_to_edit(representative, ProgressReport, report))
    assert form.is_valid(), form.errors
    with pytest.raises(ValidationError, match="waiting for review"):
        save_version(representative, form)

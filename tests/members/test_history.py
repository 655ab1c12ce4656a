"""Public history: one PublicChange per publication, holding exactly what became public; and the diff behind it."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from members.diff import diff_objects
from members.models import Milestone, Pledge, PledgeStatus, ProgressReport, PublicChange
from members.review import save_draft, submit_for_review
from tests.members.factories import (
    MemberCompanyFactory,
    MilestoneFactory,
    PledgeFactory,
    ProgressReportFactory,
    RepresentativeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def representative():
    return RepresentativeFactory()


def approve(obj, moderator, comment=""):
    obj.current_workflow_state.current_task_state.approve(user=moderator, comment=comment)


def as_dict(changes):
    return {change["field"] if change["field"] != "milestones" else change["label"]: change for change in changes}


# --- diff ---------------------------------------------------------------------


def test_diff_uses_labels_and_display_values():
    old = PledgeFactory.build(target_year=2045, status=PledgeStatus.DECLARED, scope_3=False, target_value=Decimal("0"))
    new = PledgeFactory.build(company=old.company, target_year=2040, status=PledgeStatus.IN_PROGRESS, scope_3=True)
    new.target_value = Decimal("12500.50")

    changes = as_dict(diff_objects(old, new))

    assert changes["target_year"] == {"field": "target_year", "label": "Target year", "old": "2045", "new": "2040"}
    assert changes["status"]["old"] == "Declared" and changes["status"]["new"] == "In progress"
    assert changes["scope_3"] == {"field": "scope_3", "label": "Scope 3", "old": "No", "new": "Yes"}
    assert changes["target_value"]["old"] == "0" and changes["target_value"]["new"] == "12,500.5"
    assert set(changes) == {"target_year", "status", "scope_3", "target_value"}


def test_diff_ignores_publication_bookkeeping_and_equal_decimals():
    old = PledgeFactory.build(baseline_value=Decimal("100000.00"), live=True)
    new = PledgeFactory.build(company=old.company, baseline_value=Decimal("100000"), live=False)
    new.has_unpublished_changes = True
    new.last_published_at = timezone.now()

    assert diff_objects(old, new) == []


def test_diff_of_a_new_item_lists_every_value_it_has():
    report = ProgressReportFactory.build(
        company=MemberCompanyFactory(), year=2023, scope_1=61000, scope_3=None, notes=""
    )

    changes = as_dict(diff_objects(None, report))

    assert changes["year"] == {"field": "year", "label": "Year", "old": "", "new": "2023"}
    assert changes["scope_1"]["new"] == "61,000"
    assert changes["company"]["new"] == str(report.company)
    assert "scope_3" not in changes and "notes" not in changes  # empty values are not news
    assert all(change["old"] == "" for change in changes.values())


def test_diff_of_milestones_added_removed_and_changed():
    pledge = PledgeFactory()
    MilestoneFactory(pledge=pledge, year=2025, value=80_000, description="First step")
    MilestoneFactory(pledge=pledge, year=2030, value=50_000, description="Halve")
    MilestoneFactory(pledge=pledge, year=2035, value=20_000, description="")
    live = Pledge.objects.get(pk=pledge.pk)
    draft = Pledge.from_serializable_data(live.serializable_data())
    rows = {row.year: row for row in draft.milestones.all()}
    rows[2030].value = Decimal("45000")
    draft.milestones = [rows[2025], rows[2030], Milestone(year=2038, value=5_000, description="Nearly there")]

    changes = [change for change in diff_objects(live, draft) if change["field"] == "milestones"]

    assert changes == [
        {
            "field": "milestones",
            "label": "Milestone 2030",
            "old": "2030 · 50,000 · Halve",
            "new": "2030 · 45,000 · Halve",
        },
        {"field": "milestones", "label": "Milestone 2038", "old": "", "new": "2038 · 5,000 · Nearly there"},
        {"field": "milestones", "label": "Milestone 2035", "old": "2035 · 20,000", "new": ""},
    ]


def test_diff_follows_the_active_language():
    old = PledgeFactory.build(scope_3=False)
    new = PledgeFactory.build(company=old.company, scope_3=True)

    with translation.override("zh-hans"):
        (change,) = diff_objects(old, new)

    assert (change["old"], change["new"]) == ("否", "是")


# --- PublicChange on publish -----------------------------------------------------


def test_first_publication_records_all_values_with_submitter_and_approver(representative, moderator):
    pledge = PledgeFactory.build(company=representative.company, live=False, target_year=2040)
    pledge.milestones = [Milestone(year=2030, value=50_000, description="Halve")]
    save_draft(representative, pledge)
    submit_for_review(representative, pledge)
    assert not PublicChange.objects.exists()

    approve(pledge, moderator)

    change = PublicChange.objects.get()
    fields = as_dict(change.changes)
    assert fields["target_year"]["old"] == "" and fields["target_year"]["new"] == "2040"
    assert fields["pledge_type"]["new"] == "Operational carbon neutrality"
    assert fields["Milestone 2030"]["new"] == "2030 · 50,000 · Halve"
    assert change.company == representative.company
    assert change.object_id == str(pledge.pk)
    assert change.object_label == str(Pledge.objects.get(pk=pledge.pk))
    assert change.revision == Pledge.objects.get(pk=pledge.pk).live_revision
    assert change.submitted_by == representative.user
    assert change.approved_by == moderator


def test_change_to_a_live_row_records_only_what_changed(representative, moderator):
    report = ProgressReportFactory(company=representative.company, year=2023, scope_1=60_000, notes="First count")
    report = ProgressReport.objects.get(pk=report.pk)
    report.scope_1 = Decimal("58250.5")
    report.notes = "Recalculated with 2023 grid factors"
    save_draft(representative, report)
    submit_for_review(representative, report)

    approve(report, moderator)

    assert PublicChange.objects.get().changes == [
        {"field": "scope_1", "label": "Scope 1 (tCO2e)", "old": "60,000", "new": "58,250.5"},
        {"field": "notes", "label": "Notes", "old": "First count", "new": "Recalculated with 2023 grid factors"},
    ]


def test_successive_publications_each_record_their_own_step(representative, moderator):
    pledge = PledgeFactory(company=representative.company, target_year=2050)
    for year in (2045, 2040):
        pledge = Pledge.objects.get(pk=pledge.pk)
        pledge.target_year = year
        save_draft(representative, pledge)
        submit_for_review(representative, pledge)
        approve(pledge, moderator)

    steps = [change.changes[0] for change in PublicChange.objects.order_by("pk")]
    assert [(step["old"], step["new"]) for step in steps] == [("2050", "2045"), ("2045", "2040")]


def test_direct_publish_by_staff_is_recorded_with_the_publisher(moderator):
    editor = UserFactory(is_staff=True)
    pledge = PledgeFactory(status=PledgeStatus.DECLARED)
    pledge = Pledge.objects.get(pk=pledge.pk)
    pledge.status = PledgeStatus.ACHIEVED
    revision = pledge.save_revision(user=editor)

    revision.publish(user=moderator)

    change = PublicChange.objects.get()
    assert change.changes == [{"field": "status", "label": "Status", "old": "Declared", "new": "Achieved"}]
    assert (change.submitted_by, change.approved_by) == (editor, moderator)


def test_drafts_submissions_and_rejections_record_nothing(representative, moderator):
    pledge = PledgeFactory(company=representative.company, target_year=2045)
    pledge.target_year = 2030
    save_draft(representative, pledge)
    submit_for_review(representative, pledge)
    pledge.current_workflow_state.current_task_state.reject(user=moderator, comment="No source")
    new = PledgeFactory.build(company=representative.company, live=False)
    save_draft(representative, new)

    assert not PublicChange.objects.exists()


def test_revision_scheduled_for_later_records_nothing_until_it_is_live(moderator):
    pledge = PledgeFactory(live=False)
    pledge.go_live_at = timezone.now() + datetime.timedelta(days=3)
    revision = pledge.save_revision(user=moderator)

    revision.publish(user=moderator)

    assert not Pledge.objects.get(pk=pledge.pk).live
    assert not PublicChange.objects.exists()


def test_republishing_the_same_values_records_nothing(moderator):
    pledge = PledgeFactory()
    Pledge.objects.get(pk=pledge.pk).save_revision(user=moderator).publish(user=moderator)

    assert not PublicChange.objects.exists()

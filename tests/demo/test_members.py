"""Demo member data: pledges of every type, five years of reports, representatives, submissions in review."""

import random
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Revision, WorkflowState

from demo.members import (
    REJECTION_COMMENT,
    REPRESENTATIVE_PASSWORD,
    company_specs,
    emissions_plan,
    pledge_plan,
    report_plan,
)
from members.models import (
    MemberCompany,
    NotificationLog,
    Plant,
    Pledge,
    PledgeStatus,
    PledgeType,
    ProgressReport,
    PublicChange,
    Representative,
    Verification,
)

COMPANIES = 12


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Load the demo once for this module, inside a transaction rolled back at the end."""
    out = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", companies=COMPANIES, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def output(demo_output, db):
    return demo_output


def full_demo_plans():
    """What the full 70-company demo publishes, without the database."""
    plans = []
    for index, spec in enumerate(company_specs(70)):
        rng = random.Random(f"emissions-{spec['slug']}")
        profile, years = emissions_plan(spec, rng)
        reports = report_plan(spec, years, rng)
        pledges = pledge_plan(spec, index, profile, years, random.Random(f"pledges-{spec['slug']}"))
        plans.append({"profile": profile, "years": years, "reports": reports, "pledges": pledges})
    return plans


def test_full_demo_is_about_two_hundred_varied_pledges_and_five_years_of_reports():
    plans = full_demo_plans()
    pledges = [pledge for plan in plans for pledge in plan["pledges"]]

    assert 180 <= len(pledges) <= 260
    assert {pledge["pledge_type"] for pledge in pledges} == set(PledgeType)
    statuses = [pledge["status"] for pledge in pledges]
    assert 2 <= statuses.count(PledgeStatus.WITHDRAWN) <= 6
    assert 2 <= statuses.count(PledgeStatus.ACHIEVED) <= 20
    assert sum(pledge["verification"] == Verification.SBTI for pledge in pledges) >= 5
    assert {pledge["baseline_year"] for pledge in pledges if pledge["unit"] == "tco2e"} == {2019, 2020, 2021}
    assert any(pledge["target_value"] == 100 and pledge["target_year"] == 2030 for pledge in pledges)  # RE100 by 2030
    assert sum(bool(pledge["milestones"]) for pledge in pledges) > len(pledges) / 2

    reported = [set(plan["reports"]) for plan in plans]
    assert sum(years == {2020, 2021, 2022, 2023, 2024} for years in reported) > 50
    assert any(2024 not in years for years in reported)  # some latest reports missing
    assert all(years <= {2020, 2021, 2022, 2023, 2024} for years in reported)

    def trend(plan):
        first, last = plan["years"][2020], plan["years"][2024]
        return (last["scope_1"] + last["scope_2_market"]) / (first["scope_1"] + first["scope_2_market"])

    trends = [trend(plan) for plan in plans]
    assert sum(t < 0.8 for t in trends) > 15  # on track: falling fast
    assert sum(t > 1 for t in trends) > 5  # off track: still rising


def test_demo_publishes_pledges_and_reports_through_review_with_history(output):
    companies = MemberCompany.objects.all()
    pledges = Pledge.objects.public()
    assert companies.count() == COMPANIES
    assert set(pledges.values_list("pledge_type", flat=True)) == set(PledgeType)
    assert 2 * COMPANIES <= pledges.count() <= 5 * COMPANIES
    assert all(company.pledges.filter(live=True).exists() for company in companies)
    assert ProgressReport.objects.public().count() >= 4 * COMPANIES
    assert set(ProgressReport.objects.public().values_list("year", flat=True)) == {2020, 2021, 2022, 2023, 2024}

    # Every public item was published as a revision and has its history entry.
    for obj in [*pledges, *ProgressReport.objects.public()]:
        assert obj.live_revision_id, obj
        assert PublicChange.objects.filter(object_id=str(obj.pk), revision=obj.live_revision_id).exists(), obj
    moderator = get_user_model().objects.get(username="moderator")
    assert set(PublicChange.objects.values_list("approved_by", flat=True)) == {moderator.pk}
    assert not PublicChange.objects.filter(submitted_by=None).exists()
    assert PublicChange.objects.filter(published_at__year=2021).exists()  # dated like a real history
    updates = PublicChange.objects.exclude(changes__0__old="")
    assert updates.exists()  # some pledges were revised after they were first published

    assert Plant.objects.count() >= COMPANIES
    assert Plant.objects.exclude(green_factory_year=None).exists()
    assert all(company.provinces for company in companies)


def test_demo_representatives_log_in_with_the_documented_password(output, client):
    representatives = Representative.objects.select_related("user", "company")
    assert 5 <= representatives.count() <= 10
    assert len({rep.company_id for rep in representatives}) == 5
    assert representatives.filter(role=Representative.Role.VIEWER).exists()
    for rep in representatives:
        assert rep.user.username.startswith("rep-")
        assert rep.user.username in output
        signed_in = client.post("/members/login/", {"username": rep.user.username, "password": REPRESENTATIVE_PASSWORD})
        assert signed_in.status_code == 302, rep.user.username
        client.logout()
        assert not rep.user.is_staff
    assert REPRESENTATIVE_PASSWORD in output


def test_demo_leaves_submissions_waiting_for_review_and_one_sent_back(output):
    waiting = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert waiting.count() == 3
    assert {state.requested_by.representative.role for state in waiting} == {Representative.Role.EDITOR}
    new_pledge = Pledge.objects.filter(live=False).get()
    assert new_pledge.workflow_in_progress

    (sent_back,) = WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
    assert sent_back.current_task_state.comment == REJECTION_COMMENT
    assert sent_back.content_object.status != PledgeStatus.ACHIEVED  # the public row is unchanged
    assert ProgressReport.objects.filter(year=2025, live=False).exists()  # a draft, not submitted
    assert not ProgressReport.objects.public().filter(year=2025).exists()
    assert "sent back with a comment" in output


def test_loading_twice_adds_no_member_data(output):
    def counts():
        return {
            model.__name__: model.objects.count()
            for model in (Pledge, ProgressReport, PublicChange, WorkflowState, Representative, Plant, NotificationLog)
        } | {"users": get_user_model().objects.count(), "member revisions": member_revisions()}

    def member_revisions():
        return Revision.objects.filter(base_content_type__app_label="members").count()

    before = counts()

    call_command("load_demo", companies=COMPANIES, stdout=StringIO())

    assert counts() == before

"""Pathways as staff data, provenance checks and the assessments recorded on approval (database)."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.documents import get_document_model

from members.models import AlignmentAssessment, Pathway, ProgressReport
from members.review import save_draft, submit_for_review
from members.tracker.pathways import assessments
from members.tracker.pathways.alignment import METHODOLOGY_VERSION, Direction
from tests.members.factories import (
    MemberCompanyFactory,
    PledgeFactory,
    ProgressReportFactory,
    RepresentativeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/members/pathway/add/"


def test_the_seeded_pathways_name_their_sources():
    pathways = {p.code: p for p in Pathway.objects.all()}
    assert set(pathways) == {"1-5c", "wb2c", "china"}
    assert pathways["1-5c"].annual_rate == Decimal("4.2")
    assert pathways["wb2c"].annual_rate == Decimal("2.5")
    assert (pathways["china"].peak_year, pathways["china"].neutral_year) == (2030, 2060)
    assert all(p.source and p.source_year for p in pathways.values())
    assert not Pathway.objects.filter(kind="sector_intensity").exists()  # none invented


def sector_pathway(years, **extra):
    data = {
        "code": "chemicals-test",
        "name_en": "Chemicals test pathway",
        "label_en": "Sector aligned",
        "kind": "sector_intensity",
        "ambition": "4",
        "sector": "chemicals",
        "intensity_unit": "tCO2e/t",
        "source": "A published source",
        "source_year": "2023",
        "active": "on",
        "points-TOTAL_FORMS": str(len(years)),
        "points-INITIAL_FORMS": "0",
        "points-MIN_NUM_FORMS": "0",
        "points-MAX_NUM_FORMS": "1000",
    }
    for n, year in enumerate(years):
        data |= {f"points-{n}-year": str(year), f"points-{n}-value": "1.5", f"points-{n}-ORDER": str(n + 1)}
    return data | extra


def test_a_pathway_with_a_gap_in_years_is_refused_and_nothing_saved(client, moderator):
    client.force_login(moderator)
    response = client.post(ADD_URL, sector_pathway([2020, 2021, 2023, 2024]))
    assert response.status_code == 200
    assert "The pathway has a gap: no value for 2022" in response.content.decode()
    assert not Pathway.objects.filter(code="chemicals-test").exists()


def test_a_pathway_with_a_year_twice_is_refused(client, moderator):
    client.force_login(moderator)
    response = client.post(ADD_URL, sector_pathway([2020, 2021, 2021]))
    assert "more than one value for 2021" in response.content.decode()
    assert not Pathway.objects.filter(code="chemicals-test").exists()


def test_a_complete_pathway_is_saved(client, moderator):
    client.force_login(moderator)
    response = client.post(ADD_URL, sector_pathway([2020, 2021, 2022]))
    assert response.status_code == 302
    assert Pathway.objects.get(code="chemicals-test").points.count() == 3


def test_a_contraction_pathway_needs_its_rate(client, moderator):
    client.force_login(moderator)
    data = sector_pathway([], kind="contraction", sector="", intensity_unit="")
    response = client.post(ADD_URL, data)
    assert "needs its yearly reduction" in response.content.decode()
    assert not Pathway.objects.filter(code="chemicals-test").exists()


def test_editors_may_look_at_pathways_but_not_change_them(client):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/snippets/members/pathway/").status_code == 200
    client.post(ADD_URL, sector_pathway([2020, 2021]))
    assert not Pathway.objects.filter(code="chemicals-test").exists()


# --- provenance ------------------------------------------------------------------


def document_of(company):
    rep = RepresentativeFactory(company=company)
    return get_document_model().objects.create(title="Sustainability report", uploaded_by_user=rep.user)


def test_a_source_of_another_company_is_refused():
    company, other = MemberCompanyFactory(), MemberCompanyFactory()
    report = ProgressReportFactory.build(company=company, year=2024)
    report.provenance = {"scope_1": {"basis": "reported", "document": document_of(other).pk, "page": 3}}
    with pytest.raises(ValidationError) as refused:
        report.full_clean()
    assert "Scope 1: the source document does not belong to your company" in str(refused.value)


def test_an_assurance_without_an_assurer_is_refused():
    report = ProgressReportFactory.build(company=MemberCompanyFactory(), year=2024)
    report.provenance = {"scope_2_market": {"basis": "reported", "assurance": "limited", "assurer": " "}}
    with pytest.raises(ValidationError) as refused:
        report.full_clean()
    assert "Scope 2 (market): name who gave the limited assurance." in str(refused.value)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"basis": "guessed"}, "reported, estimated or restated"),
        ({"basis": "reported", "page": 4}, "a page needs its source document"),
        ({"basis": "reported", "document": "12"}, "given by its number"),
        ({"basis": "reported", "assurance": "none", "assurer": "SGS"}, "assurance is “none”"),
        ({"basis": "reported", "earlier": "5"}, "only a restated figure"),
        ({"basis": "reported", "colour": "red"}, "unknown keys colour"),
        ("reported", "must be an object"),
    ],
)
def test_malformed_provenance_is_refused(entry, message):
    report = ProgressReportFactory.build(company=MemberCompanyFactory(), year=2024)
    report.provenance = {"scope_1": entry}
    with pytest.raises(ValidationError) as refused:
        report.full_clean()
    assert message in str(refused.value)


def test_provenance_for_a_missing_figure_is_refused():
    report = ProgressReportFactory.build(company=MemberCompanyFactory(), year=2024, scope_3=None)
    report.provenance = {"scope_3": {"basis": "estimated"}}
    with pytest.raises(ValidationError, match="no figure to describe"):
        report.full_clean()


def test_a_restatement_keeps_the_earlier_figure():
    company = MemberCompanyFactory()
    report = ProgressReportFactory(company=company, year=2023, scope_1=60_000)
    draft = ProgressReport.objects.get(pk=report.pk)
    draft.scope_1 = Decimal("64000")
    draft.provenance = {
        "scope_1": {"basis": "restated", "document": document_of(company).pk, "page": 12},
    }
    draft.full_clean()
    assert draft.provenance["scope_1"]["earlier"] == "60000.00"
    assert draft.provenance["scope_1"]["assurance"] == "none"


# --- assessments on approval ------------------------------------------------------


def approve(obj, moderator):
    obj.current_workflow_state.current_task_state.approve(user=moderator, comment="")


def test_each_approval_records_an_assessment_with_its_direction(moderator):
    representative = RepresentativeFactory()
    company = representative.company
    PledgeFactory(company=company, baseline_year=2020, baseline_value=100_000, target_year=2040, target_value=0)
    first = assessments.record(company.pk)
    assert first.direction == Direction.FIRST
    assert first.methodology_version == METHODOLOGY_VERSION

    # A 2030 report far above every pathway: the headline year (2030) goes down to "not aligned".
    report = ProgressReportFactory.build(
        company=company, year=2030, scope_1=95_000, scope_2_market=5_000, scope_2_location=None, live=False
    )
    save_draft(representative, report)
    submit_for_review(representative, report)
    approve(report, moderator)

    latest = AlignmentAssessment.objects.filter(company=company).order_by("-assessed_at", "-pk").first()
    assert latest.pk != first.pk
    row = next(r for r in latest.results if r["year"] == 2030)
    before = next(r for r in first.results if r["year"] == 2030)
    assert before["label"] == "1-5c"
    assert row["label"] == "china"  # before China's peak year no level is set
    assert row["direction"] == Direction.DOWN
    assert latest.trigger.endswith("2030")

"""The member area: representatives see and change only their own company's data, through staff review."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Revision

from members.area import forms as member_forms
from members.models import Milestone, Pledge, ProgressReport
from members.review import save_draft, submit_for_review
from tests.members.factories import (
    MilestoneFactory,
    PledgeFactory,
    ProgressReportFactory,
    RepresentativeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


# --- Fixtures and helpers --------------------------------------------------------------


@pytest.fixture(autouse=True)
def _english():
    # Requests to /zh-hans/ leave Chinese active in the thread, and reverse() would follow it.
    with translation.override("en"):
        yield


@pytest.fixture
def representative():
    return RepresentativeFactory(user__first_name="Wei", user__last_name="Li")


@pytest.fixture
def rep_client(client, representative):
    client.force_login(representative.user)
    return client


def url(name, **kwargs):
    return reverse(f"member_area:{name}", kwargs=kwargs)


def pledge_data(milestones=(), **changes):
    """POST data for the pledge form; a change to None leaves the field out (an unticked box)."""
    data = {
        "pledge_type": "operational_neutrality",
        "scope_1": "on",
        "scope_2": "on",
        "unit": "tco2e",
        "baseline_year": "2019",
        "baseline_value": "100000",
        "target_year": "2040",
        "target_value": "0",
        "status": "declared",
        "verification": "self",
        "description_en": "Carbon neutral in our own operations.",
        "description_zh": "",
        "source_url": "",
    }
    data.update({key: str(value) for key, value in changes.items() if value is not None})
    for key in [key for key, value in changes.items() if value is None]:
        data.pop(key, None)
    rows = list(milestones)
    data.update(
        {
            "milestones-TOTAL_FORMS": str(len(rows)),
            "milestones-INITIAL_FORMS": str(sum(1 for row in rows if "id" in row)),
            "milestones-MIN_NUM_FORMS": "0",
            "milestones-MAX_NUM_FORMS": "1000",
        }
    )
    for index, row in enumerate(rows):
        for key, value in {"id": "", "year": "", "value": "", "description": "", **row}.items():
            data[f"milestones-{index}-{key}"] = "" if value is None else str(value)
    return data


def live_pledge_data(pledge, **changes):
    """The form as a representative would post it for an existing pledge, with its milestones kept."""
    rows = [
        {"id": m.pk, "year": m.year, "value": m.value, "description": m.description, "ORDER": i + 1}
        for i, m in enumerate(pledge.milestones.all())
    ]
    values = {
        "pledge_type": pledge.pledge_type,
        "scope_1": "on" if pledge.scope_1 else None,
        "scope_2": "on" if pledge.scope_2 else None,
        "scope_3": "on" if pledge.scope_3 else None,
        "unit": pledge.unit,
        "baseline_year": pledge.baseline_year,
        "baseline_value": pledge.baseline_value,
        "target_year": pledge.target_year,
        "target_value": pledge.target_value,
        "status": pledge.status,
        "verification": pledge.verification,
        **changes,
    }
    return pledge_data(milestones=rows, **values)


def report_data(**changes):
    data = {
        "year": "2023",
        "scope_1": "52000",
        "scope_2_location": "41000",
        "scope_2_market": "36000.5",
        "scope_3": "480000",
        "renewable_share": "35",
        "notes": "GHG Protocol, operational control.",
    }
    data.update({key: str(value) for key, value in changes.items()})
    return data


def field_block(html: str, field_id: str) -> str:
    """The innermost container (.field, fieldset or table cell) around the input with this id."""
    position = html.index(f'id="{field_id}"')
    openers = {'<div class="field': "</div>\n", "<fieldset": "</fieldset>", "<td": "</td>"}
    start, closer = max((html.rfind(opener, 0, position), closer) for opener, closer in openers.items())
    return html[start : html.find(closer, position)]


def text(response) -> str:
    return response.content.decode()


# --- Signing in -------------------------------------------------------------------------


def test_login_page_signs_a_representative_in_with_their_password(client, representative):
    page = client.get(url("login"))
    assert page.status_code == 200
    assert 'name="password"' in text(page)

    wrong = client.post(url("login"), {"username": representative.user.username, "password": "wrong"})
    assert wrong.status_code == 200
    assert "errorlist nonfield" in text(wrong)
    assert "_auth_user_id" not in client.session

    response = client.post(url("login"), {"username": representative.user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == url("dashboard")
    dashboard = client.get(response["Location"])
    assert representative.company.name_en in text(dashboard)


def test_only_representatives_can_sign_in_here(client):
    staff = UserFactory(is_staff=True)
    response = client.post(url("login"), {"username": staff.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "not linked to a member company" in text(response)
    assert "_auth_user_id" not in client.session


def test_login_keeps_the_page_asked_for_and_works_in_chinese(client, representative):
    pledge = PledgeFactory(company=representative.company)
    target = url("pledge_detail", pk=pledge.pk)
    response = client.post(
        url("login") + f"?next={target}",
        {"username": representative.user.username, "password": PASSWORD, "next": target},
    )
    assert response["Location"] == target

    client.logout()
    chinese = client.get("/zh-hans/members/login/")
    assert chinese.status_code == 200
    assert 'lang="zh-hans"' in text(chinese)


def test_signed_in_representative_skips_the_login_page(rep_client):
    response = rep_client.get(url("login"))
    assert response.status_code == 302
    assert response["Location"] == url("dashboard")


def test_logout_is_post_only(rep_client):
    assert rep_client.get(url("logout")).status_code == 405
    response = rep_client.post(url("logout"))
    assert response.status_code == 302
    assert response["Location"] == url("login")
    assert rep_client.get(url("dashboard")).status_code == 302


# --- Who may see what ---------------------------------------------------------------------


def area_urls(pledge, report):
    document = get_document_model().objects.first()
    document_id = document.pk if document else 1
    return [
        url("dashboard"),
        url("pledge_create"),
        url("pledge_detail", pk=pledge.pk),
        url("pledge_edit", pk=pledge.pk),
        url("pledge_submit", pk=pledge.pk),
        url("pledge_evidence", pk=pledge.pk, document_id=document_id),
        url("report_create"),
        url("report_detail", pk=report.pk),
        url("report_edit", pk=report.pk),
        url("report_submit", pk=report.pk),
        url("report_evidence", pk=report.pk, document_id=document_id),
    ]


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_the_member_login(client, method):
    pledge, report = PledgeFactory(), ProgressReportFactory()
    for address in area_urls(pledge, report):
        response = getattr(client, method)(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(url("login") + "?next="), address
    chinese = client.get("/zh-hans/members/")
    assert chinese["Location"].startswith("/zh-hans/members/login/")


@pytest.mark.parametrize("kind", ["staff", "superuser", "plain"])
def test_signed_in_people_who_are_not_representatives_get_403(client, kind):
    user = UserFactory(is_staff=kind != "plain", is_superuser=kind == "superuser")
    client.force_login(user)
    pledge, report = PledgeFactory(), ProgressReportFactory()
    for address in area_urls(pledge, report):
        for method in ("get", "post"):
            response = getattr(client, method)(address)
            assert response.status_code == 403, (method, address)
    assert "not linked to a member company" in text(client.get(url("dashboard")))
    assert not Revision.objects.exists()


def snapshot(*objects):
    return [
        (
            type(obj).objects.filter(pk=obj.pk).values().get(),
            obj.revisions.count(),
            obj.workflow_states.count(),
        )
        for obj in objects
    ]


def test_a_representative_gets_404_for_every_url_of_another_company(rep_client, representative):
    other_pledge = PledgeFactory(target_year=2045)
    MilestoneFactory(pledge=other_pledge)
    other_report = ProgressReportFactory(company=other_pledge.company, year=2022)
    # Give the other company an item in review and one with evidence, so every state is covered.
    other_rep = RepresentativeFactory(company=other_pledge.company)
    other_pledge.target_year = 2041
    save_draft(other_rep, other_pledge)
    other_pledge = Pledge.objects.get(pk=other_pledge.pk)
    document = get_document_model().objects.create(
        title="Other company's evidence", file=SimpleUploadedFile("theirs.pdf", PDF)
    )
    ProgressReport.objects.filter(pk=other_report.pk).update(evidence=document)
    other_report.refresh_from_db()
    before = snapshot(other_pledge, other_report)

    addresses = [address for address in area_urls(other_pledge, other_report) if "/new/" not in address][1:]
    assert len(addresses) == 8
    posts = {
        url("pledge_edit", pk=other_pledge.pk): live_pledge_data(other_pledge, target_year=2030),
        url("report_edit", pk=other_report.pk): report_data(year=2022, scope_1=1),
    }
    for address in addresses:
        assert rep_client.get(address).status_code == 404, address
        assert rep_client.post(address, posts.get(address, {})).status_code == 404, address

    assert snapshot(other_pledge, other_report) == before
    assert not Revision.objects.filter(user=representative.user).exists()
    assert "Other company" not in text(rep_client.get(url("dashboard")))
    assert other_pledge.company.name_en not in text(rep_client.get(url("dashboard")))


def test_a_viewer_reads_but_cannot_write(client):
    viewer = RepresentativeFactory(role="viewer")
    pledge = PledgeFactory(company=viewer.company, target_year=2045)
    report = ProgressReportFactory(company=viewer.company, year=2022)
    # An editor of the same company left a draft, so there is something to submit.
    editor = RepresentativeFactory(company=viewer.company)
    report.scope_1 = 1
    save_draft(editor, report)
    report = ProgressReport.objects.get(pk=report.pk)
    client.force_login(viewer.user)
    before = snapshot(pledge, report)

    dashboard = client.get(url("dashboard"))
    assert dashboard.status_code == 200
    assert "viewer role" in text(dashboard)
    assert url("pledge_create") not in text(dashboard)
    assert url("pledge_edit", pk=pledge.pk) not in text(dashboard)
    assert client.get(url("pledge_detail", pk=pledge.pk)).status_code == 200

    writes = [
        ("get", url("pledge_create"), {}),
        ("post", url("pledge_create"), pledge_data()),
        ("get", url("pledge_edit", pk=pledge.pk), {}),
        ("post", url("pledge_edit", pk=pledge.pk), live_pledge_data(pledge, target_year=2030)),
        ("post", url("pledge_submit", pk=pledge.pk), {}),
        ("get", url("report_create"), {}),
        ("post", url("report_create"), report_data(year=2024)),
        ("get", url("report_edit", pk=report.pk), {}),
        ("post", url("report_edit", pk=report.pk), report_data(year=2022)),
        ("post", url("report_submit", pk=report.pk), {}),
    ]
    for method, address, data in writes:
        response = getattr(client, method)(address, data)
        assert response.status_code == 403, (method, address)
        assert "read your company" in text(response)

    assert snapshot(pledge, report) == before
    assert Pledge.objects.count() == 1
    assert ProgressReport.objects.count() == 1


def test_state_changes_need_post_and_a_csrf_token(representative):
    pledge = PledgeFactory(company=representative.company)
    pledge.target_year = 2035
    save_draft(representative, pledge)
    client = Client(enforce_csrf_checks=True)
    client.force_login(representative.user)

    assert client.get(url("pledge_submit", pk=pledge.pk)).status_code == 405
    assert client.post(url("pledge_submit", pk=pledge.pk)).status_code == 403
    assert client.post(url("pledge_create"), pledge_data()).status_code == 403
    assert not pledge.workflow_states.exists()
    assert Pledge.objects.count() == 1


# --- The review flow through the pages ------------------------------------------------------


def test_edit_submit_approve_flow_keeps_the_public_value_until_approval(rep_client, representative, moderator):
    pledge = PledgeFactory(company=representative.company, target_year=2045)
    MilestoneFactory(pledge=pledge, year=2030, description="Halve Scope 1 and 2 emissions")

    form = rep_client.get(url("pledge_edit", pk=pledge.pk))
    assert form.status_code == 200
    assert 'value="2045"' in text(form)

    response = rep_client.post(url("pledge_edit", pk=pledge.pk), live_pledge_data(pledge, target_year=2040))
    assert response.status_code == 302
    assert response["Location"] == url("pledge_detail", pk=pledge.pk)
    # The public row is untouched; the representative's version is a revision by them.
    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2045
    revision = pledge.revisions.get()
    assert revision.user == representative.user
    assert revision.as_object().target_year == 2040

    dashboard = text(rep_client.get(url("dashboard")))
    assert "by 2040" in dashboard
    assert "Draft" in dashboard
    assert "only sees values that association staff have approved" in dashboard

    # Editing again starts from the draft, not from the public values.
    assert 'value="2040"' in text(rep_client.get(url("pledge_edit", pk=pledge.pk)))

    response = rep_client.post(url("pledge_submit", pk=pledge.pk))
    assert response.status_code == 302
    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2045
    assert "Waiting for review" in text(rep_client.get(url("dashboard")))
    # While staff review it, it cannot be changed.
    blocked = rep_client.post(url("pledge_edit", pk=pledge.pk), live_pledge_data(pledge, target_year=2039))
    assert blocked.status_code == 302
    assert pledge.revisions.count() == 1

    pledge.refresh_from_db()
    pledge.current_workflow_state.current_task_state.approve(user=moderator, comment="Matches the 2024 report")

    public = Pledge.objects.public().get(pk=pledge.pk)
    assert public.target_year == 2040
    assert [m.description for m in public.milestones.all()] == ["Halve Scope 1 and 2 emissions"]
    detail = text(rep_client.get(url("pledge_detail", pk=pledge.pk)))
    assert "Published" in detail
    assert "Matches the 2024 report" in detail


def test_save_and_submit_in_one_step_for_a_new_pledge(rep_client, representative, moderator):
    data = pledge_data(
        milestones=[{"year": 2030, "value": 50000, "description": "Halve emissions"}], submit="1", target_year=2042
    )
    response = rep_client.post(url("pledge_create"), data)
    assert response.status_code == 302

    pledge = Pledge.objects.get(company=representative.company)
    assert pledge.live is False
    assert not Pledge.objects.public().exists()
    assert pledge.workflow_in_progress
    assert [m.year for m in pledge.milestones.all()] == [2030]

    pledge.current_workflow_state.current_task_state.approve(user=moderator)
    assert Pledge.objects.public().get().target_year == 2042


def test_a_rejected_submission_shows_the_comment_keeps_the_revision_and_can_be_resubmitted(
    rep_client, representative, moderator
):
    pledge = PledgeFactory(company=representative.company, target_year=2045)
    rep_client.post(url("pledge_edit", pk=pledge.pk), live_pledge_data(pledge, target_year=2030, submit="1"))
    pledge.refresh_from_db()
    rejected = pledge.revisions.get()
    pledge.current_workflow_state.current_task_state.reject(user=moderator, comment="Your report says 2045, not 2030.")

    dashboard = text(rep_client.get(url("dashboard")))
    assert "Changes requested" in dashboard
    assert "Your report says 2045, not 2030." in dashboard
    assert "Mei Reviewer" in dashboard
    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2045
    assert Revision.objects.filter(pk=rejected.pk, user=representative.user).exists()

    # The representative fixes it and sends it again.
    response = rep_client.post(url("pledge_edit", pk=pledge.pk), live_pledge_data(pledge, target_year=2044))
    assert response.status_code == 302
    response = rep_client.post(url("pledge_submit", pk=pledge.pk), follow=True)
    assert "Sent for review" in text(response)
    pledge.refresh_from_db()
    assert pledge.workflow_in_progress

    detail = text(rep_client.get(url("pledge_detail", pk=pledge.pk)))
    assert "Your report says 2045, not 2030." in detail  # the earlier review stays in the history
    assert detail.count("badge--amber") >= 1
    assert pledge.revisions.count() == 2
    assert Revision.objects.filter(pk=rejected.pk).exists()

    pledge.current_workflow_state.current_task_state.approve(user=moderator)
    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2044


def test_item_page_shows_who_saved_each_version_and_every_review(rep_client, representative, moderator):
    report = ProgressReportFactory(company=representative.company, year=2022, scope_1=60000)
    report.scope_1 = 58000
    save_draft(representative, report)
    submit_for_review(representative, report)
    report.current_workflow_state.current_task_state.reject(
        user=moderator, comment="Scope 1 excludes the Tianjin plant"
    )

    detail = text(rep_client.get(url("report_detail", pk=report.pk)))
    assert "Wei Li" in detail
    assert "Mei Reviewer" in detail
    assert "Scope 1 excludes the Tianjin plant" in detail
    assert "58,000" in detail and "60,000" in detail  # latest version next to the public one
    assert detail.count("area-compare__changed") == 1  # only Scope 1 changed


def test_a_new_items_page_shows_its_draft_without_a_public_column(rep_client, representative):
    draft = PledgeFactory.build(company=representative.company, target_year=2033, live=False)
    save_draft(representative, draft)
    detail = text(rep_client.get(url("pledge_detail", pk=draft.pk)))
    assert "2033" in detail
    assert "Not public yet" in detail
    assert "Public (approved)" not in detail
    assert "area-compare__changed" not in detail


def test_nothing_to_submit_is_a_message_not_an_error(rep_client, representative):
    pledge = PledgeFactory(company=representative.company)
    response = rep_client.post(url("pledge_submit", pk=pledge.pk), follow=True)
    assert response.status_code == 200
    assert "no changes to submit" in text(response)
    assert not pledge.workflow_states.exists()


# --- Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field_id", "message"),
    [
        ({"baseline_year": 2020, "target_year": 2019}, "id_target_year", "cannot be before the baseline year"),
        ({"target_year": 2101}, "id_target_year", "less than or equal to 2100"),
        ({"baseline_value": -5}, "id_baseline_value", "greater than or equal to 0"),
        ({"unit": "percent", "target_value": 120, "baseline_value": 10}, "id_target_value", "above 100"),
        ({"scope_1": None, "scope_2": None}, "id_scope_1", "at least one scope"),
    ],
)
def test_invalid_pledges_show_the_error_next_to_the_field_and_save_nothing(
    rep_client, representative, changes, field_id, message
):
    live = PledgeFactory(company=representative.company, target_year=2045)
    for address, data in [
        (url("pledge_create"), pledge_data(**changes)),
        (url("pledge_edit", pk=live.pk), live_pledge_data(live, **changes)),
    ]:
        response = rep_client.post(address, data)
        assert response.status_code == 200
        block = field_block(text(response), field_id)
        assert message in block, block
        assert "Nothing was saved" in text(response)

    assert Pledge.objects.count() == 1
    assert not Revision.objects.exists()
    assert Pledge.objects.get(pk=live.pk).target_year == 2045


@pytest.mark.parametrize(
    ("row", "changes", "field_id", "message"),
    [
        ({"year": 2050}, {"target_year": 2040}, "id_milestones-0-year", "cannot come after the target year"),
        ({"year": 2010}, {"baseline_year": 2019}, "id_milestones-0-year", "cannot come before the baseline year"),
        ({"year": 2030, "value": 120}, {"unit": "percent", "baseline_value": 10, "target_value": 100},
         "id_milestones-0-value", "above 100"),
        ({"year": 2030, "value": -1}, {}, "id_milestones-0-value", "greater than or equal to 0"),
    ],
)  # fmt: skip
def test_a_bad_milestone_is_refused_on_its_row(rep_client, row, changes, field_id, message):
    data = pledge_data(milestones=[{"description": "Step", **row}], **changes)
    response = rep_client.post(url("pledge_create"), data)
    assert response.status_code == 200
    assert message in field_block(text(response), field_id)
    assert not Pledge.objects.exists()
    assert not Milestone.objects.exists()


def test_another_companys_milestone_cannot_be_pulled_into_a_pledge(rep_client, representative):
    theirs = MilestoneFactory(year=2030, description="Theirs")
    mine = PledgeFactory(company=representative.company)
    data = live_pledge_data(mine)
    data.update(
        {
            "milestones-TOTAL_FORMS": "1",
            "milestones-INITIAL_FORMS": "1",
            "milestones-0-id": str(theirs.pk),
            "milestones-0-year": "2031",
            "milestones-0-value": "",
            "milestones-0-description": "Hijack",
        }
    )
    response = rep_client.post(url("pledge_edit", pk=mine.pk), data)
    assert response.status_code == 200
    assert not Revision.objects.exists()
    assert Milestone.objects.get(pk=theirs.pk).description == "Theirs"


@pytest.mark.parametrize("posted_id", ["", "not-a-number"])
def test_an_existing_milestone_posted_without_its_id_is_refused(rep_client, representative, posted_id):
    pledge = PledgeFactory(company=representative.company)
    own = MilestoneFactory(pledge=pledge, year=2030, description="Ours")
    data = live_pledge_data(pledge)
    data.update(
        {
            "milestones-TOTAL_FORMS": "1",
            "milestones-INITIAL_FORMS": "1",
            "milestones-0-id": posted_id,
            "milestones-0-year": "2031",
            "milestones-0-value": "",
            "milestones-0-description": "Which one?",
        }
    )
    response = rep_client.post(url("pledge_edit", pk=pledge.pk), data)
    assert response.status_code == 200
    assert "could not be matched to one of the pledge" in text(response)
    assert not Revision.objects.exists()
    assert list(pledge.milestones.values_list("pk", flat=True)) == [own.pk]


def test_a_duplicate_report_year_is_a_form_error(rep_client, representative):
    ProgressReportFactory(company=representative.company, year=2023)
    response = rep_client.post(url("report_create"), report_data(year=2023))
    assert response.status_code == 200
    assert "already has a report for 2023" in field_block(text(response), "id_year")
    assert ProgressReport.objects.count() == 1
    assert not Revision.objects.exists()

    # Another company may report the same year.
    other = RepresentativeFactory()
    ProgressReportFactory(company=other.company, year=2024)
    assert rep_client.post(url("report_create"), report_data(year=2024)).status_code == 302


def test_a_year_claimed_by_another_reports_unapproved_change_is_taken_too(rep_client, representative):
    report = ProgressReportFactory(company=representative.company, year=2021)
    response = rep_client.post(url("report_edit", pk=report.pk), report_data(year=2022))
    assert response.status_code == 302
    response = rep_client.post(url("report_create"), report_data(year=2022))
    assert response.status_code == 200
    assert "already has a report for 2022" in text(response)


@pytest.mark.parametrize(
    ("changes", "field_id", "message"),
    [
        ({"scope_1": -1}, "id_scope_1", "greater than or equal to 0"),
        ({"renewable_share": 101}, "id_renewable_share", "less than or equal to 100"),
        ({"year": 2101}, "id_year", "less than or equal to 2100"),
        ({"scope_3": "lots"}, "id_scope_3", "Enter a number"),
    ],
)
def test_invalid_reports_show_the_error_next_to_the_field(rep_client, changes, field_id, message):
    response = rep_client.post(url("report_create"), report_data(**changes))
    assert response.status_code == 200
    assert message in field_block(text(response), field_id)
    assert not ProgressReport.objects.exists()
    assert not Revision.objects.exists()


# --- Evidence documents ---------------------------------------------------------------------------


def test_a_pdf_is_kept_as_private_evidence_and_only_the_company_can_download_it(rep_client, client, representative):
    data = report_data(year=2023)
    data["evidence_file"] = SimpleUploadedFile("report-2023.pdf", PDF, content_type="application/pdf")
    response = rep_client.post(url("report_create"), data)
    assert response.status_code == 302

    report = ProgressReport.objects.get()
    document = report.evidence
    assert document is not None
    assert document.collection.name == member_forms.EVIDENCE_COLLECTION
    assert document.uploaded_by_user == representative.user

    download = rep_client.get(url("report_evidence", pk=report.pk, document_id=document.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF

    # Not through Wagtail's public document links, and not for another company.
    assert Client().get(document.url).status_code == 302  # to the admin login: staff groups only
    stranger = RepresentativeFactory()
    client.force_login(stranger.user)
    assert client.get(url("report_evidence", pk=report.pk, document_id=document.pk)).status_code == 404


def test_evidence_can_be_replaced_or_removed_in_a_new_version(rep_client, representative):
    data = report_data(year=2023)
    data["evidence_file"] = SimpleUploadedFile("first.pdf", PDF)
    rep_client.post(url("report_create"), data)
    report = ProgressReport.objects.get()
    first = report.evidence

    edit = text(rep_client.get(url("report_edit", pk=report.pk)))
    assert first.title in edit and "remove_evidence" in edit
    rep_client.post(url("report_edit", pk=report.pk), {**report_data(year=2023), "remove_evidence": "on"})
    report.refresh_from_db()
    assert report.get_latest_revision_as_object().evidence is None
    assert (
        report.revisions.order_by("created_at", "pk").first().as_object().evidence == first
    )  # the earlier version keeps its document


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("minutes.docx", b"PK\x03\x04 not a pdf", "Upload a PDF file"),
        ("fake.pdf", b"MZ\x90\x00 an executable", "not a PDF"),
        ("huge.pdf", PDF + b"0" * 2048, "at most"),
    ],
)
def test_bad_evidence_files_are_refused_with_a_clear_message(rep_client, settings, name, content, message):
    settings.MEMBER_EVIDENCE_MAX_UPLOAD_SIZE = 1024
    data = report_data(year=2023)
    data["evidence_file"] = SimpleUploadedFile(name, content)
    response = rep_client.post(url("report_create"), data)
    assert response.status_code == 200
    assert message in field_block(text(response), "id_evidence_file")
    assert not ProgressReport.objects.exists()
    assert not get_document_model().objects.exists()


# --- What the dashboard shows -------------------------------------------------------------------------


def test_dashboard_shows_the_company_and_each_items_status(rep_client, representative, moderator):
    company = representative.company
    published = PledgeFactory(company=company, target_year=2050, pledge_type="net_zero")
    waiting = PledgeFactory(company=company, target_year=2045)
    waiting.target_year = 2041
    save_draft(representative, waiting)
    submit_for_review(representative, waiting)
    draft = PledgeFactory.build(company=company, target_year=2030, pledge_type="peak", live=False)
    save_draft(representative, draft)

    response = rep_client.get(url("dashboard"))
    page = text(response)
    assert company.name_en in page and company.name_zh in page
    assert "Net zero by 2050" in page
    assert "Operational carbon neutrality by 2041" in page  # the representative's latest version
    assert "Emissions peak by 2030" in page
    for label in ("Published", "Waiting for review", "Draft"):
        assert label in page
    assert url("pledge_edit", pk=published.pk) in page
    assert url("pledge_edit", pk=waiting.pk) not in page  # in review: not editable
    assert url("pledge_submit", pk=draft.pk) in page
    assert url("pledge_submit", pk=published.pk) not in page  # nothing to submit

    chinese = rep_client.get("/zh-hans/members/")
    assert chinese.status_code == 200
    assert company.name_zh in text(chinese)

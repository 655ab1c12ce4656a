"""Representatives enter the provenance of their figures in the member area and through the API;
bad provenance is refused with the same messages and nothing is saved."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Revision

from members.area.provenance import field_name
from members.models import ProgressReport
from tests.members.factories import ProgressReportFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def representative():
    return RepresentativeFactory()


@pytest.fixture
def rep_client(client, representative):
    client.force_login(representative.user)
    return client


def document_by(rep, title="Sustainability report 2023"):
    return get_document_model().objects.create(title=title, uploaded_by_user=rep.user)


def report_data(**provenance):
    data = {
        "year": "2023",
        "scope_1": "52000",
        "scope_2_location": "41000",
        "scope_2_market": "36000.5",
        "scope_3": "",
        "renewable_share": "35",
        "notes": "",
    }
    for figure, entry in provenance.items():
        for key, value in entry.items():
            data[field_name(figure, key)] = str(value)
    return data


def test_the_form_saves_provenance_in_the_draft(rep_client, representative):
    document = document_by(representative)
    data = report_data(
        scope_1={"basis": "reported", "document": document.pk, "page": 41, "assurance": "limited", "assurer": "SGS"},
        scope_2_market={"basis": "estimated"},
    )
    response = rep_client.post(reverse("member_area:report_create"), data)
    assert response.status_code == 302
    draft = ProgressReport.objects.get().get_latest_revision_as_object()
    assert draft.provenance == {
        "scope_1": {"basis": "reported", "assurance": "limited", "assurer": "SGS", "document": document.pk, "page": 41},
        "scope_2_market": {"basis": "estimated", "assurance": "none", "assurer": ""},
    }


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"basis": "reported", "assurance": "reasonable"}, "Scope 1: name who gave the reasonable assurance."),
        ({"page": "3"}, "Say whether the figure is reported, estimated or restated."),
        ({"basis": "reported", "page": "0"}, "greater than or equal to 1"),
    ],
)
def test_bad_provenance_is_refused_in_the_form_and_nothing_saved(rep_client, entry, message):
    response = rep_client.post(reverse("member_area:report_create"), report_data(scope_1=entry))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProgressReport.objects.exists()
    assert not Revision.objects.exists()


def test_another_companys_document_is_not_offered(rep_client):
    other = RepresentativeFactory()
    theirs = document_by(other, "Their confidential report")
    page = rep_client.get(reverse("member_area:report_create")).content.decode()
    assert "Their confidential report" not in page
    response = rep_client.post(
        reverse("member_area:report_create"), report_data(scope_1={"basis": "reported", "document": theirs.pk})
    )
    assert response.status_code == 200
    assert not ProgressReport.objects.exists()


def test_a_restatement_keeps_the_published_figure(rep_client, representative):
    report = ProgressReportFactory(company=representative.company, year=2023, scope_1=50_000)
    data = report_data(scope_1={"basis": "restated"})
    response = rep_client.post(reverse("member_area:report_edit", args=[report.pk]), data)
    assert response.status_code == 302
    draft = ProgressReport.objects.get(pk=report.pk).get_latest_revision_as_object()
    assert draft.scope_1 == 52000
    assert draft.provenance["scope_1"]["earlier"] == "50000.00"
    assert ProgressReport.objects.get(pk=report.pk).provenance == {}  # the public row is untouched


# --- the API ----------------------------------------------------------------------


def api_post(client, path, data):
    return client.post(f"/api/v1/{path}", data, content_type="application/json")


NEW_REPORT = {"year": 2023, "scope_1": 52000, "scope_2_market": 36000}


def test_the_api_drafts_a_report_with_provenance(rep_client, representative):
    document = document_by(representative)
    body = NEW_REPORT | {
        "provenance": {
            "scope_1": {
                "basis": "reported",
                "document": document.pk,
                "page": 12,
                "assurance": "limited",
                "assurer": "DNV",
            }
        }
    }
    response = api_post(rep_client, "me/reports", body)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["state"] == "draft"
    assert data["public"] is None
    assert data["current"]["provenance"]["scope_1"]["assurer"] == "DNV"
    assert rep_client.get(f"/api/v1/me/reports/{data['id']}").json()["current"]["provenance"]["scope_1"]["page"] == 12


@pytest.mark.parametrize(
    ("provenance", "location", "message"),
    [
        ({"scope_1": {"basis": "reported", "assurance": "limited"}}, ["body"], "name who gave the limited assurance"),
        ({"scope_1": {"basis": "reported", "document": 999999}}, ["body"], "does not belong to your company"),
        ({"scope_9": {"basis": "reported"}}, ["body", "provenance", "scope_9"], "Unknown figure"),
        (
            {"scope_1": {"basis": "reported", "document": 2**40}},
            ["body", "body", "provenance", "scope_1", "document"],  # as ninja locates schema errors
            "less than or equal to",
        ),
    ],
)
def test_the_api_refuses_bad_provenance_and_saves_nothing(rep_client, provenance, location, message):
    response = api_post(rep_client, "me/reports", NEW_REPORT | {"provenance": provenance})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == location
    assert message in error["msg"]
    assert not ProgressReport.objects.exists()


def test_the_api_refuses_a_document_of_another_company(rep_client):
    theirs = document_by(RepresentativeFactory())
    body = NEW_REPORT | {"provenance": {"scope_1": {"basis": "reported", "document": theirs.pk}}}
    response = api_post(rep_client, "me/reports", body)
    assert response.status_code == 422
    assert "Scope 1: the source document does not belong to your company" in response.json()["detail"][0]["msg"]
    assert not ProgressReport.objects.exists()


def test_another_companys_report_is_not_found(rep_client):
    theirs = ProgressReportFactory(year=2022)
    assert rep_client.get(f"/api/v1/me/reports/{theirs.pk}").status_code == 404
    assert (
        rep_client.put(f"/api/v1/me/reports/{theirs.pk}", NEW_REPORT, content_type="application/json").status_code
        == 404
    )

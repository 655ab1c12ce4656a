"""Text that cannot be encoded (a lone UTF-16 surrogate) or control characters, sent and already stored.

Sent: the API answers 422 naming the field and keeps nothing (no row, no
revision); the member area's form shows its message. Already stored (a
revision saved before the rule, written straight to the database here): every
page showing it renders, with U+FFFD where the broken character was.
"""

import json
import os

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Revision

from members.models import Pledge, PledgeStatus, Representative
from members.review import pending_submissions, save_draft, submit_for_review
from portal.library.extraction import extract_pages, tidy
from portal.library.importer import import_documents
from portal.models import PolicyDocument
from portal.text import PlainTextValidator, readable, text_problem
from tests.members.factories import (
    MemberCompanyFactory,
    MilestoneFactory,
    PledgeFactory,
    RepresentativeFactory,
    UserFactory,
)
from tests.portal.library.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db

BROKEN = "\udfff"
PLEDGE = {
    "pledge_type": "net_zero",
    "scopes": [1, 2],
    "baseline_year": 2019,
    "baseline_value": 1000,
    "target_year": 2050,
    "description_en": "Net zero by 2050",
    "source_url": "https://example.com/report.pdf",
    "milestones": [{"year": 2030, "value": 500, "description": "Half"}],
}


@pytest.fixture
def representative():
    company = MemberCompanyFactory(name_en="Aldermoor Automotive", slug="aldermoor")
    return RepresentativeFactory(company=company, role=Representative.Role.EDITOR)


@pytest.fixture
def pledge(representative):
    """A published pledge with one milestone and a saved draft (one revision)."""
    pledge = PledgeFactory(company=representative.company, target_year=2050, description_en="Public text")
    MilestoneFactory(pledge=pledge, year=2030, description="Public milestone")
    pledge = Pledge.objects.get(pk=pledge.pk)
    pledge.description_en = "Draft text"
    save_draft(representative, pledge)
    return pledge


@pytest.fixture
def moderator():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def send(client, method: str, url: str, body: dict):
    # json.dumps escapes the surrogate as "\udfff", as any JSON client would.
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


# --- The rule ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "multiline", "code"),
    [
        ("Net zero \udfff", True, "unencodable"),
        ("\ud83d alone", False, "unencodable"),
        ("bell \x07", True, "control_character"),
        ("next line \x85", True, "control_character"),
        ("delete \x7f", False, "control_character"),
        ("NUL \x00", True, "control_character"),
        ("two\nlines", False, "line_break"),
        ("tab\there", False, "control_character"),
        ("two\r\nlines\tand a tab", True, None),
        ("碳中和 🙂 “quoted” \u2028 \ufffd", False, None),
    ],
)
def test_the_rule(value, multiline, code):
    problem = text_problem(value, multiline=multiline)
    assert (problem.code if problem else None) == code


def test_readable_replaces_each_lone_surrogate_and_keeps_pairs():
    assert readable("a\udfffb\ud800") == "a\ufffdb\ufffd"
    assert readable("\ud83d\ude00") == "😀"  # a pair that was never combined is one character
    assert readable("plain 碳") == "plain 碳"


def test_a_password_is_only_checked_for_broken_characters():
    PlainTextValidator(controls=False)("tab\tand bell\x07")
    with pytest.raises(ValidationError, match="broken character"):
        PlainTextValidator(controls=False)("half \udfff")


# --- Sent through the API ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "location"),
    [
        ({"description_en": f"Net zero {BROKEN}"}, ["body", "body", "description_en"]),
        ({"description_zh": f"净零{BROKEN}"}, ["body", "body", "description_zh"]),
        ({"source_url": f"https://example.com/{BROKEN}"}, ["body", "body", "source_url"]),
        (
            {"milestones": [{"year": 2030, "value": 500, "description": f"Half {BROKEN}"}]},
            ["body", "body", "milestones", 0, "description"],
        ),
        ({"description_en": "Bell \x07"}, ["body", "body", "description_en"]),
        (
            {"milestones": [{"year": 2030, "value": 500, "description": "two\nlines"}]},
            ["body", "body", "milestones", 0, "description"],
        ),
    ],
)
def test_the_api_refuses_broken_text_naming_the_field_and_keeps_nothing(
    client, representative, pledge, change, location
):
    client.force_login(representative.user)
    revisions, pledges = Revision.objects.count(), Pledge.objects.count()

    created = send(client, "post", "/api/v1/me/pledges", {**PLEDGE, **change})
    updated = send(client, "put", f"/api/v1/me/pledges/{pledge.pk}", {**PLEDGE, **change})

    for response in (created, updated):
        assert response.status_code == 422, response.content
        (error,) = response.json()["detail"]
        assert error["loc"] == location
        assert "cannot be saved" in error["msg"] or "single line" in error["msg"]
    assert (Revision.objects.count(), Pledge.objects.count()) == (revisions, pledges)
    assert Pledge.objects.get(pk=pledge.pk).get_latest_revision_as_object().description_en == "Draft text"


def test_the_api_takes_tabs_and_line_breaks_in_descriptions(client, representative, pledge):
    client.force_login(representative.user)

    response = send(
        client, "put", f"/api/v1/me/pledges/{pledge.pk}", {**PLEDGE, "description_en": "First line\r\n\tSecond"}
    )

    assert response.status_code == 200, response.content
    assert response.json()["current"]["description_en"] == "First line\r\n\tSecond"


def test_the_member_form_shows_the_message_and_keeps_nothing(client, representative, pledge):
    client.force_login(representative.user)
    revisions = Revision.objects.count()
    data = {
        "pledge_type": "net_zero",
        "scope_1": "on",
        "unit": "tco2e",
        "target_year": "2050",
        "status": PledgeStatus.DECLARED,
        "verification": "self",
        "description_en": "Escape \x1b[31m red",
        "milestones-TOTAL_FORMS": "0",
        "milestones-INITIAL_FORMS": "0",
    }

    response = client.post(f"/members/pledges/{pledge.pk}/edit/", data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert "invisible control character (U+001B)" in html
    assert Revision.objects.count() == revisions


# --- Already stored ------------------------------------------------------------------------------


@pytest.fixture
def poisoned(representative, pledge):
    """The pledge's draft revision with broken characters in every text field, submitted for review.

    Written with an UPDATE, as a revision saved before the rule was: JSON keeps the surrogate as "\\udfff".
    """
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL's jsonb refuses a lone surrogate: no such revision can be stored there")
    revision = pledge.latest_revision
    content = dict(revision.content)
    content["description_en"] = f"Net zero {BROKEN} by 2050"
    content["source_url"] = f"https://example.com/{BROKEN}"
    content["milestones"] = [{**row, "description": f"Half {BROKEN}"} for row in content["milestones"]]
    Revision.objects.filter(pk=revision.pk).update(content=content)
    pledge = Pledge.objects.get(pk=pledge.pk)
    assert BROKEN in Revision.objects.get(pk=revision.pk).content["description_en"]
    submit_for_review(representative, pledge)
    return pledge


def assert_shown(response):
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/json"):
        assert "\ufffd" in json.dumps(response.json(), ensure_ascii=False)
    else:
        assert "\ufffd" in response.content.decode()


def test_stored_broken_text_shows_in_the_member_area(client, representative, poisoned):
    client.force_login(representative.user)

    assert client.get("/members/").status_code == 200
    assert_shown(client.get(f"/members/pledges/{poisoned.pk}/"))
    assert_shown(client.get(f"/api/v1/me/pledges/{poisoned.pk}"))
    assert_shown(client.get("/api/v1/me/pledges"))


def test_stored_broken_text_shows_in_the_review_queue_and_the_admin(client, moderator, poisoned):
    client.force_login(moderator)

    assert_shown(client.get("/admin/member-submissions/"))
    (submission,) = pending_submissions(moderator)
    for name, url in submission.links.items():
        response = client.get(url)
        assert response.status_code == 200, name
    assert_shown(client.get(reverse(Pledge.snippet_viewset.get_url_name("edit"), args=(poisoned.pk,))))
    assert client.get("/admin/").status_code == 200


def test_approving_stored_broken_text_publishes_it_readable_on_the_tracker(client, moderator, poisoned):
    client.force_login(moderator)
    task_state = poisoned.current_workflow_state.current_task_state
    url = reverse(Pledge.snippet_viewset.get_url_name("workflow_action"), args=(poisoned.pk, "approve", task_state.pk))

    response = client.post(url, {"comment": ""})

    assert response.status_code in (200, 302)
    published = Pledge.objects.get(pk=poisoned.pk)
    assert published.description_en == "Net zero \ufffd by 2050"
    client.logout()
    for url in ("/pledges/", "/pledges/aldermoor/"):
        assert client.get(url).status_code == 200, url
    assert_shown(client.get("/pledges/aldermoor/"))
    for export in ("csv", "json", "xlsx"):
        assert client.get(f"/pledges/export.{export}").status_code == 200


# --- Imported from files -------------------------------------------------------------------------


def test_a_file_name_in_another_encoding_is_imported_under_its_real_title(tmp_path):
    # A Chinese Windows machine wrote the name in GB18030: Python sees its bytes as lone surrogates.
    # Each text opens with a sentence, not a title, so the title comes from the name.
    (tmp_path / os.fsdecode("碳达峰方案".encode("gb18030") + b".txt")).write_bytes("碳达峰行动正在推进。".encode())
    (tmp_path / os.fsdecode(b"\xff\xff report.txt")).write_bytes(b"The carbon report follows.")

    report = import_documents(tmp_path)

    assert not report.failed
    titles = sorted(PolicyDocument.objects.values_list("title", flat=True))
    assert titles == ["碳达峰方案", "\ufffd\ufffd report"]
    assert all(readable(name) == name for name in get_document_model().objects.values_list("file", flat=True))
    assert "碳达峰方案.txt" in [label for label, _document in report.imported]


def test_a_manifest_value_with_a_control_character_fails_its_row(tmp_path):
    (tmp_path / "good.txt").write_bytes(b"Good text")
    (tmp_path / "bell.txt").write_bytes(b"Bell text")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,title,issuing_body,jurisdiction,document_type,issued_on,summary\n"
        'good.txt,Good,MEE,national,notice,2024-01-01,"Two\nlines"\n'
        "bell.txt,Bell \x07 title,MEE,national,notice,2024-01-01,\n"
    )

    report = import_documents(manifest)

    assert [label for label, _document in report.imported] == ["row 2 (good.txt)"]
    ((label, reason),) = report.failed
    assert label == "row 3 (bell.txt)"
    assert reason.startswith("title: The text contains an invisible control character (U+0007)")
    assert PolicyDocument.objects.get().summary == "Two\nlines"


def test_control_and_broken_characters_in_a_files_text_are_not_stored():
    assert tidy("Carbon\x07peak\x0c2030 \udfff end\x00s") == "Carbon peak 2030 \ufffd ends"
    assert extract_pages("Scope\x1b 1\tand 2\r\nnext\x85line".encode(), "report.txt") == ["Scope  1\tand 2\nnext line"]


def test_a_brief_with_a_control_character_stored_still_has_its_feeds(client, home_page):
    # Wagtail's page form takes control characters, and XML 1.0 cannot carry them: Django's writer raised.
    index = PolicyBriefIndexPageFactory(parent=home_page)
    PolicyBriefPageFactory(parent=index, title="Bell\x07 brief", summary="Escape\x1b[0m summary")

    for route in ("feed/rss/", "feed/atom/"):
        response = client.get(index.url + route)
        assert response.status_code == 200, route
        assert "Bell brief" in response.content.decode()
        assert "Escape[0m summary" in response.content.decode()

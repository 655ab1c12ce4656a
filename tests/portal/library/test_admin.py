"""The library in the admin: what staff see of extraction, what the upload form refuses, who may publish and delete."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from portal.library.extraction import extract_document
from portal.models import Extraction, PolicyDocument
from tests.members.factories import UserFactory
from tests.portal.library import files
from tests.portal.library.factories import PolicyDocumentFactory, WagtailDocumentFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/portal/policydocument/"
ADD_URL = LIST_URL + "add/"


def edit_url(document) -> str:
    return f"{LIST_URL}edit/{document.pk}/"


def delete_url(document) -> str:
    return f"{LIST_URL}delete/{document.pk}/"


def reextract_url(document) -> str:
    return reverse(PolicyDocument.snippet_viewset.get_url_name("reextract"), args=[document.pk])


def in_group(name: str):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def editor(client):
    user = in_group("Editors")
    client.force_login(user)
    return user


@pytest.fixture
def moderator(client):
    user = in_group("Moderators")
    client.force_login(user)
    return user


@pytest.fixture
def failed_document():
    document = PolicyDocumentFactory(
        title="扫描版通知", file=WagtailDocumentFactory(data=files.scanned_pdf(), name="scan.pdf")
    )
    extract_document(document)
    return document


@pytest.fixture
def good_document():
    document = PolicyDocumentFactory(title="Action Plan for Carbon Dioxide Peaking", file=WagtailDocumentFactory())
    extract_document(document)
    return document


def form_data(file, **overrides) -> dict:
    data = {
        "title": "Notice on the national carbon market",
        "title_en": "",
        "slug": "carbon-market-notice",
        "summary": "",
        "issuing_body": "Ministry of Ecology and Environment",
        "issuing_body_zh": "生态环境部",
        "jurisdiction": "national",
        "region": "",
        "document_type": "notice",
        "status": "in-force",
        "issued_on": "2024-05-01",
        "effective_on": "",
        "languages": '["en"]',
        "file": file.pk if file else "",
        "source_url": "",
        "translation_of": "",
    }
    return data | overrides


# --- Seeing extraction ----------------------------------------------------------------------


def test_listing_shows_each_documents_extraction_and_the_reason_for_a_failure(
    client, moderator, failed_document, good_document
):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "扫描版通知" in content and "Action Plan for Carbon Dioxide Peaking" in content
    assert "Failed" in content
    assert "Scanned images, no text layer" in content
    assert "Extracted" in content
    assert "Publication" in content  # the live / draft column
    assert "Ministry" not in content  # sanity: only these two documents


def test_listing_filters_by_extraction(client, moderator, failed_document, good_document):
    response = client.get(LIST_URL, {"extraction": Extraction.FAILED})

    content = response.content.decode()
    assert "扫描版通知" in content
    assert "Action Plan for Carbon Dioxide Peaking" not in content


def test_listing_search_finds_chinese_titles(client, moderator, failed_document, good_document):
    content = client.get(LIST_URL, {"q": "扫描"}).content.decode()

    assert "扫描版通知" in content
    assert "Action Plan for Carbon Dioxide Peaking" not in content


def test_edit_view_warns_of_a_failed_extraction_and_offers_to_try_again(client, editor, failed_document):
    response = client.get(edit_url(failed_document))

    content = response.content.decode()
    assert "Text extraction failed: this document’s text is not searchable." in content
    assert "Scanned images, no text layer" in content
    assert f'formaction="{reextract_url(failed_document)}"' in content


def test_edit_view_says_how_many_pages_are_searchable(client, editor, good_document):
    assert "Text extracted: 3 pages are searchable." in client.get(edit_url(good_document)).content.decode()


def test_reextract_reads_the_file_again(client, editor, good_document, django_capture_on_commit_callbacks):
    good_document.pages.all().delete()  # as if the earlier run had been lost

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reextract_url(good_document))

    assert response.status_code == 302
    assert good_document.pages.count() == 3


def test_reextract_needs_a_post_and_the_change_permission(client, good_document, django_capture_on_commit_callbacks):
    group = Group.objects.create(name="Library readers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_policydocument")
    )
    reader = UserFactory(is_staff=True)
    reader.groups.add(group)
    client.force_login(reader)

    good_document.pages.all().delete()

    assert client.get(reextract_url(good_document)).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reextract_url(good_document))

    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert good_document.pages.count() == 0


# --- The upload form ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (files.PNG_BYTES, "plan.pdf", "The file is named .pdf but its content is a PNG image."),
        (b"", "empty.pdf", "The file is empty (0 bytes)."),
        (files.encrypted_pdf(), "secret.pdf", "The PDF is protected by a password."),
        (files.corrupt_pdf(), "broken.pdf", "The PDF is damaged and cannot be read."),
    ],
)
def test_form_refuses_an_unreadable_file_and_saves_nothing(client, moderator, data, name, message):
    unreadable = WagtailDocumentFactory(data=data, name=name)

    response = client.post(ADD_URL, form_data(unreadable, **{"action-publish": "action-publish"}))

    assert response.status_code == 200
    assert message in response.context["form"].errors["file"][0]
    assert not PolicyDocument.objects.exists()


def test_form_accepts_a_scanned_pdf_whose_failure_is_then_shown(client, moderator, django_capture_on_commit_callbacks):
    scan = WagtailDocumentFactory(data=files.scanned_pdf(), name="scan.pdf")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, form_data(scan))

    assert response.status_code == 302
    document = PolicyDocument.objects.get()
    assert document.extraction == Extraction.FAILED
    assert "Scanned images, no text layer" in client.get(edit_url(document)).content.decode()


def test_form_with_a_good_file_creates_the_document_and_extracts_its_text(
    client, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, form_data(WagtailDocumentFactory(), **{"action-publish": "action-publish"}))

    assert response.status_code == 302
    document = PolicyDocument.objects.get()
    assert document.live
    assert document.extraction == Extraction.DONE
    assert document.pages.count() == 3


# --- Who may do what ------------------------------------------------------------------------


def test_an_editor_cannot_publish(client, editor):
    response = client.post(ADD_URL, form_data(WagtailDocumentFactory(), **{"action-publish": "action-publish"}))

    # The form was valid and saved, as a draft: the publish button is not the editor's to press.
    assert response.status_code == 302
    document = PolicyDocument.objects.get(slug="carbon-market-notice")
    assert not document.live


def test_an_editor_cannot_publish_changes_to_a_draft(client, editor):
    draft = PolicyDocumentFactory(live=False, file=None)
    draft.save_revision()

    client.post(
        edit_url(draft),
        form_data(None, slug=draft.slug, title="Edited", **{"action-publish": "action-publish"}),
    )

    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().title == "Edited"
    assert not draft.live


def test_an_editor_cannot_delete(client, editor, good_document):
    assert client.get(delete_url(good_document)).status_code in (302, 403)
    client.post(delete_url(good_document))

    assert PolicyDocument.objects.filter(pk=good_document.pk).exists()


def test_a_moderator_can_delete(client, moderator, good_document):
    response = client.post(delete_url(good_document))

    assert response.status_code == 302
    assert not PolicyDocument.objects.filter(pk=good_document.pk).exists()


@pytest.mark.parametrize("url", [LIST_URL, ADD_URL, "edit", "delete", "reextract"])
def test_anonymous_visitors_cannot_reach_the_admin_views(client, good_document, url):
    url = {"edit": edit_url, "delete": delete_url, "reextract": reextract_url}.get(url, lambda document: url)(
        good_document
    )

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert PolicyDocument.objects.filter(pk=good_document.pk).exists()


def test_the_library_menu_holds_the_documents(client, editor):
    content = client.get("/admin/").content.decode()

    assert "Library" in content
    assert LIST_URL in content


# --- Metadata to complete -------------------------------------------------------------------


@pytest.fixture
def incomplete_document():
    """As the import leaves a file that names no issuer, jurisdiction, type or date."""
    return PolicyDocumentFactory(
        title="导入的通知", issuing_body="", jurisdiction="", document_type="", issued_on=None, file=None
    )


def listed(response) -> list[PolicyDocument]:
    assert response.status_code == 200
    return list(response.context["object_list"])


def test_the_needs_metadata_filter_lists_incomplete_documents_until_they_are_completed(
    client, moderator, incomplete_document, good_document
):
    response = client.get(LIST_URL, {"needs_metadata": "true"})
    assert listed(response) == [incomplete_document]
    content = response.content.decode()
    assert "To complete" in content and "issue date" in content  # the column says what is missing
    assert listed(client.get(LIST_URL, {"needs_metadata": "false"})) == [good_document]

    response = client.post(
        edit_url(incomplete_document),
        form_data(None, title="导入的通知", slug=incomplete_document.slug, **{"action-publish": "action-publish"}),
    )

    assert response.status_code == 302
    incomplete_document.refresh_from_db()
    assert incomplete_document.issued_on is not None and not incomplete_document.needs_metadata
    assert listed(client.get(LIST_URL, {"needs_metadata": "true"})) == []


def test_the_edit_view_names_the_missing_metadata(client, editor, incomplete_document, good_document):
    content = client.get(edit_url(incomplete_document)).content.decode()

    assert "Metadata to complete:" in content
    assert "issuing body (English), jurisdiction, document type, issue date." in content
    assert "Metadata to complete:" not in client.get(edit_url(good_document)).content.decode()


def test_the_form_lets_staff_leave_unknown_metadata_empty(client, moderator):
    data = form_data(None, issuing_body="", jurisdiction="", document_type="", issued_on="")

    response = client.post(ADD_URL, data)

    assert response.status_code == 302
    assert PolicyDocument.objects.get().needs_metadata


def test_the_dashboard_counts_the_documents_to_complete(client, moderator, incomplete_document, good_document):
    content = client.get("/admin/").content.decode()

    assert "1 policy document needs its metadata completed" in content
    assert f"{LIST_URL}?needs_metadata=true" in content


def test_staff_without_library_permissions_are_refused_the_list_and_the_count(client, incomplete_document):
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider = UserFactory(is_staff=True)
    outsider.groups.add(group)
    client.force_login(outsider)

    response = client.get(LIST_URL, {"needs_metadata": "true"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    dashboard = client.get("/admin/").content.decode()
    assert "needs its metadata completed" not in dashboard and "导入的通知" not in dashboard

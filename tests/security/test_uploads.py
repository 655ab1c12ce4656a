"""Uploads: oversized requests, image bombs, files that lie about their type, SVG, and how documents are served.

Every file is real (drawn by Pillow, written as PDF by pypdf's tests' helpers);
every refusal is checked for its message and for nothing having been stored.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern
from django.utils import translation
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from members.models import Pledge
from portal.uploads import body_limit
from tests.members.factories import RepresentativeFactory, UserFactory
from tests.portal.library import files as library_files
from tests.portal.library.factories import WagtailDocumentFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>'


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def png(width: int, height: int, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """A 20,000 × 20,000 PNG (400 million pixels) of a few dozen kilobytes: one bit per pixel, all zero."""
    data = png(20_000, 20_000, mode="1")
    assert len(data) < 200_000
    return data


def root_collection() -> int:
    return Collection.get_first_root_node().pk


def nothing_stored(model) -> bool:
    return not model.objects.exists() and not UploadedFile.objects.exists()


def text(response) -> str:
    return response.content.decode()


# --- Request bodies are refused by their declared size -------------------------------------------


def test_a_300_mb_evidence_upload_is_refused_before_it_is_read(client):
    representative = RepresentativeFactory()
    client.force_login(representative.user)

    # The body is tiny; only the declared length is huge. Reading it would hang or fail, so a
    # 413 here shows the request was judged by its header alone.
    response = client.generic(
        "POST",
        reverse("member_area:pledge_create"),
        b"x" * 100,
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(300 * MB),
    )

    assert response.status_code == 413
    assert "The upload is too large" in text(response)
    assert "300.0\xa0MB" in text(response) and "21.0\xa0MB" in text(response)
    assert not response.has_header("Connection")  # the server's to set: runserver refuses it from the site
    assert not Pledge.objects.exists()
    assert not get_document_model().objects.exists()


def test_a_public_form_takes_no_large_body(client, home_page):
    response = client.post("/registrations/cancel/some-token/", {"filler": "x" * (3 * MB)})

    assert response.status_code == 413
    assert "2.5\xa0MB" in text(response)


def test_the_refusal_page_follows_the_language_of_the_address(client):
    response = client.generic("POST", "/zh-hans/members/pledges/new/", b"", CONTENT_LENGTH=str(300 * MB))

    assert response.status_code == 413
    assert '<html lang="zh-hans">' in text(response)


def test_body_limits_by_path(settings):
    assert body_limit("/admin/images/multiple/add/") == settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + MB
    assert body_limit("/members/pledges/new/") == settings.MEMBER_EVIDENCE_MAX_UPLOAD_SIZE + MB
    assert body_limit("/zh-hans/members/pledges/new/") == settings.MEMBER_EVIDENCE_MAX_UPLOAD_SIZE + MB
    assert body_limit("/financiers/signup/") == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert body_limit("/zh-hans/admin-lookalike/") == settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_upload_limits_are_set_and_files_past_memory_go_to_disk(settings):
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2.5 * MB
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2.5 * MB
    assert settings.REQUEST_BODY_LIMITS["/admin/"] >= settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert settings.REQUEST_BODY_LIMITS["/admin/"] >= settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


# --- Images: decompression bombs, disguised files, SVG -----------------------------------------------


def post_image(staff_client, data: bytes, name: str):
    """Through the admin's image upload, the one the company logo's chooser uses too."""
    return staff_client.post(
        reverse("wagtailimages:add_multiple"),
        {"title": name, "collection": root_collection(), "files[]": SimpleUploadedFile(name, data)},
    )


def post_chosen_image(staff_client, data: bytes, name: str):
    """Through the image chooser's upload tab, as on a company's logo field."""
    return staff_client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": name,
            "image-chooser-upload-collection": root_collection(),
            "image-chooser-upload-file": SimpleUploadedFile(name, data),
        },
    )


def test_a_small_real_image_is_accepted(staff_client):
    response = post_image(staff_client, png(40, 20), "logo.png")

    assert response.json()["success"] is True
    assert get_image_model().objects.get().width == 40


@pytest.mark.parametrize("upload", [post_image, post_chosen_image])
def test_an_image_bomb_is_refused_on_upload(staff_client, bomb, upload):
    response = upload(staff_client, bomb, "bomb.png")

    assert "This file has too many pixels" in text(response)
    assert "64000000" in text(response)
    assert nothing_stored(get_image_model())


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # Pillow's warning; Wagtail refuses
def test_an_image_just_past_the_pixel_limit_is_refused(staff_client):
    response = post_image(staff_client, png(9_000, 9_000, mode="1"), "wide.png")  # 81 million pixels

    assert "This file has too many pixels (81000000)" in text(response)
    assert nothing_stored(get_image_model())


def test_pillow_refuses_to_open_a_bomb_anywhere(bomb, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == Image.MAX_IMAGE_PIXELS
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(bomb))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("drawing.svg", SVG, "Not a supported image format"),
        ("photo.jpg", png(20, 20), "Not a valid .jpeg image. The extension does not match the file format (png)"),
        ("photo.png", library_files.english_pdf(), "Upload a valid image"),
    ],
    ids=["svg", "png-named-jpg", "pdf-named-png"],
)
def test_svg_and_disguised_images_are_refused(staff_client, name, data, message):
    for upload in (post_image, post_chosen_image):
        response = upload(staff_client, data, name)

        assert message in text(response), upload.__name__
    assert nothing_stored(get_image_model())


# --- Documents: content must match the extension; SVG is never a document -------------------------


def post_document(staff_client, data: bytes, name: str):
    return staff_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"title": name, "collection": root_collection(), "files[]": SimpleUploadedFile(name, data)},
    )


def xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plan.pdf", library_files.english_pdf()),
        ("plan.docx", library_files.english_docx()),
        ("notice.html", library_files.html_page()),
        ("figures.csv", b"year,tco2e\n2024,1200\n"),
        ("figures.xlsx", xlsx()),
        # Longer than the part that is sniffed, cut inside a three-byte character.
        ("notice.html", b"<html><body><p>" + "碳达峰".encode() * 30_000 + b"</p></body></html>"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_real_documents_are_accepted(staff_client, name, data):
    response = post_document(staff_client, data, name)

    assert response.json()["success"] is True, text(response)
    assert get_document_model().objects.get().filename.endswith(name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", library_files.html_page(), "The file is named .pdf but its content is"),
        ("report.pdf", library_files.PNG_BYTES, "named .pdf but its content is a PNG image"),
        ("report.docx", xlsx(), "The file is named .docx but its content is an Excel (XLSX) workbook."),
        ("notes.txt", library_files.PNG_BYTES, "named .txt but its content is a PNG image"),
        ("empty.csv", b"", "The submitted file is empty"),
        ("drawing.svg", SVG, "File extension “svg” is not allowed"),
    ],
    ids=["html-named-pdf", "png-named-pdf", "xlsx-named-docx", "png-named-txt", "empty", "svg"],
)
def test_documents_that_are_not_what_they_say_are_refused(staff_client, name, data, message):
    response = post_document(staff_client, data, name)

    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert "File extension “”" not in response.json()["error_message"]  # only the real reason
    assert nothing_stored(get_document_model())


# --- Serving documents ---------------------------------------------------------------------------


def test_an_html_document_is_a_sandboxed_download(client):
    document = WagtailDocumentFactory(data=library_files.html_page(), name="notice.html")

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_pdf_opens_in_the_browser_with_nothing_else_allowed(client):
    document = WagtailDocumentFactory()

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_document_files_are_never_served_from_media(client, settings):
    document = WagtailDocumentFactory()
    assert document.url.startswith("/documents/")
    media_path = settings.MEDIA_URL + document.file.name

    assert client.get(media_path).status_code == 404
    # Even the development server's media routes (DEBUG only) cover images alone.
    settings.DEBUG = True
    from portal.urls import media_urlpatterns

    media = URLResolver(RegexPattern(r"^/"), media_urlpatterns())
    with pytest.raises(Resolver404):
        media.resolve(media_path)
    assert media.resolve(settings.MEDIA_URL + "images/logo.png")
    with pytest.raises(Resolver404):
        get_resolver().resolve(media_path)

"""Limits on what visitors and staff can upload, checked before anything is read.

- `RequestSizeMiddleware` refuses a request body larger than its path
  allows by its Content-Length header, with a 413 page that says the limit,
  before Django reads a byte of it (so before CSRF checking parses a form).
  Only the admin and the member area take files; everywhere else a body is
  a small form. Once the page is sent, what the client is still sending is
  read and dropped (`RequestTooLarge.close`), so that it can finish and read
  the page.
- `DocumentForm` is the base of Wagtail's document forms: the file's bytes
  must be what its extension says (a ".pdf" that is an HTML page is
  refused), with the sniffing the library's extraction uses too
  (`portal.filetypes`).
- Images are checked by Wagtail's own field (format against extension,
  size, pixel count); `limit_pillow_pixels` makes Pillow itself refuse
  decompression bombs anywhere else an image is opened.
"""

import re
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.documents.forms import BaseDocumentForm

from portal.filetypes import HTML, PDF, TEXT, TEXT_KINDS, describe, sniff
from portal.text import PlainTextFormMixin

# --- Request bodies -----------------------------------------------------------------


def body_limit(path: str) -> int:
    """The largest request body, in bytes, accepted at `path` (language prefix ignored)."""
    codes = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    path = re.sub(rf"^/({codes})/", "/", path)
    for prefix, limit in settings.REQUEST_BODY_LIMITS.items():
        if path.startswith(prefix):
            return limit
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django reads an unparsable length as an empty body too.


class RequestSizeMiddleware:
    """413 for a body over its path's limit, judged by Content-Length alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length, limit = declared_length(request), body_limit(request.path_info)
        if length > limit:
            return too_large(request, length, limit)
        return self.get_response(request)


def too_large(request: HttpRequest, length: int, limit: int) -> HttpResponse:
    # LocaleMiddleware has not run yet: take the language from the address, as it would.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string(
            "portal/request_too_large.html",
            {"size": filesizeformat(length), "limit": filesizeformat(limit), "LANGUAGE_CODE": language},
        )
    return RequestTooLarge(body, request=request, drain=length <= drain_limit())


def drain_limit() -> int:
    """The largest refused body still read to its end: twice the most any path takes, so whatever a
    proxy sized for the uploads lets through. Past it, reading is not worth a worker's time."""
    return 2 * max(settings.DATA_UPLOAD_MAX_MEMORY_SIZE, *settings.REQUEST_BODY_LIMITS.values())


class RequestTooLarge(HttpResponse):
    """The 413 page, after which the server reads and drops the body the client is still sending.

    A client such as a browser sends the whole body before it reads the answer, and a server
    that closes a connection with unread data resets it: the client would see the reset, not
    the page. gunicorn reads only a little of a body the application left (64 KiB) before
    it closes (Django's development server reads it all), so the rest is read here, once
    the page is on its way: the server calls `close` after sending it. A body past
    `drain_limit` is left, and its client may see the reset. No `Connection: close`: that
    header is the server's, and the WSGI reference server behind `runserver` refuses it
    from an application (a 500).
    """

    status_code = 413

    def __init__(self, content: str, *, request: HttpRequest, drain: bool):
        super().__init__(content)
        self.unread = request if drain else None

    def close(self) -> None:
        if self.unread is not None:
            discard_body(self.unread)
            self.unread = None
        super().close()


DISCARD_CHUNK = 64 * 1024


def discard_body(request: HttpRequest) -> None:
    """Reads what is left of the request body (up to its Content-Length) without keeping it."""
    try:
        while request.read(DISCARD_CHUNK):
            pass
    except OSError:
        pass  # The client gave up sending: nothing is left to wait for.


# --- Documents -----------------------------------------------------------------------

# ZIP-based Office files, told apart by the part that only their own kind holds.
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
OFFICE_NAMES = {
    "docx": _("a Word (DOCX) document"),
    "xlsx": _("an Excel (XLSX) workbook"),
    "pptx": _("a PowerPoint (PPTX) presentation"),
}
KIND_NAMES = {PDF: _("a PDF"), HTML: _("an HTML page"), TEXT: _("plain text")}
TEXT_EXTENSIONS = {"csv", "txt", "htm", "html"}
SNIFF_BYTES = 64 * 1024


def document_mismatch(upload, name: str) -> str | None:
    """Why the file's bytes are not what its name says, or None when they agree."""
    extension = PurePath(name).suffix.lower().lstrip(".")
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not head:
        return str(_("The file is empty (0 bytes)."))
    actual = office_kind(upload) if head.startswith(b"PK\x03\x04") else None
    if actual is None:
        actual = sniff_start(head, complete=len(head) < SNIFF_BYTES)
    if actual == extension or (extension in TEXT_EXTENSIONS and actual in TEXT_KINDS):
        return None
    if extension not in (*OFFICE_PARTS, PDF, *TEXT_EXTENSIONS):
        return None  # WAGTAILDOCS_EXTENSIONS refuses it on its own.
    what = OFFICE_NAMES.get(actual) or KIND_NAMES.get(actual) or describe(head)
    return str(
        _("The file is named .%(extension)s but its content is %(what)s.") % {"extension": extension, "what": what}
    )


def sniff_start(head: bytes, complete: bool) -> str | None:
    """`sniff` on the first bytes of a file, which may end inside a multi-byte character."""
    if complete:
        return sniff(head)
    # A UTF-8 or GB18030 character is at most four bytes long.
    return next(filter(None, (sniff(head[: len(head) - cut]) for cut in range(4))), None)


def office_kind(upload) -> str | None:
    """ "docx", "xlsx" or "pptx" for an Office file; None for any other ZIP or a damaged one."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        upload.seek(0)
    return next((kind for kind, part in OFFICE_PARTS.items() if part in names), None)


class DocumentForm(PlainTextFormMixin, BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content does not match its extension."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # An unchanged file on an edit form is the stored one, already checked.
        if upload and hasattr(upload, "content_type"):
            reason = document_mismatch(upload, upload.name)
            if reason:
                raise ValidationError(reason, code="content_mismatch")
        return upload

    def _post_clean(self):
        # Document.clean() checks the extension of the file the instance holds, which is
        # none once the field has refused the upload: its "File extension “” is not
        # allowed" would only bury the real reason.
        refusals = len(self.errors.get("file", ()))
        super()._post_clean()
        if refusals:
            del self.errors["file"].data[refusals:]


# --- Images ---------------------------------------------------------------------------


def limit_pillow_pixels() -> None:
    """Pillow's own bomb check at Wagtail's upload limit: it warns past MAX_IMAGE_PIXELS and
    refuses to open twice that, wherever an image is opened (uploads already stop at the limit)."""
    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS

"""Getting the text out of a policy document's file, page by page for PDFs.

The file's real type comes from its bytes, not its name: a ".pdf" that is a
PNG, an empty upload, an encrypted or corrupt PDF are refused with a reason
staff can act on (`ExtractionError`; the sniffing itself is the ground floor's
`portal.filetypes`, which upload forms share). A PDF without a text layer (scanned
pages) is a readable file with nothing to extract (`NoTextError`): upload
accepts it, extraction records the failure.

`extract_document()` keeps a document's `ExtractedPage` rows in step with its
current file: they are replaced in one transaction, and a failed extraction
removes the previous file's pages rather than keeping them, because search
must never quote a file the visitor can no longer download. So a document
has either every page of its current file or none, never a half set.
"""

import hashlib
import io
import re
from html.parser import HTMLParser
from pathlib import PurePath

import docx
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from docx.table import Table
from pypdf import PdfReader
from pypdf.errors import DependencyError

from portal.filetypes import DOCX, HTML, PDF, TEXT, TEXT_KINDS, ExtractionError, decode_text, describe, sniff
from portal.library.models import ExtractedPage, Extraction
from portal.text import storable

KINDS_BY_EXTENSION = {"pdf": PDF, "docx": DOCX, "html": HTML, "htm": HTML, "txt": TEXT}
KIND_NAMES = {PDF: "PDF", DOCX: "Word (DOCX)", HTML: "HTML", TEXT: _("plain text")}
CHUNK = 1024 * 1024
EXTRACTION_FIELDS = ["extraction", "extraction_error", "extracted_hash", "content_hash", "updated_at"]


class NoTextError(ExtractionError):
    """A readable file with no text in it: typically a PDF of scanned pages."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- What the file really is ---------------------------------------------------------


def file_kind(data: bytes, name: str) -> str:
    """The kind to read the file as, checking that its bytes agree with its extension."""
    extension = PurePath(name).suffix.lower().lstrip(".")
    claimed = KINDS_BY_EXTENSION.get(extension)
    if claimed is None:
        raise ExtractionError(
            _("“.%(extension)s” files are not accepted: upload a PDF, DOCX, HTML or plain-text file.")
            % {"extension": extension or "?"}
        )
    if not data:
        raise ExtractionError(_("The file is empty (0 bytes)."))
    actual = sniff(data)
    if actual == claimed or (actual in TEXT_KINDS and claimed in TEXT_KINDS):
        return claimed
    what = KIND_NAMES[actual] if actual else describe(data)
    raise ExtractionError(
        _("The file is named .%(extension)s but its content is %(what)s.") % {"extension": extension, "what": what}
    )


# --- Reading each kind ------------------------------------------------------------------


def open_pdf(data: bytes):
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(_("The PDF is protected by a password. Upload a copy without protection."))
        # A PDF whose page tree is broken fails here rather than halfway through extraction.
        if len(reader.pages) == 0:
            raise ExtractionError(_("The PDF has no pages."))
    except ExtractionError:
        raise
    except DependencyError as error:
        # Encrypted with a cipher this server cannot decrypt, even with the empty password.
        raise ExtractionError(_("The PDF is encrypted. Upload a copy without protection.")) from error
    except Exception as error:
        # A damaged file can break the parser in many ways (PdfReadError, KeyError, RecursionError...).
        raise ExtractionError(_("The PDF is damaged and cannot be read.")) from error
    return reader


def pdf_pages(data: bytes) -> list[str]:
    reader = open_pdf(data)
    texts = []
    for page in reader.pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception as error:
            # A damaged content stream can break the parser in many ways; the file as a whole is unusable.
            raise ExtractionError(_("The PDF is damaged and cannot be read.")) from error
    texts = [join_han_lines(tidy(text)) for text in texts]
    if not any(texts):
        raise NoTextError(
            _(
                "Scanned images, no text layer: this PDF has no text to extract. "
                "Run it through text recognition (OCR) and upload it again."
            )
        )
    return texts


def open_docx(data: bytes):
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:
        # Broken ZIP, missing parts or bad XML: python-docx and lxml raise many kinds of error.
        raise ExtractionError(_("The Word document is damaged and cannot be read.")) from error


def docx_text(data: bytes) -> str:
    lines = []
    for block in open_docx(data).iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    # Merged cells come back once per grid column they span.
                    if not cells or cells[-1] is not cell._tc:
                        cells.append(cell._tc)
                lines.append("\t".join(cell_text(cell) for cell in cells))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def cell_text(tc) -> str:
    return "".join(node.text or "" for node in tc.iter() if node.tag.endswith("}t")).strip()


class TextCollector(HTMLParser):
    """The visible text of an HTML page, with a line break wherever a block ends."""

    SKIP = {"script", "style", "noscript", "template", "head", "svg"}
    BLOCKS = {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tr", "ul", "title",
    }  # fmt: skip

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_text(data: bytes) -> str:
    collector = TextCollector()
    collector.feed(decode_text(data))
    collector.close()
    # Source line breaks inside a paragraph are just spaces; blocks made the real breaks.
    return "".join(part if part in ("\n", "\t") else re.sub(r"\s+", " ", part) for part in collector.parts)


def tidy(text: str) -> str:
    """Trailing spaces and runs of blank lines removed; NUL characters, which databases refuse, dropped.

    A PDF's font tables can map glyphs to control characters or to half of a UTF-16 pair, which
    no page or database takes: `storable` makes those spaces and U+FFFD.
    """
    text = storable(text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.strip(" \t\u3000") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# Han characters and full-width punctuation: text in these scripts has no spaces between words.
HAN = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"


def join_han_lines(text: str) -> str:
    """Undo a PDF's line wrapping inside Chinese text, so "有偿\n分配" is found as the phrase 有偿分配.

    Chinese has no spaces to turn a line break into; a single break between two
    Han characters is layout, not meaning. Blank lines (paragraphs) are kept.
    """
    return re.sub(rf"(?<={HAN})\n(?={HAN})", "", text)


def check_file(data: bytes, name: str) -> str:
    """Refuse a file that cannot be read (wrong type, empty, encrypted, damaged); return its kind.

    Cheaper than extracting, so upload forms can call it. A file with no text
    passes: it is a valid document whose extraction will fail.
    """
    kind = file_kind(data, name)
    if kind == PDF:
        open_pdf(data)
    elif kind == DOCX:
        open_docx(data)
    else:
        decode_text(data)
    return kind


def extract_pages(data: bytes, name: str) -> list[str]:
    """The text of each page of a PDF, or the whole text of other kinds as a single page."""
    kind = file_kind(data, name)
    if kind == PDF:
        return pdf_pages(data)
    text = tidy({DOCX: docx_text, HTML: html_text, TEXT: decode_text}[kind](data))
    if not text:
        raise NoTextError(_("The file contains no text."))
    return [text]


# --- What the file says about itself ---------------------------------------------------------

TITLE_STYLES = ("Title", "Heading")


def title_candidates(data: bytes, name: str) -> list[tuple[str, str]]:
    """What the file offers as its title, best first, as (text, where) with where "metadata", "heading" or "line".

    The metadata is the PDF's /Title or the DOCX's core title, as the authoring tool left it
    (often the file name or nothing, which the caller weighs); the heading is a DOCX's first
    paragraph styled Title or Heading; the line is the first non-empty line of the text as
    laid out (a PDF's first page read without joining Chinese lines, so the title's own line).
    An unreadable file offers nothing.
    """
    candidates = []
    try:
        kind = file_kind(data, name)
        if kind == PDF:
            reader = open_pdf(data)
            metadata = reader.metadata
            if metadata is not None and metadata.title:
                candidates.append((str(metadata.title), "metadata"))
            try:
                text = tidy(reader.pages[0].extract_text() or "")
            except Exception:  # noqa: BLE001 - a damaged first page still leaves the metadata and the file name
                text = ""
        elif kind == DOCX:
            document = open_docx(data)
            if document.core_properties.title:
                candidates.append((document.core_properties.title, "metadata"))
            heading = next(
                (
                    paragraph.text
                    for paragraph in document.paragraphs
                    if paragraph.text.strip()
                    and paragraph.style is not None
                    and paragraph.style.name.startswith(TITLE_STYLES)
                ),
                "",
            )
            if heading:
                candidates.append((heading, "heading"))
            text = tidy(docx_text(data))
        else:
            text = tidy({HTML: html_text, TEXT: decode_text}[kind](data))
    except ExtractionError:
        return candidates
    candidates += [(line, "line") for line in text.split("\n") if line.strip()][:5]
    return [(storable(value).strip(), where) for value, where in candidates]


# --- Documents ----------------------------------------------------------------------


def read_file(document) -> bytes:
    with document.file.file.open("rb") as handle:
        return handle.read()


def current_hash(document) -> str:
    """The SHA-256 of the document's file as stored now; empty when there is no file."""
    if document.file_id is None:
        return ""
    digest = hashlib.sha256()
    with document.file.file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def needs_extraction(document) -> bool:
    """Whether the pages on record are not those of the document's current file."""
    try:
        return document.extraction == Extraction.PENDING or current_hash(document) != document.extracted_hash
    except OSError:
        return True  # a file missing from storage: extracting records that


def extract_document(document) -> None:
    """Read the document's file and replace its extracted pages, recording success or the reason for failure.

    Saves the document with a normal `save(update_fields=...)`, so anything
    listening to its post_save (the search index) sees the new state.
    """
    pages, error, digest = [], "", ""
    if document.file_id is None:
        error = _("No file is attached, so there is no text to search.")
    else:
        try:
            data = read_file(document)
        except OSError:
            error = _("The file is missing from storage and cannot be read.")
        else:
            digest = sha256(data)
            try:
                pages = extract_pages(data, document.file.filename)
            except ExtractionError as failure:
                error = failure.message
    with transaction.atomic():
        document.pages.all().delete()
        ExtractedPage.objects.bulk_create(
            ExtractedPage(document=document, number=number, text=text) for number, text in enumerate(pages, start=1)
        )
        document.extraction = Extraction.FAILED if error else Extraction.DONE
        document.extraction_error = str(error)
        document.extracted_hash = digest
        if digest:
            document.content_hash = digest
        document.save(update_fields=EXTRACTION_FIELDS)

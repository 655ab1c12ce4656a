"""What a file really is, from its bytes rather than its name: the ground floor's file-type sniffing.

`sniff` tells the kinds of document the site reads (PDF, Word, HTML, plain
text) apart, `describe` names the formats people mistake for documents (an
image renamed ".pdf") so a refusal can say what the file is, and
`decode_text` reads text in the encodings Chinese files come in. Upload
checks (`portal.uploads`) and the library's text extraction
(`portal.library.extraction`) both build on these.
"""

import io
import re
import zipfile

from django.utils.translation import gettext_lazy as _

PDF, DOCX, HTML, TEXT = "pdf", "docx", "html", "txt"
# HTML and plain text are both text: a .txt of markup or an .html without tags is still readable.
TEXT_KINDS = {HTML, TEXT}
# Other formats people mistake for documents, named so the refusal says what the file really is.
MAGIC = [
    (b"\x89PNG\r\n\x1a\n", _("a PNG image")),
    (b"\xff\xd8\xff", _("a JPEG image")),
    (b"GIF8", _("a GIF image")),
    (b"\xd0\xcf\x11\xe0", _("an old-style Office file (DOC, XLS or PPT)")),
    (b"{\\rtf", _("an RTF file")),
]
HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|p|div|h[1-6])[\s>]", re.I | re.S
)


class ExtractionError(Exception):
    """A file whose text cannot be read; `message` says why, in the reader's language."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else GB18030, which older Chinese files use."""
    if b"\x00" in data:
        raise ExtractionError(_("The file contains binary data, not text."))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractionError(_("The file is neither UTF-8 nor GB18030 text."))


def sniff(data: bytes) -> str | None:
    """The kind of file the bytes are (PDF, DOCX, HTML or text), or None for anything else."""
    # The PDF header may follow a little junk; readers look in the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return DOCX if "word/document.xml" in archive.namelist() else None
        except zipfile.BadZipFile:
            return None
    if any(data.startswith(magic) for magic, _name in MAGIC):
        return None
    try:
        decode_text(data)
    except ExtractionError:
        return None
    return HTML if HTML_START.match(data[:4096].removeprefix(b"\xef\xbb\xbf")) else TEXT


def describe(data: bytes) -> str:
    """What a file that is not one of ours looks like, for the refusal message."""
    for magic, name in MAGIC:
        if data.startswith(magic):
            return str(name)
    if data.startswith(b"PK\x03\x04"):
        return str(_("a ZIP archive that is not a Word document"))
    return str(_("a file of unknown type"))

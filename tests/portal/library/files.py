"""Real files for the library tests: PDFs with text on each page (Chinese too), Word documents, and broken files.

The PDFs are written by hand, object by object: Latin text in Helvetica and
Chinese text in STSong-Light, one of the CJK fonts every PDF reader knows
without embedding, addressed in UTF-16 through the UniGB-UTF16-H CMap. So
the tests need no PDF-drawing dependency.
"""

import io
import re

import docx
from pypdf import PdfReader, PdfWriter

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7V\xbd\xfa\x00\x00\x00\x00IEND\xaeB`\x82"
)
HAN = re.compile(r"[\u3400-\u9fff]")


def _pdf_string(text: str) -> bytes:
    if HAN.search(text):
        return b"/F2 14 Tf <" + text.encode("utf-16-be").hex().upper().encode() + b"> Tj"
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"/F1 12 Tf (" + escaped.encode("latin-1") + b") Tj"


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one page per item, each line of text drawn on its own line; a page may be empty (no text)."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: (
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H "
            b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>] >>"
        ),
    }
    kids = []
    for index, lines in enumerate(pages):
        page_id, content_id = 5 + 2 * index, 6 + 2 * index
        kids.append(f"{page_id} 0 R".encode())
        ops = [b"BT", b"14 TL", b"72 770 Td"]
        for line in lines:
            ops += [_pdf_string(line), b"T*"]
        ops.append(b"ET")
        stream = b"\n".join(ops) if lines else b"0 0 1 rg 72 600 200 100 re f"  # a drawing, no text
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % content_id
        )
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    xref = out.tell()
    count = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % count)
    for number in range(1, count):
        out.write(b"%010d 00000 n \n" % offsets[number])
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref))
    return out.getvalue()


ENGLISH_PAGES = [
    ["Action Plan for Carbon Dioxide Peaking Before 2030", "Page one: energy structure."],
    ["Page two: industry shall peak emissions.", "Green factories and parks."],
    ["Page three: supervision and review."],
]
CHINESE_PAGES = [
    ["2030年前碳达峰行动方案", "第一页：能源结构调整"],
    ["第二页：工业领域碳达峰行动", "绿色工厂和绿色园区"],
]


def english_pdf() -> bytes:
    return make_pdf(ENGLISH_PAGES)


def chinese_pdf() -> bytes:
    return make_pdf(CHINESE_PAGES)


def titled_pdf(pages: list[list[str]], title: str) -> bytes:
    """A PDF whose document information carries /Title, as authoring tools write it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(pages))))
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf() -> bytes:
    """Two pages of drawings and no text at all, like a scan without a text layer."""
    return make_pdf([[], []])


def encrypted_pdf(user_password: str = "secret") -> bytes:  # noqa: S107 - a test file's password
    """A real PDF encrypted by pypdf (RC4, which needs no optional cryptography package)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(english_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_pdf() -> bytes:
    """A PDF header followed by garbage: the start of a file cut off in transit."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 4 + b"\n1 0 obj << /Type /Catal"


def make_docx(
    paragraphs: list[str | tuple[str, str]], table: list[list[str]] | None = None, *, title: str = ""
) -> bytes:
    """A Word document; a paragraph given as (style, text) takes that style ("Title", "Heading 1"...).

    `title` is the core title (File > Properties), empty as python-docx leaves it by default.
    """
    document = docx.Document()
    document.core_properties.title = title
    for paragraph in paragraphs:
        style, text = paragraph if isinstance(paragraph, tuple) else (None, paragraph)
        document.add_paragraph(text, style=style)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.add_paragraph("Closing paragraph after the table.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def english_docx() -> bytes:
    return make_docx(
        ["Guideline on Green Factory Evaluation", "Scope: manufacturing plants."],
        table=[["Indicator", "Target"], ["Energy intensity", "-13.5%"]],
    )


def html_page() -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Notice</title><style>p { color: red }</style></head>"
        "<body><script>var tracking = 1;</script><h1>关于做好碳排放权交易的通知</h1>"
        "<p>First paragraph\n about the trading scheme.</p><p>Second paragraph.</p>"
        "<table><tr><td>Year</td><td>2025</td></tr></table></body></html>"
    ).encode()

"""Demo policy library and policy briefs: ~150 documents with real files, ~30 briefs in two languages.

Documents are published the way staff publish them, as a revision; each file is a Wagtail document (a third
of them multi-page PDFs, the rest DOCX, HTML and plain text) whose text is extracted page by page. Briefs
are pages under "Policy briefs" with authors, topics and related documents, two-thirds of them translated.

Idempotent by slug: a second run finds every page and document an earlier run made and adds nothing.
"""

import datetime
import hashlib
import html
import io
import random
import zipfile

import docx
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Revision

from demo import briefs_content
from demo import library_content as content
from demo.events import load_topics
from portal.library.extraction import extract_document
from portal.models import (
    BriefAuthor,
    BriefDocument,
    HomePage,
    PolicyBriefIndexPage,
    PolicyBriefPage,
    PolicyDocument,
    PolicyLibraryPage,
    Topic,
)
from portal.progress import progress

LIBRARY = {
    "en": ("Policy library", "National, provincial and international policy documents on the road to carbon "
           "neutrality, with the association's own position papers: search them in English or Chinese."),
    "zh-hans": ("政策文件库", "汇集国家、地方和国际层面有关碳达峰碳中和的政策文件，以及协会的立场文件，支持中英文检索。"),
}  # fmt: skip
BRIEFS = {
    "en": ("Policy briefs", "Short readings of new policy for manufacturers: what changed, what it means for "
           "plants and supply chains, and what members should do next."),
    "zh-hans": ("政策简报", "面向制造企业的政策速读：有哪些变化、对工厂和供应链意味着什么、会员企业下一步应当做什么。"),
}  # fmt: skip
# --- Files: PDF, DOCX, HTML and plain text ----------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595, 842, 72  # A4 in points
# Helvetica's advance widths (thousandths of an em) for printable ASCII, from its AFM.
HELVETICA = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
    556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
    556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
    500, 500, 500, 334, 260, 334, 584,
]  # fmt: skip
STYLES = {"title": (17, 24), "meta": (10, 15), "heading": (12.5, 20), "paragraph": (10.5, 15.5)}


def _width(text: str, size: float, chinese: bool) -> float:
    """How wide `text` sets, in points: CJK characters are square, Latin ones as Helvetica (or half an em)."""
    total = 0.0
    for char in text:
        if " " <= char <= "~":
            total += 500 if chinese else HELVETICA[ord(char) - 32]
        else:
            total += 1000 if chinese else 556
    return total * size / 1000


def _wrap(text: str, size: float, chinese: bool, indent: float = 0) -> list[str]:
    """Break a paragraph into lines that fit the text column: at spaces in English, anywhere in Chinese."""
    room = PAGE_WIDTH - 2 * MARGIN
    if chinese:
        lines, line = [], ""
        for char in text:
            if _width(line + char, size, True) > room - (0 if lines else indent) and char not in "，。；：、）”":
                lines.append(line)
                line = ""
            line += char
        return [*lines, line] if line else lines
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and _width(candidate, size, False) > room:
            lines.append(line)
            candidate = word
        line = candidate
    return [*lines, line] if line else lines


def layout(blocks: list[tuple[str, str]], chinese: bool) -> list[list[tuple[str, float, float, str]]]:
    """Blocks ("title" | "meta" | "heading" | "paragraph" | "page", text) set as pages of (style, x, y, line).

    Chinese paragraphs start with an indent of two characters.
    """
    pages: list[list] = [[]]
    y = PAGE_HEIGHT - MARGIN
    for style, text in blocks:
        if style == "page":
            if pages[-1]:
                pages.append([])
                y = PAGE_HEIGHT - MARGIN
            continue
        size, leading = STYLES[style]
        indent = 2 * size if chinese and style == "paragraph" else 0
        lines = _wrap(text, size, chinese, indent)
        if style == "heading" and y - leading * 3 < MARGIN:  # keep a heading with its first lines
            pages.append([])
            y = PAGE_HEIGHT - MARGIN
        for number, line in enumerate(lines):
            if y - leading < MARGIN:
                pages.append([])
                y = PAGE_HEIGHT - MARGIN
            y -= leading
            pages[-1].append((style, MARGIN + (indent if number == 0 else 0), y, line))
        y -= leading * (0.5 if style == "paragraph" else 0.3)
    return pages


def _pdf_string(text: str, chinese: bool) -> bytes:
    if chinese:
        return b"<" + text.encode("utf-16-be").hex().upper().encode() + b">"
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _to_unicode_cmap(characters: set[str]) -> bytes:
    """Each UCS-2 code used maps to itself: what lets text extraction read the Chinese font back.

    Only the characters on the pages are listed: readers parse the whole map for every page.
    """
    codes = sorted(f"<{ord(char):04X}>" for char in characters)
    blocks = [codes[start : start + 100] for start in range(0, len(codes), 100)]
    body = "\n".join(
        f"{len(block)} beginbfchar\n" + "\n".join(f"{code} {code}" for code in block) + "\nendbfchar"
        for block in blocks
    )
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{body}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode()


def text_pdf(blocks: list[tuple[str, str]], chinese: bool, title: str, footer: str) -> bytes:
    """A real text PDF of the blocks.

    English is set in Helvetica; Chinese in STSong-Light through the UniGB-UCS2-H
    encoding, Adobe's standard Chinese font that PDF readers supply themselves
    (so nothing is embedded), with a ToUnicode map so the text can be copied and
    extracted. Each page ends with a footer line and its number.
    """
    pages = layout(blocks, chinese)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)

    catalog = add(b"")  # filled in once the page tree exists
    tree = add(b"")
    if chinese:
        descriptor = add(
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
            b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
        )
        cid_font = add(
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
            b"/FontDescriptor %d 0 R /DW 1000 /W [1 95 500] >>" % descriptor
        )
        characters = {char for lines in pages for *_, line in lines for char in line}
        characters |= set(f"{footer}   0123456789/")
        to_unicode = add(stream(_to_unicode_cmap(characters)))
        regular = bold = add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
            b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode)
        )
    else:
        regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    fonts = b"<< /F1 %d 0 R /F2 %d 0 R >>" % (regular, bold)

    page_ids = []
    for number, lines in enumerate(pages, start=1):
        page_footer = f"{footer}   {number} / {len(pages)}"
        commands = []
        for style, x, y, line in [*lines, ("meta", MARGIN, MARGIN / 2, page_footer)]:
            size = STYLES[style][0] - (2 if line is page_footer else 0)
            font = b"F2" if style in ("title", "heading") else b"F1"
            commands.append(b"BT /%s %.1f Tf %.1f %.1f Td %s Tj ET" % (font, size, x, y, _pdf_string(line, chinese)))
        content = add(stream(b"\n".join(commands)))
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font %s >> /Contents %d 0 R >>"
                % (tree, PAGE_WIDTH, PAGE_HEIGHT, fonts, content)
            )
        )
    kids = b" ".join(b"%d 0 R" % page for page in page_ids)
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    info = add(b"<< /Title %s /Producer (LCMA demo) >>" % _pdf_string(title, chinese))

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(output)


def docx_file(blocks: list[tuple[str, str]], title: str, chinese: bool) -> bytes:
    """A Word document of the blocks, with the same bytes on every run (zip entries carry a fixed date)."""
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "LCMA demo"
    stamp = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    document.core_properties.created = document.core_properties.modified = stamp
    for style, text in blocks:
        if style == "title":
            document.add_heading(text, level=0)
        elif style == "heading":
            document.add_heading(text, level=1)
        elif style == "meta":
            document.add_paragraph().add_run(text).italic = True
        elif style == "paragraph":
            document.add_paragraph(("\u3000\u3000" if chinese else "") + text)
    buffer = io.BytesIO()
    document.save(buffer)
    fixed = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(zipfile.ZipInfo(entry.filename, (2020, 1, 1, 0, 0, 0)), source.read(entry.filename))
    return fixed.getvalue()


def html_file(blocks: list[tuple[str, str]], title: str, language: str) -> bytes:
    tags = {"title": "h1", "heading": "h2", "meta": 'p class="meta"', "paragraph": "p"}
    body = "\n".join(
        f"<{tags[style]}>{html.escape(text)}</{tags[style].split()[0]}>" for style, text in blocks if style != "page"
    )
    page = (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
    return page.encode()


def plain_text(blocks: list[tuple[str, str]]) -> str:
    parts = []
    for style, text in blocks:
        if style == "page":
            continue
        underline = {"title": "=", "heading": "-"}.get(style)
        parts.append(f"{text}\n{underline * min(len(text) * 2, 72)}" if underline else text)
    return "\n\n".join(parts) + "\n"


def document_file(spec: dict) -> bytes:
    """The file for a library entry, in its format."""
    chinese = spec["language"] == "zh-hans"
    blocks, title = spec["blocks"], spec["title"]
    if spec["format"] == "pdf":
        return text_pdf(blocks, chinese, title, spec["issuing_body_zh"] if chinese else spec["issuing_body"])
    if spec["format"] == "docx":
        return docx_file(blocks, title, chinese)
    if spec["format"] == "html":
        return html_file(blocks, title, spec["language"])
    return plain_text(blocks).encode()


# --- Loading ------------------------------------------------------------------------------------------------


def aware(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def publish_entry(entry: PolicyDocument, editor, moderator, day: datetime.date) -> None:
    """Publish as staff do: a revision saved by an editor, published by a moderator, dated `day`."""
    revision = entry.save_revision(user=editor, log_action=True)
    revision.publish(user=moderator)
    stamp = aware(day)
    Revision.objects.filter(pk=revision.pk).update(created_at=stamp)
    PolicyDocument.objects.filter(pk=entry.pk).update(first_published_at=stamp, last_published_at=stamp)


def _collection(name: str) -> Collection:
    existing = Collection.objects.filter(name=name).first()
    return existing or Collection.get_first_root_node().add_child(name=name)


def load_document(spec: dict, where: Collection, topics: dict, originals: dict, staff: dict) -> bool:
    """One library entry with its file, published and with its text extracted. False if it was there already."""
    if PolicyDocument.objects.filter(slug=spec["slug"]).exists():
        return False
    data = document_file(spec)
    document = get_document_model()(title=spec["title"][:255], collection=where)
    document.file.save(f"{spec['slug']}.{spec['format']}", ContentFile(data), save=False)
    document._set_document_file_metadata()  # size and hash, as Wagtail's upload form records them
    document.save()
    fields = [field.name for field in PolicyDocument._meta.get_fields() if field.concrete]
    entry = PolicyDocument(
        **{key: value for key, value in spec.items() if key in fields and key not in ("topics", "translation_of")},
        file=document,
        translation_of=originals.get(spec["translation_of"]),
        content_hash=hashlib.sha256(data).hexdigest(),
        live=False,
        has_unpublished_changes=True,
    )
    entry.topics = [topics[slug] for slug in spec["topics"]]
    entry.save()
    rng = random.Random(f"published-{spec['slug']}")
    published = min(spec["issued_on"] + datetime.timedelta(days=rng.randint(2, 40)), timezone.localdate())
    publish_entry(entry, staff["editor"], staff["moderator"], published)
    # Now rather than after the commit (where saving queues it): what the library shows is complete on return.
    extract_document(entry)
    originals[spec["slug"]] = entry
    return True


def _publish(page, user) -> None:
    page.save_revision(user=user, log_action=True).publish(user=user)


def load_index(model, slug: str, texts: dict, user) -> dict[str, Page]:
    """A listing page under the English home, and its Chinese translation under /zh-hans/, both published."""
    english = Locale.objects.get(language_code="en")
    chinese = Locale.objects.get(language_code="zh-hans")
    home = HomePage.objects.get(locale=english)
    index = model.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=model(title=texts["en"][0], slug=slug))
    translation = index.get_translation_or_none(chinese) or index.copy_for_translation(chinese)
    pages = {"en": index.pk, "zh-hans": translation.pk}
    for language, pk in pages.items():
        page = model.objects.get(pk=pk)  # fresh: tree counts change as children are added
        page.title, page.introduction = texts[language]
        page.slug = slug
        _publish(page, user)
    return {language: model.objects.get(pk=pk) for language, pk in pages.items()}


def _staff() -> dict:
    users = get_user_model().objects.in_bulk(["admin", "editor", "moderator"], field_name="username")
    return {"admin": users.get("admin"), "editor": users.get("editor"), "moderator": users.get("moderator")}


def _topics() -> dict[str, Topic]:
    """The site's topics (the events demo makes them), by slug."""
    return load_topics()


@transaction.atomic
def load_library(stdout=None) -> dict:
    """The library page in both languages and every document. Returns counts."""
    staff = _staff()
    load_index(PolicyLibraryPage, "library", LIBRARY, staff["admin"])
    where, topics = _collection("Policy library"), _topics()
    specs = content.document_specs()
    originals = {entry.slug: entry for entry in PolicyDocument.objects.filter(slug__in=[s["slug"] for s in specs])}
    created = 0
    for spec in progress(specs, "Policy library", stream=stdout):
        created += load_document(spec, where, topics, originals, staff)
    return {"documents": len(specs), "created": created, "pdfs": sum(spec["format"] == "pdf" for spec in specs)}


# --- Briefs ---------------------------------------------------------------------------------------------------


def brief_body(brief: tuple, language: str) -> list[dict]:
    return [
        {"type": "heading", "value": {"text": text, "level": "h2"}}
        if kind == "heading"
        else {"type": "paragraph", "value": f"<p>{html.escape(text)}</p>"}
        for kind, text in briefs_content.body(brief, language)
    ]


def _fill_brief(page: PolicyBriefPage, brief: tuple, language: str, topics: dict, documents: dict) -> None:
    slug, day, topic_slugs, related, authors, _translated, title, summary, _opening = brief
    side = 1 if language == "zh-hans" else 0
    page.title, page.slug, page.date, page.summary = title[side], slug, day, summary[side]
    page.body = brief_body(brief, language)
    page.topics = [topics[topic] for topic in topic_slugs]
    page.authors = [
        BriefAuthor(
            name=briefs_content.AUTHORS[key][side], role=briefs_content.AUTHORS[key][2 + side], sort_order=order
        )
        for order, key in enumerate(authors)
    ]
    # English pages link the English translation of a Chinese original where the library has one.
    chosen = [documents.get(f"{key}-en", documents[key]) if side == 0 else documents[key] for key in related]
    page.related_documents = [
        BriefDocument(document=document, sort_order=order) for order, document in enumerate(chosen)
    ]


def _publish_on(page: Page, staff: dict, day: datetime.date) -> None:
    """Publish as staff do (written by an editor, published by a moderator) and date the page as if it had gone
    live on `day`: the feeds read first_published_at."""
    revision = page.save_revision(user=staff["editor"], log_action=True)
    revision.publish(user=staff["moderator"])
    stamp = aware(day, 9)
    Revision.objects.filter(pk=revision.pk).update(created_at=stamp)
    Page.objects.filter(pk=page.pk).update(first_published_at=stamp, last_published_at=stamp)


@transaction.atomic
def load_briefs(stdout=None) -> dict:
    """The briefs index in both languages and every brief, English first, then its translation. Returns counts."""
    staff = _staff()
    index = load_index(PolicyBriefIndexPage, "briefs", BRIEFS, staff["admin"])
    chinese = index["zh-hans"].locale
    topics = _topics()
    documents = PolicyDocument.objects.in_bulk(field_name="slug")
    existing = {page.slug: page for page in PolicyBriefPage.objects.child_of(index["en"])}
    created = translations = 0
    for brief in progress(briefs_content.BRIEFS, "Policy briefs", stream=stdout):
        slug, day, translated = brief[0], brief[1], brief[5]
        if slug in existing:
            continue
        page = PolicyBriefPage()
        _fill_brief(page, brief, "en", topics, documents)
        index["en"].add_child(instance=page)
        _publish_on(page, staff, day)
        created += 1
        if translated:
            translation = PolicyBriefPage.objects.get(pk=page.copy_for_translation(chinese).pk)
            _fill_brief(translation, brief, "zh-hans", topics, documents)
            _publish_on(translation, staff, day)
            translations += 1
    return {"briefs": len(briefs_content.BRIEFS), "created": created, "translations": translations}

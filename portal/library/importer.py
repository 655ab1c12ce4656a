"""Bulk import into the policy-document library: a folder of files, or a CSV manifest describing them.

Each file is imported in its own transaction (Wagtail document, library
entry, revision, extracted text), so a failure leaves nothing behind and the
rest of the import goes on. A file whose bytes are already in the library is
skipped, so running an import twice adds nothing.

Nothing is invented: what neither the manifest, the command line nor the file
itself says stays unknown, and the admin lists the entries still missing an
issuing body, jurisdiction, type or issue date. For a file without a manifest
row (or where the row leaves a column empty):

- title: the file's own title metadata (PDF /Title, DOCX core title) when it
  reads as a title (not empty, not the file name, not "Microsoft Word - x.docx"
  or "Untitled"), else a DOCX's first heading, else the first line of the
  text that reads as one (not a page number or a document number such as
  国发〔2021〕23号), else, as a last resort, the file name;
- languages: detected from the text;
- issue date: a date in the file name, else a date written next to a label
  (发布时间, 发布日期, 印发日期, 成文日期, 日期, "Date:", "Issued:",
  "Published:"), else the one given on the command line, else unknown. A
  Chinese date at the end of the text, where the date of writing is usually
  printed, is only a guess: it is not set but offered in the metadata notes;
- issuing body, jurisdiction and type: as given on the command line, else unknown.

The entry's metadata notes say where the title and date came from, so staff
can check them against the file.

Manifest columns: file, title, title_en, issuing_body, issuing_body_zh,
jurisdiction, region, document_type, languages ("zh-hans;en"), issued_on,
effective_on (YYYY-MM-DD), status, topics (slugs, ";"-separated),
source_url, summary, translation_of (the original's file name or slug).
"""

import csv
import datetime
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.documents import get_document_model

from portal.library.extraction import (
    KINDS_BY_EXTENSION,
    ExtractionError,
    check_file,
    decode_text,
    extract_document,
    sha256,
    title_candidates,
)
from portal.library.models import (
    DocumentLanguage,
    DocumentStatus,
    DocumentType,
    Extraction,
    Jurisdiction,
    PolicyDocument,
)
from portal.models.topics import Topic
from portal.text import readable, text_problem

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
DATE_IN_NAME = re.compile(r"(?<!\d)(19\d\d|20\d\d)[-_.年]?(0[1-9]|1[0-2])[-_.月]?(0[1-9]|[12]\d|3[01])(?!\d)")
LIST_SEPARATOR = re.compile(r"[;；,，]")
# Manifest columns kept as text; the summary alone may run over several lines.
TEXT_COLUMNS = ("title", "title_en", "issuing_body", "issuing_body_zh", "region", "source_url", "summary")
MULTILINE_COLUMNS = ("summary",)

# --- Reading a file's own title and date
# What authoring tools leave as a title when nobody typed one.
PLACEHOLDER_TITLE = re.compile(
    r"^(microsoft (word|excel|powerpoint) - |untitled|document\s*\d*$|title$|slide \d|无标题"
    r"|新建\s*(microsoft\s*word\s*)?文档\s*\d*$|文档\s*\d*$)",
    re.I,
)
FILE_NAME = re.compile(r"\.(pdf|docx?|wps|html?|txt|rtf)$", re.I)
# 国发〔2021〕23号, 发改环资〔2022〕1号: printed above a Chinese title, not the title.
DOCUMENT_NUMBER = re.compile(r"^\S{0,12}[〔\[（(【]\d{4}[〕\]）)】]\s*\d+\s*号$")
PAGE_MARKER = re.compile(r"^(page\s*\d+(\s*(of|/)\s*\d+)?|第\s*\d+\s*页(\s*共\s*\d+\s*页)?|[-—\s]*\d+[-—\s]*)$", re.I)
LETTER = re.compile(r"[^\W\d_]")
# A first line that ends a sentence is the text starting, not a title (titles end without a full stop).
SENTENCE_END = re.compile(r"[。！？!?]$|[^\W\d_]{2}\.$")
TITLE_LINE_LENGTH = 200  # a longer first line is a paragraph, not a title
TITLE_SOURCES = {
    "metadata": _lazy("Title: from the file’s title metadata."),
    "heading": _lazy("Title: the file’s first heading."),
    "line": _lazy("Title: the first line of the text."),
    "name": _lazy("Title: the file name; the file gives no title of its own."),
}

CHINESE_NUMERALS = {digit: value for value, digit in enumerate("〇一二三四五六七八九")} | {"零": 0}
ARABIC_DATE = r"(?P<y>(?:19|20)\d\d)\s*[年/.\-]\s*(?P<m>\d{1,2})\s*[月/.\-]\s*(?P<d>\d{1,2})(?!\d)\s*日?"
CHINESE_DATE = r"(?P<cy>[〇零一二三四五六七八九]{4})\s*年\s*(?P<cm>[一二三四五六七八九十]{1,2})\s*月\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*日"
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
ENGLISH_DATE = (
    rf"(?:(?P<ed>\d{{1,2}})\s+(?P<em>{MONTH})\s+(?P<ey>(?:19|20)\d\d)"
    rf"|(?P<em2>{MONTH})\s+(?P<ed2>\d{{1,2}}),?\s+(?P<ey2>(?:19|20)\d\d))"
)
ANY_DATE = rf"(?:{ARABIC_DATE}|{CHINESE_DATE}|{ENGLISH_DATE})"
# A date next to a label that says it is the issue date. Bare 日期 and the English labels must open
# a line, so 实施日期 (the effective date) or "update date:" within a sentence are not taken.
DATE_LABEL = (
    r"(?:发布时间|发布日期|印发日期|成文日期|^[ \t]*[【\[]?日期"
    r"|^[ \t]*(?:date(?: of issue)?|issue date|issued(?: on)?|published(?: on)?|publication date)(?=\s*[:：]))"
)
LABELLED_DATE = re.compile(rf"{DATE_LABEL}\s*[】\]]?\s*[:：]?\s*{ANY_DATE}", re.I | re.M)
# Only a date written out in Chinese counts at the end: "2021-10-24" there is more often a print stamp.
CLOSING_DATE = re.compile(rf"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日|{CHINESE_DATE}")
CLOSING_LENGTH = 300  # characters at the end of the text where the date of writing is printed


@dataclass
class Defaults:
    """What the command line says of every file; empty (None for the date) is unknown."""

    issuing_body: str = ""
    jurisdiction: str = ""
    document_type: str = ""
    issued_on: datetime.date | None = None


@dataclass
class Item:
    """One file to import, with what is known about it and where it came from (for messages).

    `find` names the fields to read from the file itself ("title", "issued_on"): the
    manifest left them empty, or there is no manifest.
    """

    path: Path
    label: str
    values: dict = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    translation_of: str = ""
    problems: list[str] = field(default_factory=list)
    find: set[str] = field(default_factory=set)


@dataclass
class Report:
    imported: list[tuple[str, PolicyDocument]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def without_text(self) -> list[tuple[str, PolicyDocument]]:
        """Imported, but their text could not be extracted (scanned PDFs): not searchable yet."""
        return [(label, doc) for label, doc in self.imported if doc.extraction == Extraction.FAILED]


# --- What to import ------------------------------------------------------------------


def detect_languages(text: str) -> list[str]:
    """Chinese, English or both, from the share of Han characters against Latin words.

    A Han character carries about as much as an English word, so they are
    compared one for one; a little of the other language (acronyms, names)
    does not make a document bilingual.
    """
    han, words = len(HAN.findall(text)), len(LATIN_WORD.findall(text))
    if not han and not words:
        return []
    share = han / (han + words)
    if share >= 0.8:
        return [DocumentLanguage.CHINESE.value]
    if share <= 0.2:
        return [DocumentLanguage.ENGLISH.value]
    return [DocumentLanguage.CHINESE.value, DocumentLanguage.ENGLISH.value]


def file_name(path: Path) -> str:
    """The file's name as text.

    A name the file system holds in another encoding (GB18030 from a Chinese Windows machine, say)
    reaches Python with its bytes as lone surrogates, which no column or page takes.
    """
    raw = os.fsencode(path.name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return readable(path.name)


def title_from_name(path: Path) -> str:
    stem = Path(file_name(path)).stem
    title = re.sub(r"[_]+|(?<=\S)-(?=\S)", " ", stem)
    return re.sub(r"\s+", " ", title).strip() or stem


def date_from_name(path: Path) -> datetime.date | None:
    match = DATE_IN_NAME.search(path.stem)
    if match:
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    return None


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        found = datetime.date(year, month, day)
    except ValueError:
        return None
    # A year ahead at most: a notice may announce its own date, but not 2099.
    return found if found <= timezone.localdate() + datetime.timedelta(days=366) else None


def _chinese_number(text: str) -> int:
    """二〇二一 -> 2021 (digit by digit), 二十四 -> 24, 十 -> 10."""
    if "十" in text:
        tens, _ten, ones = text.partition("十")
        return CHINESE_NUMERALS.get(tens, 1) * 10 + CHINESE_NUMERALS.get(ones, 0)
    return int("".join(str(CHINESE_NUMERALS[digit]) for digit in text))


def _month(name: str) -> int:
    return next(number for number, month in enumerate(MONTHS, start=1) if month.startswith(name[:3].lower()))


def _match_date(match: re.Match) -> datetime.date | None:
    found = {name: value for name, value in match.groupdict().items() if value}
    if "y" in found:
        return _valid_date(int(found["y"]), int(found["m"]), int(found["d"]))
    if "cy" in found:
        return _valid_date(*(_chinese_number(found[name]) for name in ("cy", "cm", "cd")))
    if "ey" in found:
        return _valid_date(int(found["ey"]), _month(found["em"]), int(found["ed"]))
    return _valid_date(int(found["ey2"]), _month(found["em2"]), int(found["ed2"]))


def _excerpt(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def labelled_date(text: str) -> tuple[datetime.date, str] | None:
    """The first date written next to an issue-date label (发布时间：2021年10月24日, "Date: 24 October 2021"),
    with the words it was read from."""
    for match in LABELLED_DATE.finditer(text):
        found = _match_date(match)
        if found:
            return found, _excerpt(match.group())
    return None


def closing_date(text: str) -> tuple[datetime.date, str] | None:
    """The last Chinese date in the closing lines (where 成文日期 is printed), with its words: a guess, not a fact."""
    matches = CLOSING_DATE.finditer(text.rstrip()[-CLOSING_LENGTH:])
    found = [(day, _excerpt(match.group())) for match in matches if (day := _match_date(match))]
    return found[-1] if found else None


def reads_as_title(text: str, path: Path) -> bool:
    """Not a placeholder an authoring tool left, the file's name, a page number or a document number."""
    name = file_name(path)
    names = {name.lower(), Path(name).stem.lower(), title_from_name(path).lower()}
    return bool(
        len(text) >= 2
        and LETTER.search(text)
        and text.lower() not in names
        and not PLACEHOLDER_TITLE.search(text)
        and not FILE_NAME.search(text)
        and not DOCUMENT_NUMBER.match(text)
        and not PAGE_MARKER.match(text)
    )


def find_title(data: bytes, path: Path) -> tuple[str, str]:
    """The file's own title and where it was found (a key of TITLE_SOURCES); the file name as a last resort."""
    for text, where in title_candidates(data, file_name(path)):
        text = _excerpt(text)
        limit = PolicyDocument._meta.get_field("title").max_length if where == "metadata" else TITLE_LINE_LENGTH
        if where == "line" and SENTENCE_END.search(text):
            continue
        if len(text) <= limit and reads_as_title(text, path):
            return text, where
    return title_from_name(path), "name"


def read_from_file(document: PolicyDocument, item: Item, data: bytes) -> None:
    """Fill in what the manifest and the command line left to the file (see above), noting where each came from."""
    text = document.full_text
    notes = []
    if "title" in item.find:
        document.title, where = find_title(data, item.path)
        notes.append(str(TITLE_SOURCES[where]))
    if "languages" not in item.values:
        document.languages = detect_languages(text)
        if document.languages:
            notes.append(_("Languages: detected from the text."))
    if "issued_on" in item.find:
        from_name, labelled = date_from_name(item.path), labelled_date(text)
        if from_name:
            document.issued_on = from_name
            notes.append(_("Issue date: from the file name."))
        elif labelled:
            document.issued_on = labelled[0]
            notes.append(_("Issue date: written in the text as “%(words)s”.") % {"words": labelled[1]})
        elif document.issued_on:
            notes.append(_("Issue date: given for the whole import."))
        closing = closing_date(text)
        if closing and closing[0] != document.issued_on:
            notes.append(
                _(
                    "Possible issue date, not set: “%(words)s” at the end of the text, "
                    "where the date of writing is usually printed."
                )
                % {"words": closing[1]}
            )
    document.metadata_notes = "\n".join(notes)


def folder_items(folder: Path, defaults: Defaults) -> list[Item]:
    """Every PDF, DOCX, HTML and text file in the folder (not its subfolders), by name."""
    items = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower().lstrip(".") in KINDS_BY_EXTENSION:
            values = {
                "title": title_from_name(path),  # until the file's own title is read
                "issuing_body": defaults.issuing_body,
                "jurisdiction": defaults.jurisdiction,
                "document_type": defaults.document_type,
                "issued_on": defaults.issued_on,
            }
            items.append(Item(path=path, label=file_name(path), values=values, find={"title", "issued_on"}))
    return items


def _choice(row: dict, column: str, choices, problems: list[str], default: str = "") -> str:
    value = (row.get(column) or "").strip() or default
    if value and value not in choices.values:
        problems.append(
            _("%(column)s: unknown value “%(value)s” (expected one of %(choices)s)")
            % {"column": column, "value": value[:40], "choices": ", ".join(choices.values)}
        )
    return value


def _date(row: dict, column: str, problems: list[str]) -> datetime.date | None:
    value = (row.get(column) or "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        problems.append(
            _("%(column)s: “%(value)s” is not a date written YYYY-MM-DD") % {"column": column, "value": value[:40]}
        )
        return None


def read_manifest(manifest: Path, defaults: Defaults) -> list[Item]:
    """One item per row; files are looked up next to the manifest. Rows are numbered as a spreadsheet shows them."""
    # Spreadsheets in China often save CSV as GB18030 rather than UTF-8.
    text = decode_text(manifest.read_bytes())
    items = []
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        row = {(key or "").strip().lower(): (value or "") for key, value in row.items()}
        name = row.get("file", "").strip()
        path = manifest.parent / name
        problems = []
        if not name:
            problems.append(_("file: no file named"))
        elif not path.is_file():
            problems.append(_("file: “%(name)s” not found next to the manifest") % {"name": name})
        languages = [code.strip() for code in LIST_SEPARATOR.split(row.get("languages", "")) if code.strip()]
        unknown = [code for code in languages if code not in DocumentLanguage.values]
        if unknown:
            problems.append(_("languages: unknown language codes %(codes)s") % {"codes": ", ".join(unknown)})
        # What the row leaves empty is read from the file, as for a folder.
        find = {column for column in ("title", "issued_on") if not row.get(column, "").strip()}
        values = {
            "title": row.get("title", "").strip() or title_from_name(Path(name)),
            "title_en": row.get("title_en", "").strip(),
            "issuing_body": row.get("issuing_body", "").strip() or defaults.issuing_body,
            "issuing_body_zh": row.get("issuing_body_zh", "").strip(),
            "jurisdiction": _choice(row, "jurisdiction", Jurisdiction, problems, defaults.jurisdiction),
            "region": row.get("region", "").strip(),
            "document_type": _choice(row, "document_type", DocumentType, problems, defaults.document_type),
            "status": _choice(row, "status", DocumentStatus, problems, DocumentStatus.IN_FORCE),
            "issued_on": _date(row, "issued_on", problems) or defaults.issued_on,
            "effective_on": _date(row, "effective_on", problems),
            "source_url": row.get("source_url", "").strip(),
            "summary": row.get("summary", "").strip(),
        }
        for column in TEXT_COLUMNS:
            problem = text_problem(values[column], multiline=column in MULTILINE_COLUMNS)
            if problem:
                problems.append(f"{column}: {problem.message}")
        if languages:
            values["languages"] = languages
        items.append(
            Item(
                path=path,
                label=_("row %(number)s (%(name)s)") % {"number": number, "name": name or "?"},
                values=values,
                topics=[slug.strip() for slug in LIST_SEPARATOR.split(row.get("topics", "")) if slug.strip()],
                translation_of=row.get("translation_of", "").strip(),
                problems=problems,
                find=find,
            )
        )
    # Originals first, so a translation can point at an original listed after it.
    return sorted(items, key=lambda item: bool(item.translation_of))


# --- Importing ------------------------------------------------------------------------


class ImportFailed(Exception):
    pass


def unique_slug(*candidates: str) -> str:
    """The first candidate that slugifies to a word (a Chinese name leaves only digits), made unique with -2, -3..."""
    slugs = (slugify(candidate)[:100].strip("-") for candidate in candidates)
    base = next((slug for slug in slugs if re.search("[a-z]", slug)), "document")
    slug, counter = base, 2
    while PolicyDocument.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def _original(reference: str, imported: dict[str, PolicyDocument]) -> PolicyDocument:
    original = imported.get(reference) or PolicyDocument.objects.filter(slug=reference).first()
    if original is None:
        raise ImportFailed(
            _("translation_of: “%(reference)s” is neither a file in this import nor a document’s slug")
            % {"reference": reference[:80]}
        )
    return original


def import_item(item: Item, *, live: bool, imported: dict[str, PolicyDocument]) -> PolicyDocument:
    """Create the Wagtail document and library entry for one file and extract its text, all or nothing."""
    if item.problems:
        raise ImportFailed("; ".join(item.problems))
    data = item.path.read_bytes()
    try:
        check_file(data, item.path.name)
    except ExtractionError as error:
        raise ImportFailed(str(error.message)) from error
    topics = list(Topic.objects.filter(slug__in=item.topics))
    missing = sorted(set(item.topics) - {topic.slug for topic in topics})
    if missing:
        raise ImportFailed(_("topics: unknown topic slugs %(slugs)s") % {"slugs": ", ".join(missing)})
    stored = []
    try:
        with transaction.atomic():
            return _create(item, data, topics, live=live, imported=imported, stored=stored)
    except BaseException:
        # The rolled-back rows are gone; the file written to storage must go too.
        for name in stored:
            default_storage.delete(name)
        raise


def _create(item: Item, data: bytes, topics, *, live: bool, imported, stored: list[str]) -> PolicyDocument:
    file = get_document_model()(title=item.values["title"][:255])
    file.file.save(file_name(item.path), ContentFile(data), save=False)
    stored.append(file.file.name)
    file._set_document_file_metadata()
    file.save()
    document = PolicyDocument(
        **item.values,
        slug=unique_slug(item.values.get("title_en", ""), item.path.stem, f"document-{sha256(data)[:10]}"),
        file=file,
        content_hash=sha256(data),
        live=False,
    )
    if item.translation_of:
        document.translation_of = _original(item.translation_of, imported)
    _validate(document)
    document.save()
    document.topics.set(topics)
    extract_document(document)
    read_from_file(document, item, data)
    _validate(document)  # a date read from the file may fall after the effective date given
    document.save()
    if file.title != document.title[:255]:
        file.title = document.title[:255]
        file.save(update_fields=["title"])
    revision = document.save_revision()
    if live:
        revision.publish()
    return document


def _validate(document: PolicyDocument) -> None:
    try:
        document.full_clean()
    except ValidationError as error:
        raise ImportFailed(
            "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
        ) from error


def run_import(items: Iterable[Item], *, live: bool = True) -> Report:
    """Import each item on its own; already-imported bytes are skipped, failures reported with their reason."""
    report = Report()
    imported: dict[str, PolicyDocument] = {}
    for item in items:
        try:
            if item.path.is_file():
                existing = PolicyDocument.objects.filter(content_hash=sha256(item.path.read_bytes())).first()
                if existing is not None:
                    imported[item.path.name] = existing
                    report.skipped.append((item.label, _("already imported as %(slug)s") % {"slug": existing.slug}))
                    continue
            document = import_item(item, live=live, imported=imported)
        except ImportFailed as error:
            report.failed.append((item.label, str(error)))
        except OSError as error:
            report.failed.append((item.label, _("cannot read the file (%(error)s)") % {"error": error.strerror}))
        else:
            imported[item.path.name] = document
            report.imported.append((item.label, document))
    return report


def import_documents(source: Path, *, live: bool = True, defaults: Defaults | None = None, progress=None) -> Report:
    """Import a folder, or a CSV manifest with its files beside it. ``progress`` wraps the items (a progress bar)."""
    defaults = defaults or Defaults()
    source = Path(source)
    items = read_manifest(source, defaults) if source.is_file() else folder_items(source, defaults)
    return run_import(progress(items) if progress else items, live=live)

"""Bulk import into the policy-document library: a folder of files, or a CSV manifest describing them.

Each file is imported in its own transaction (Wagtail document, library
entry, revision, extracted text), so a failure leaves nothing behind and the
rest of the import goes on. A file whose bytes are already in the library is
skipped, so running an import twice adds nothing. Without a manifest the
title comes from the file name, the language from the text, and the issue
date from a date in the file name (else the one given).

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
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from portal.library.extraction import (
    KINDS_BY_EXTENSION,
    ExtractionError,
    check_file,
    decode_text,
    extract_document,
    sha256,
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


@dataclass
class Defaults:
    """Values for the required fields a folder import cannot read from the files."""

    issuing_body: str = "China Carbon Neutrality Alliance"
    jurisdiction: str = Jurisdiction.ASSOCIATION
    document_type: str = DocumentType.REPORT
    issued_on: datetime.date = field(default_factory=datetime.date.today)


@dataclass
class Item:
    """One file to import, with what is known about it and where it came from (for messages)."""

    path: Path
    label: str
    values: dict = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    translation_of: str = ""
    problems: list[str] = field(default_factory=list)


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


def folder_items(folder: Path, defaults: Defaults) -> list[Item]:
    """Every PDF, DOCX, HTML and text file in the folder (not its subfolders), by name."""
    items = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower().lstrip(".") in KINDS_BY_EXTENSION:
            values = {
                "title": title_from_name(path),
                "issuing_body": defaults.issuing_body,
                "jurisdiction": defaults.jurisdiction,
                "document_type": defaults.document_type,
                "issued_on": date_from_name(path) or defaults.issued_on,
            }
            items.append(Item(path=path, label=file_name(path), values=values))
    return items


def _choice(row: dict, column: str, choices, problems: list[str], default: str = "") -> str:
    value = (row.get(column) or "").strip() or default
    if value and value not in choices.values:
        problems.append(
            _("%(column)s: unknown value “%(value)s” (expected one of %(choices)s)")
            % {"column": column, "value": value[:40], "choices": ", ".join(choices.values)}
        )
    return value


def _date(row: dict, column: str, problems: list[str], required: bool = False) -> datetime.date | None:
    value = (row.get(column) or "").strip()
    if not value:
        if required:
            problems.append(_("%(column)s: a date is required") % {"column": column})
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
        values = {
            "title": row.get("title", "").strip() or title_from_name(Path(name)),
            "title_en": row.get("title_en", "").strip(),
            "issuing_body": row.get("issuing_body", "").strip() or defaults.issuing_body,
            "issuing_body_zh": row.get("issuing_body_zh", "").strip(),
            "jurisdiction": _choice(row, "jurisdiction", Jurisdiction, problems, defaults.jurisdiction),
            "region": row.get("region", "").strip(),
            "document_type": _choice(row, "document_type", DocumentType, problems, defaults.document_type),
            "status": _choice(row, "status", DocumentStatus, problems, DocumentStatus.IN_FORCE),
            "issued_on": _date(row, "issued_on", problems, required=True),
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
    try:
        document.full_clean()
    except ValidationError as error:
        raise ImportFailed(
            "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
        ) from error
    document.save()
    document.topics.set(topics)
    extract_document(document)
    if "languages" not in item.values:
        document.languages = detect_languages(document.full_text)
    document.save()
    revision = document.save_revision()
    if live:
        revision.publish()
    return document


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

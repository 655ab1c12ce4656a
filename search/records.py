"""Every indexable object as one plain dict: the single source for both backends.

A record looks like this (all keys always present):

    id            "portal.policydocument:12" (content type label and primary key)
    content_type  "portal.policydocument"
    title, alt_title, summary, body       text (alt_title: the other-language title)
    passages      [{"page": 3, "text": "..."}] for documents' extracted pages, else []
    url           site-relative address
    languages     ["en"] / ["zh-hans"]: the page's locale, or the document's languages
    date, year    "2025-03-01", 2025
    topics, topic_names                   slugs, and names in both languages
    issuing_body, issuing_body_zh, jurisdiction, document_type, status   documents only
    province, stage, sectors, instruments, investment, gap, size_band, gap_band
                  EOD programmes only (amounts in CNY million, as floats)
    number        a document's number or code (国发〔2021〕23号, GB/T 36132—2024)
    group         shared by records that are translations of each other
    version       hash of everything above, compared by `search_reconcile`

Pages are indexed once per live, public locale version (each is its own row
in Wagtail); policy documents once, whatever their languages.
"""

import copy
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import unescape
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model, QuerySet
from django.utils import timezone, translation
from django.utils.html import strip_tags
from wagtail.models import Page

from search.analysis import is_han

Record = dict[str, Any]
LIBRARY_URL_KEY = "search:library-url"


@dataclass(frozen=True)
class Source:
    """One indexable model: which rows are live, and how one becomes a record."""

    label: str
    queryset: Callable[[], QuerySet]
    to_record: Callable[[Model], Record]

    @property
    def model(self) -> type[Model]:
        from django.apps import apps

        return apps.get_model(self.label)


def key_for(label: str, pk: int | str) -> str:
    return f"{label}:{pk}"


def _text(html: str) -> str:
    return unescape(strip_tags(html or "")).strip()


def _stream_text(stream) -> str:
    # Wagtail's own search extraction: rich text stripped, headings and quotes kept.
    return "\n".join(part for part in stream.stream_block.get_searchable_content(stream) if part).strip()


def _topics(obj) -> dict:
    topics = list(obj.topics.all())
    names = [name for topic in topics for name in (topic.name_en, topic.name_zh) if name]
    return {"topics": sorted(topic.slug for topic in topics), "topic_names": names}


# Every key a record has, with its value when an object has nothing for it.
EMPTY: Record = {
    "title": "",
    "alt_title": "",
    "summary": "",
    "body": "",
    "passages": [],
    "url": "",
    "languages": [],
    "date": None,
    "year": None,
    "topics": [],
    "topic_names": [],
    "issuing_body": "",
    "issuing_body_zh": "",
    "jurisdiction": "",
    "document_type": "",
    "status": "",
    "province": "",
    "stage": "",
    "sectors": [],
    "instruments": [],
    "investment": None,
    "gap": None,
    "size_band": "",
    "gap_band": "",
    "labels": [],  # what its facet values are called, in both languages: searched like its topics
    "number": "",  # a document's number or code, searched as part of its title
    "group": "",  # records that are translations of each other share it
}


def _blank(**values) -> Record:
    record = copy.deepcopy(EMPTY)
    record.update(values)
    if record["date"]:
        record["year"] = record["date"].year
        record["date"] = record["date"].isoformat()
    return record


def _page_record(page: Page, **values) -> Record:
    label = page._meta.label_lower
    return _blank(
        id=key_for(label, page.pk),
        content_type=label,
        title=page.title,
        url=page.get_url() or "",
        languages=[page.locale.language_code],
        group=f"page:{page.translation_key}",
        **values,
    )


def in_both_languages(*labels) -> list[str]:
    """Each label (a lazy translation) in English and in Chinese, for matching in either language."""
    found = []
    for language in ("en", "zh-hans"):
        with translation.override(language):
            found += [str(label) for label in labels if label]
    return list(dict.fromkeys(found))


def _choice_labels(choices, values) -> list:
    names = dict(choices)
    return [names[value] for value in values if value in names]


def _page_date(page: Page):
    moment = page.last_published_at or page.first_published_at or timezone.now()
    return timezone.localdate(moment)


def brief_record(page) -> Record:
    authors = ", ".join(author.name for author in page.authors.all())
    body = "\n".join(filter(None, [authors, _stream_text(page.body)]))
    return _page_record(page, summary=page.summary, body=body, date=page.date, **_topics(page))


def event_record(page) -> Record:
    body = "\n".join(filter(None, [_text(page.description), _text(page.summary), page.venue_name, page.city]))
    return _page_record(
        page,
        summary=page.introduction,
        body=body,
        date=timezone.localdate(page.start),
        labels=in_both_languages(page.get_kind_display()),
        **_topics(page),
    )


def standard_record(page) -> Record:
    return _page_record(page, summary=page.introduction, body=_stream_text(page.body), date=_page_date(page))


def programme_record(page) -> Record:
    """An EOD programme's public side only: no contact details, costs or restricted documents.

    Search results and their highlights are shown to everyone, so nothing a
    financier alone may read is indexed.
    """
    from initiatives.eod.bands import GAP_BANDS, SIZE_BANDS, band

    components = [*page.environmental_components.all(), *page.industrial_components.all()]
    body = "\n".join(
        filter(None, [_text(page.description), page.city, page.lead_agency, page.implementing_entity, page.code])
    )
    body = "\n".join(filter(None, [body, *(component.name for component in components)]))
    from initiatives.models import EodSector, Instrument, ProgrammeStage
    from members.models import Province

    gap = page.financing_gap
    labels = in_both_languages(
        *_choice_labels(Province.choices, [page.province]),
        *_choice_labels(ProgrammeStage.choices, [page.stage]),
        *_choice_labels(EodSector.choices, page.sectors or []),
        *_choice_labels(Instrument.choices, page.instruments or []),
        *(component.get_kind_display() for component in components if hasattr(component, "get_kind_display")),
    )
    return _page_record(
        page,
        summary=page.summary,
        body=body,
        date=_page_date(page),
        labels=labels,
        province=page.province,
        stage=page.stage,
        sectors=sorted(page.sectors or []),
        instruments=sorted(page.instruments or []),
        investment=float(page.total_investment),
        gap=float(gap),
        size_band=band(page.total_investment, SIZE_BANDS),
        gap_band=band(gap, GAP_BANDS),
    )


def _library_pattern(language: str) -> str:
    """ "/library/-slug-/": where a document's page is in the library of `language`.

    Cached, rather than `document.get_url()` per row, which looks the library
    page up again for every document of a rebuild.
    """
    key = f"{LIBRARY_URL_KEY}:{language}"
    pattern = cache.get(key)
    if pattern is None:
        from portal.models import PolicyLibraryPage

        pattern = ""
        with translation.override(language):
            library = PolicyLibraryPage.for_active_locale()
            base = library.get_url() if library else ""
            if base:
                pattern = base + library.reverse_subpage("document", kwargs={"slug": "-slug-"})
        cache.set(key, pattern, 60)
    return pattern


def _library_url(document) -> str:
    """The document's page in the library, in the site's default language (what the index stores)."""
    pattern = _library_pattern(settings.LANGUAGE_CODE)
    return pattern.replace("-slug-", document.slug) if pattern else ""


def localized_document_url(url: str) -> str:
    """An indexed document address moved to the library in the visitor's language, when there is one."""
    stored = _library_pattern(settings.LANGUAGE_CODE).split("-slug-")[0]
    wanted = _library_pattern(translation.get_language() or settings.LANGUAGE_CODE).split("-slug-")[0]
    if stored and wanted and stored != wanted and url.startswith(stored):
        return wanted + url[len(stored) :]
    return url


def document_record(document) -> Record:
    languages = list(document.languages or []) or (["zh-hans"] if is_han(document.title) else ["en"])
    # Only a PDF has pages to cite: other formats are extracted whole as "page 1", which would mislead.
    paged = document.file_format in ("PDF", "")
    passages = [
        {"page": page.number if paged else None, "text": page.text}
        for page in document.pages.all()
        if page.text.strip()
    ]
    return _blank(
        id=key_for("portal.policydocument", document.pk),
        content_type="portal.policydocument",
        title=document.title,
        alt_title=document.title_en,
        summary=document.summary,
        passages=passages,
        url=_library_url(document),
        languages=languages,
        date=document.issued_on,
        issuing_body=document.issuing_body,
        issuing_body_zh=document.issuing_body_zh,
        jurisdiction=document.jurisdiction,
        document_type=document.document_type,
        status=document.status,
        labels=in_both_languages(document.get_document_type_display(), document.get_jurisdiction_display()),
        number=getattr(document, "number", ""),
        group=f"document:{document.translation_of_id or document.pk}",
        **_topics(document),
    )


def _pages(model_path: str, *related: str) -> Callable[[], QuerySet]:
    def queryset() -> QuerySet:
        from django.apps import apps

        model = apps.get_model(model_path)
        return model.objects.live().public().select_related("locale").prefetch_related(*related).order_by("pk")

    return queryset


def _documents() -> QuerySet:
    from portal.models import PolicyDocument

    return (
        PolicyDocument.objects.filter(live=True)
        .select_related("file")
        .prefetch_related("topics", "pages")
        .order_by("pk")
    )


SOURCES = [
    Source("portal.policybriefpage", _pages("portal.PolicyBriefPage", "topics", "authors"), brief_record),
    Source("portal.policydocument", _documents, document_record),
    Source("initiatives.eventpage", _pages("initiatives.EventPage", "topics"), event_record),
    Source("portal.standardpage", _pages("portal.StandardPage"), standard_record),
    Source(
        "initiatives.eodprogrammepage",
        _pages("initiatives.EodProgrammePage", "environmental_components", "industrial_components"),
        programme_record,
    ),
]
SOURCES_BY_LABEL = {source.label: source for source in SOURCES}
CONTENT_TYPES = [source.label for source in SOURCES]


def with_version(record: Record) -> Record:
    payload = json.dumps({k: v for k, v in record.items() if k != "version"}, sort_keys=True, ensure_ascii=False)
    record["version"] = hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()
    return record


def count_live() -> int:
    return sum(source.queryset().count() for source in SOURCES)


def all_records(chunk_size: int = 500) -> Iterator[Record]:
    """Every live object's record, streamed: the input of a rebuild or a reconcile."""
    for source in SOURCES:
        for obj in source.queryset().iterator(chunk_size=chunk_size):
            yield with_version(source.to_record(obj))


def record_for(key: str) -> Record | None:
    """The record for one key as the database has it now, or None when it must not be searchable."""
    label, _, pk = key.partition(":")
    source = SOURCES_BY_LABEL.get(label)
    if source is None or not pk.isdigit():
        return None
    obj = source.queryset().filter(pk=int(pk)).first()
    return with_version(source.to_record(obj)) if obj else None


def source_for(instance: Model) -> Source | None:
    label = instance._meta.label_lower
    if isinstance(instance, Page) and type(instance) is Page:
        label = instance.specific_class._meta.label_lower if instance.specific_class else label
    return SOURCES_BY_LABEL.get(label)

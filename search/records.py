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
    province, stage, sectors, instruments, investment, gap, size_band, gap_band, categories
                  EOD programmes only (amounts in CNY million, as floats; categories: green
                  finance catalogue categories, "<edition>:<code>")
    number        a document's number or code (国发〔2021〕23号, GB/T 36132—2024)
    group         shared by records that are translations of each other
    version       hash of everything above, compared by `search_reconcile`

Pages are indexed once per live, public locale version (each is its own row
in Wagtail); policy documents once, whatever their languages.

Search knows no content model: each app registers its sources
(`search.registry.register_source`), whose builders are made of the helpers
here (`page_record`, `blank`, `stream_text`, `topic_fields`...).
"""

import copy
import hashlib
import json
from collections.abc import Callable, Iterator
from html import unescape

from django.db.models import Model, QuerySet
from django.utils import timezone, translation
from django.utils.html import strip_tags
from wagtail.models import Page

from search import registry
from search.registry import Record, Source


def key_for(label: str, pk: int | str) -> str:
    return f"{label}:{pk}"


def html_text(html: str) -> str:
    return unescape(strip_tags(html or "")).strip()


def stream_text(stream) -> str:
    # Wagtail's own search extraction: rich text stripped, headings and quotes kept.
    return "\n".join(part for part in stream.stream_block.get_searchable_content(stream) if part).strip()


def topic_fields(obj) -> dict:
    """The `topics` and `topic_names` of an object tagged with topics."""
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
    "categories": [],
    "labels": [],  # what its facet values are called, in both languages: searched like its topics
    "number": "",  # a document's number or code, searched as part of its title
    "group": "",  # records that are translations of each other share it
}


def blank(**values) -> Record:
    """A record with every key, `values` set (a `date` also sets `year`)."""
    record = copy.deepcopy(EMPTY)
    record.update(values)
    # A record with no translations is a group of its own: both backends count groups, and agree.
    record["group"] = record["group"] or record.get("id", "")
    if record["date"]:
        record["year"] = record["date"].year
        record["date"] = record["date"].isoformat()
    return record


def page_record(page: Page, **values) -> Record:
    """A page's record: what every page has, then `values`."""
    label = page._meta.label_lower
    return blank(
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


def page_date(page: Page):
    """The date of a page without one of its own: when it was last published."""
    moment = page.last_published_at or page.first_published_at or timezone.now()
    return timezone.localdate(moment)


def live_pages(model: type[Page], *related: str) -> Callable[[], QuerySet]:
    """A source's queryset: the model's live, public pages, with `related` prefetched."""

    def queryset() -> QuerySet:
        return model.objects.live().public().select_related("locale").prefetch_related(*related).order_by("pk")

    return queryset


def with_version(record: Record) -> Record:
    payload = json.dumps({k: v for k, v in record.items() if k != "version"}, sort_keys=True, ensure_ascii=False)
    record["version"] = hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()
    return record


def count_live() -> int:
    return sum(source.queryset().count() for source in registry.SOURCES)


def all_records(chunk_size: int = 500) -> Iterator[Record]:
    """Every live object's record, streamed: the input of a rebuild or a reconcile."""
    for source in registry.SOURCES:
        for obj in source.queryset().iterator(chunk_size=chunk_size):
            yield with_version(source.to_record(obj))


def record_for(key: str) -> Record | None:
    """The record for one key as the database has it now, or None when it must not be searchable."""
    label, _, pk = key.partition(":")
    source = registry.source(label)
    if source is None or not pk.isdigit():
        return None
    obj = source.queryset().filter(pk=int(pk)).first()
    return with_version(source.to_record(obj)) if obj else None


def source_for(instance: Model) -> Source | None:
    label = instance._meta.label_lower
    if isinstance(instance, Page) and type(instance) is Page:
        label = instance.specific_class._meta.label_lower if instance.specific_class else label
    return registry.source(label)

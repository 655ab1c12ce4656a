"""The library and briefs in site search: their records, facet labels, export columns and addresses.

Registered with the search app by `register()`, from the portal app's `ready()`.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import translation

from portal.i18n import pick
from portal.library.models import (
    DocumentLanguage,
    DocumentType,
    Jurisdiction,
    PolicyBriefPage,
    PolicyDocument,
    PolicyLibraryPage,
)
from portal.models.topics import Topic
from search.analysis import is_han
from search.records import Record, blank, in_both_languages, key_for, live_pages, page_record, stream_text, topic_fields
from search.registry import Source, register_facet_labels, register_source

DOCUMENT = "portal.policydocument"
LIBRARY_URL_KEY = "search:library-url"


def brief_record(page: PolicyBriefPage) -> Record:
    authors = ", ".join(author.name for author in page.authors.all())
    body = "\n".join(filter(None, [authors, stream_text(page.body)]))
    return page_record(page, summary=page.summary, body=body, date=page.date, **topic_fields(page))


def _library_pattern(language: str) -> str:
    """ "/library/-slug-/": where a document's page is in the library of `language`.

    Cached, rather than `document.get_url()` per row, which looks the library
    page up again for every document of a rebuild.
    """
    key = f"{LIBRARY_URL_KEY}:{language}"
    pattern = cache.get(key)
    if pattern is None:
        pattern = ""
        with translation.override(language):
            library = PolicyLibraryPage.for_active_locale()
            base = library.get_url() if library else ""
            if base:
                pattern = base + library.reverse_subpage("document", kwargs={"slug": "-slug-"})
        cache.set(key, pattern, 60)
    return pattern


def _library_url(document: PolicyDocument) -> str:
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


def document_record(document: PolicyDocument) -> Record:
    languages = list(document.languages or []) or (["zh-hans"] if is_han(document.title) else ["en"])
    # Only a PDF has pages to cite: other formats are extracted whole as "page 1", which would mislead.
    paged = document.file_format in ("PDF", "")
    passages = [
        {"page": page.number if paged else None, "text": page.text}
        for page in document.pages.all()
        if page.text.strip()
    ]
    return blank(
        id=key_for(DOCUMENT, document.pk),
        content_type=DOCUMENT,
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
        number=document.number,
        group=f"document:{document.translation_of_id or document.pk}",
        **topic_fields(document),
    )


def _documents() -> QuerySet:
    return (
        PolicyDocument.objects.filter(live=True)
        .select_related("file")
        .prefetch_related("topics", "pages")
        .order_by("pk")
    )


def document_details(pks: list[int]) -> dict[int, dict[str, str]]:
    """The export columns a document fills: its issuing body, jurisdiction and type, named in the active language."""
    jurisdictions, doctypes = dict(Jurisdiction.choices), dict(DocumentType.choices)
    rows = PolicyDocument.objects.filter(pk__in=pks).values_list(
        "pk", "issuing_body", "issuing_body_zh", "jurisdiction", "document_type"
    )
    return {
        pk: {
            "issuer": pick(issuer, issuer_zh),
            "jurisdiction": str(jurisdictions.get(jurisdiction, jurisdiction)),
            "doctype": str(doctypes.get(doctype, doctype)),
        }
        for pk, issuer, issuer_zh, jurisdiction, doctype in rows
    }


def issuer_labels() -> dict[str, str]:
    """Issuing bodies are filtered by their English name and shown in the visitor's language."""
    issuers = dict(PolicyDocument.objects.filter(live=True).values_list("issuing_body", "issuing_body_zh").distinct())
    return {english: pick(english, chinese) for english, chinese in issuers.items()}


def register() -> None:
    register_source(Source("portal.policybriefpage", live_pages(PolicyBriefPage, "topics", "authors"), brief_record))
    register_source(
        Source(
            DOCUMENT,
            _documents,
            document_record,
            localize_url=localized_document_url,
            export_details=document_details,
        )
    )
    register_facet_labels("doctype", lambda: dict(DocumentType.choices))
    register_facet_labels("jurisdiction", lambda: dict(Jurisdiction.choices))
    register_facet_labels("language", lambda: dict(DocumentLanguage.choices))
    register_facet_labels("issuer", issuer_labels)
    register_facet_labels("topic", lambda: {topic.slug: topic.name for topic in Topic.objects.all()})

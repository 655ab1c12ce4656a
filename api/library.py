"""Policy briefs and the policy-document library: their metadata, filtered as on `/briefs/` and `/library/`.

Files are not served here: a document's entry links to its library page,
where the file is downloaded through Wagtail's document view (which keeps
restricted collections closed).
"""

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from api.common import (
    ERRORS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    SLUG,
    Language,
    PageInfo,
    TopicOut,
    absolute,
    index_page,
    language,
    paginate,
    refuse,
    topics,
    web_query,
)
from portal.library.models.briefs import PER_PAGE as BRIEFS_PER_PAGE
from portal.models import (
    DocumentLanguage,
    DocumentStatus,
    DocumentType,
    Jurisdiction,
    PolicyBriefIndexPage,
    PolicyDocument,
    PolicyLibraryPage,
)

router = Router(tags=["Policy briefs and library"])


class DocumentLink(Schema):
    slug: str
    title: str
    url: str


class AuthorOut(Schema):
    name: str
    role: str


class BriefOut(Schema):
    id: int
    title: str
    url: str
    date: datetime.date
    summary: str
    authors: list[AuthorOut]
    topics: list[TopicOut]
    related_documents: list[DocumentLink]


class BriefListPage(PageInfo):
    results: list[BriefOut]


class DocumentOut(Schema):
    slug: str
    title: str = Field(description="In the response language where there is one (the English title in English).")
    original_title: str
    title_en: str
    number: str = Field(description="The document number as printed (国发〔2021〕23号), or empty.")
    issuing_body: str | None = Field(description="In the response language where there is one; null when unknown.")
    jurisdiction: str | None = Field(description="Null when unknown.")
    region: str
    document_type: str | None = Field(description="Null when unknown.")
    languages: list[str]
    issued_on: datetime.date | None = Field(description="Null when unknown; undated documents are listed last.")
    effective_on: datetime.date | None
    status: str
    summary: str
    topics: list[TopicOut]
    source_url: str
    file_format: str = Field(description="PDF, DOCX, HTML or TXT; the file is downloaded from the document's page.")
    url: str
    translation_of: str | None = Field(description="The slug of the original, for a translation.")


class DocumentDetail(DocumentOut):
    family: list[DocumentLink] = Field(description="The original and its translations, original first.")


class DocumentListPage(PageInfo):
    results: list[DocumentOut]


@router.get("/briefs", response={200: BriefListPage, **ERRORS}, summary="Policy briefs, newest first")
def list_briefs(
    request: HttpRequest,
    topic: str | None = Query(None, max_length=80, pattern=SLUG, description="A topic's slug."),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(BRIEFS_PER_PAGE, ge=1, le=MAX_PAGE_SIZE),
    lang: Language | None = None,
):
    """The briefs of the response language, as `/briefs/` lists them; `topic` as its `?topic=`."""
    with language(lang):
        index = index_page(PolicyBriefIndexPage)
        chosen = index.topic_from(request) if index is not None else None
        if chosen is False:
            refuse([_("Topic: “%(value)s” is not a topic.") % {"value": request.GET.get("topic", "")[:80]}])
        if index is None:
            return {"count": 0, "page": page, "page_size": page_size, "pages": 0, "results": []}
        briefs, info = paginate(index.briefs(chosen), page, page_size)
        links = {}
        for brief in briefs:
            links[brief.pk] = [link.document for link in brief.related_documents.select_related("document")]
        return {
            **info.model_dump(),
            "results": [
                {
                    "id": brief.pk,
                    "title": brief.title,
                    "url": absolute(request, brief.get_url(request)),
                    "date": brief.date,
                    "summary": brief.summary,
                    "authors": [{"name": a.name, "role": a.role} for a in brief.authors.all()],
                    "topics": topics(brief),
                    "related_documents": [
                        {"slug": d.slug, "title": d.display_title, "url": absolute(request, d.url)}
                        for d in links[brief.pk]
                        if d.live
                    ],
                }
                for brief in briefs
            ],
        }


def library() -> PolicyLibraryPage:
    # Without a library page the documents and their filters still exist; only their page addresses do not.
    return PolicyLibraryPage.for_active_locale() or PolicyLibraryPage()


def document_data(request: HttpRequest, document: PolicyDocument) -> dict:
    return {
        "slug": document.slug,
        "title": document.display_title,
        "original_title": document.title,
        "title_en": document.title_en,
        "number": document.number,
        "issuing_body": document.display_issuing_body or None,
        "jurisdiction": document.jurisdiction or None,
        "region": document.region,
        "document_type": document.document_type or None,
        "languages": list(document.languages or []),
        "issued_on": document.issued_on,
        "effective_on": document.effective_on,
        "status": document.status,
        "summary": document.summary,
        "topics": topics(document),
        "source_url": document.source_url,
        "file_format": document.file_format,
        "url": absolute(request, document.url),
        "translation_of": document.translation_of.slug
        if document.translation_of_id and document.translation_of.live
        else None,
    }


@router.get("/documents", response={200: DocumentListPage, **ERRORS}, summary="Policy documents, newest first")
def list_documents(
    request: HttpRequest,
    type: DocumentType | None = None,
    jurisdiction: Jurisdiction | None = None,
    status: DocumentStatus | None = None,
    language_: DocumentLanguage | None = Query(None, alias="language", description="A language the file is in."),
    year: str | None = Query(None, pattern=r"^\d{4}$", description="Year of issue."),
    topic: str | None = Query(None, max_length=80, pattern=SLUG, description="A topic's slug."),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(PolicyLibraryPage.per_page, ge=1, le=MAX_PAGE_SIZE),
    lang: Language | None = None,
):
    """The library's listing (`/library/`): live documents, with its filters; a topic no live document has is a 422."""
    with language(lang):
        page_model = library()
        options = page_model.filter_options()
        chosen, problems = page_model.read_filters(web_query(request, page_model.filter_names), options)
        refuse(problems)
        documents = page_model.filtered(chosen).select_related("translation_of")
        items, info = paginate(documents, page, page_size)
        return {**info.model_dump(), "results": [document_data(request, document) for document in items]}


@router.get("/documents/{slug}", response={200: DocumentDetail, **ERRORS}, summary="One policy document")
def get_document(
    request: HttpRequest, slug: str = Path(..., pattern=SLUG, max_length=120), lang: Language | None = None
):
    with language(lang):
        document = get_object_or_404(
            PolicyLibraryPage.documents().select_related("file", "translation_of").prefetch_related("topics"),
            slug=slug,
        )
        family = [member for member in document.family() if member.live]
        return {
            **document_data(request, document),
            "family": [{"slug": m.slug, "title": m.display_title, "url": absolute(request, m.url)} for m in family]
            if len(family) > 1
            else [],
        }

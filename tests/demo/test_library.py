"""Demo policy library and briefs: ~150 live documents of every kind with files whose text is extracted page by
page, translations linked to their originals, ~30 briefs with Chinese translations, and a second load that adds
nothing."""

import re
from collections import Counter
from io import StringIO

import pytest
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Page

from demo.briefs_content import BRIEFS
from demo.library import load_briefs, load_library
from demo.site import load_site
from portal.models import (
    DocumentStatus,
    DocumentType,
    ExtractedPage,
    Extraction,
    Jurisdiction,
    PolicyBriefIndexPage,
    PolicyBriefPage,
    PolicyDocument,
    PolicyLibraryPage,
)

HAN = re.compile(r"[\u4e00-\u9fff]")
VOCABULARY = {
    "en": ["dual carbon", "carbon peak", "carbon neutrality", "EOD", "ecology-oriented development", "green factory",
           "CCER", "CBAM", "product carbon footprint"],
    "zh-hans": ["双碳", "碳达峰", "碳中和", "EOD", "生态环境导向的开发", "绿色工厂", "CCER", "CBAM", "产品碳足迹"],
}  # fmt: skip


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The site, the library and the briefs, loaded once for this module and rolled back at the end."""
    media = tmp_path_factory.mktemp("demo-media")
    out = StringIO()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_site(StringIO())
        library = load_library(out)
        briefs = load_briefs(out)
        yield {"library": library, "briefs": briefs, "output": out.getvalue(), "media": media}
        transaction.set_rollback(True)


@pytest.fixture
def loaded(demo, db, settings):
    settings.MEDIA_ROOT = demo["media"]  # where the module's files were written
    return demo


def live_documents():
    return PolicyDocument.objects.filter(live=True)


def test_library_has_about_150_live_documents_of_every_kind(loaded):
    documents = live_documents()
    assert 140 <= documents.count() <= 170
    assert documents.count() == PolicyDocument.objects.count() == loaded["library"]["documents"]
    assert set(documents.values_list("document_type", flat=True)) == set(DocumentType.values)
    assert set(documents.values_list("jurisdiction", flat=True)) == set(Jurisdiction.values)
    statuses = Counter(documents.values_list("status", flat=True))
    assert set(statuses) == set(DocumentStatus.values)
    assert statuses[DocumentStatus.IN_FORCE] > statuses[DocumentStatus.SUPERSEDED] >= 5
    years = {day.year for day in documents.values_list("issued_on", flat=True)}
    assert min(years) == 2015 and max(years) == 2026
    regions = set(documents.filter(jurisdiction=Jurisdiction.PROVINCIAL).values_list("region", flat=True))
    assert {"Jiangsu", "Guangdong", "Zhejiang", "Shanghai", "Sichuan"} <= regions
    assert all(document.topics.exists() for document in documents)
    assert all(document.issuing_body and document.issuing_body_zh for document in documents)


def test_documents_are_published_as_revisions_by_staff(loaded):
    for document in live_documents().select_related("live_revision__user"):
        assert document.live_revision is not None, document.slug
        assert document.live_revision.user.username == "editor"
        assert document.first_published_at.date() >= document.issued_on


def test_languages_split_chinese_english_and_translation_pairs(loaded):
    documents = list(live_documents().select_related("translation_of"))
    translations = [document for document in documents if document.translation_of_id]
    originals = {document.translation_of_id for document in translations}
    chinese_only = [d for d in documents if d.languages == ["zh-hans"] and d.pk not in originals]
    english_only = [d for d in documents if not d.translation_of_id and "zh-hans" not in d.languages]
    assert 0.4 < len(chinese_only) / len(documents) < 0.6
    assert 0.25 < len(english_only) / len(documents) < 0.4
    assert len(translations) >= 10
    assert any("other" in document.languages for document in documents)
    for translation in translations:
        original = translation.translation_of
        assert original.languages == ["zh-hans"] and translation.languages == ["en"]
        assert original.title_en == translation.title
        assert HAN.search(original.title) and not HAN.search(translation.title)
        assert translation in original.family()
    for document in chinese_only:
        assert HAN.search(document.title) and document.title_en, document.slug


def test_every_document_has_a_file_with_extracted_text(loaded):
    documents = live_documents().select_related("file")
    formats = Counter(document.file.filename.rsplit(".", 1)[1] for document in documents)
    assert set(formats) == {"pdf", "docx", "html", "txt"}
    assert 0.25 < formats["pdf"] / documents.count() < 0.4
    for document in documents:
        assert document.extraction == Extraction.DONE, (document.slug, document.extraction_error)
        pages = list(document.pages.all())
        assert pages and all(page.text.strip() for page in pages), document.slug
        if document.file.filename.endswith(".pdf"):
            assert len(pages) > 1, document.slug
        else:
            assert len(pages) == 1, document.slug
        if "zh-hans" in document.languages:
            assert HAN.search(document.full_text), document.slug
        else:
            assert not HAN.search(document.full_text), document.slug


def test_chinese_pdfs_extract_as_chinese_with_page_numbers(loaded):
    chinese_pdfs = live_documents().filter(translation_of=None, title_en__gt="", file__file__endswith=".pdf")
    assert chinese_pdfs.count() >= 10
    document = chinese_pdfs.first()
    last = document.pages.last()
    assert HAN.search(last.text)
    assert f"{last.number} / {last.number}" in last.text  # the footer's page number


def test_search_vocabulary_is_in_the_texts_in_both_languages(loaded):
    texts = {"en": [], "zh-hans": []}
    for document in live_documents().prefetch_related("pages"):
        texts["zh-hans" if "zh-hans" in document.languages else "en"].append(document.full_text.lower())
    for language, words in VOCABULARY.items():
        for word in words:
            assert any(word.lower() in text for text in texts[language]), (language, word)
    assert PolicyDocument.objects.filter(summary__contains="碳").exists()


def test_library_and_briefs_pages_are_served_in_both_languages(loaded, client):
    for model, slug, titles in (
        (PolicyLibraryPage, "library", ("Policy library", "政策文件库")),
        (PolicyBriefIndexPage, "briefs", ("Policy briefs", "政策简报")),
    ):
        pages = model.objects.live().order_by("locale__language_code")
        assert [page.title for page in pages] == list(titles)
        assert {page.slug for page in pages} == {slug}
        assert pages[0].get_parent().specific.__class__.__name__ == "HomePage"
        for page in pages:
            assert client.get(page.url).status_code == 200, page.url


def test_about_thirty_briefs_two_thirds_translated(loaded, client):
    english = PolicyBriefPage.objects.live().filter(locale__language_code="en")
    chinese = PolicyBriefPage.objects.live().filter(locale__language_code="zh-hans")
    assert english.count() == len(BRIEFS) >= 28
    assert chinese.count() == sum(brief[5] for brief in BRIEFS)
    assert 0.6 <= chinese.count() / english.count() <= 0.75
    for page in chinese:
        assert page.get_translation(english.first().locale).live
        assert HAN.search(page.title) and HAN.search(page.summary)
        assert page.authors.exists() and all(HAN.search(author.name) for author in page.authors.all())
        # Chinese pages link the Chinese originals of translated documents.
        assert all(not link.document.translation_of_id for link in page.related_documents.all())

    dates = sorted(english.values_list("date", flat=True))
    assert (dates[-1] - dates[0]).days > 365
    specs = {brief[0]: brief for brief in BRIEFS}
    for page in english:
        _slug, _day, _topics, documents, authors, *_ = specs[page.slug]
        paragraphs = [block for block in page.body if block.block_type == "paragraph"]
        assert 4 <= len(paragraphs) <= 7, page.slug
        assert any(block.block_type == "heading" for block in page.body)
        assert page.authors.count() == len(authors) >= 1
        assert page.topics.exists()
        assert page.related_documents.count() == len(documents) >= 1
        assert page.first_published_at.date() == page.date
        assert page.live_revision.user.username == "editor"
    brief = english.order_by("-date").first()
    html = client.get(brief.url).content.decode()
    assert brief.summary[:40] in html.replace("&#x27;", "'")


def test_progress_is_shown(loaded):
    assert "Policy library  157/157  100%" in loaded["output"]
    assert f"Policy briefs  {len(BRIEFS)}/{len(BRIEFS)}  100%" in loaded["output"]


def test_loading_again_adds_nothing(loaded):
    counts = (
        Page.objects.count(),
        PolicyDocument.objects.count(),
        ExtractedPage.objects.count(),
        PolicyBriefPage.objects.count(),
    )

    library = load_library(StringIO())
    briefs = load_briefs(StringIO())

    assert library["created"] == briefs["created"] == briefs["translations"] == 0
    assert (
        Page.objects.count(),
        PolicyDocument.objects.count(),
        ExtractedPage.objects.count(),
        PolicyBriefPage.objects.count(),
    ) == counts

"""Text extraction from the library's files: real PDFs, Word documents, HTML and text, and the files to refuse."""

import pytest
from django.db.models.signals import post_save

from portal.library import extraction
from portal.library.extraction import ExtractionError, NoTextError, check_file, extract_document, extract_pages
from portal.library.importer import detect_languages
from portal.library.tasks import extract_document_text
from portal.models import ExtractedPage, Extraction, PolicyDocument
from tests.portal.library import files
from tests.portal.library.factories import PolicyDocumentFactory, WagtailDocumentFactory

# --- Reading files -----------------------------------------------------------------------


def test_pdf_text_comes_out_page_by_page():
    pages = extract_pages(files.english_pdf(), "plan.pdf")

    assert len(pages) == 3
    assert pages[0].startswith("Action Plan for Carbon Dioxide Peaking Before 2030")
    assert "industry shall peak emissions" in pages[1]
    assert pages[2] == "Page three: supervision and review."


def test_chinese_pdf_text_is_read():
    pages = extract_pages(files.chinese_pdf(), "方案.pdf")

    # Line breaks between Chinese characters are PDF layout: joined, so phrases across them are found.
    assert pages == ["2030年前碳达峰行动方案第一页：能源结构调整", "第二页：工业领域碳达峰行动绿色工厂和绿色园区"]


def test_wrapped_chinese_lines_are_joined_but_english_lines_and_paragraphs_are_not():
    pdf = files.make_pdf([["配额有偿", "分配逐步扩大", "", "Carbon peak", "before 2030"]])

    (text,) = extract_pages(pdf, "wrapped.pdf")

    assert "配额有偿分配逐步扩大" in text
    assert "Carbon peak\nbefore 2030" in text


def test_docx_keeps_paragraphs_and_table_rows_in_order():
    (text,) = extract_pages(files.english_docx(), "guideline.docx")

    assert text.splitlines() == [
        "Guideline on Green Factory Evaluation",
        "Scope: manufacturing plants.",
        "Indicator\tTarget",
        "Energy intensity\t-13.5%",
        "Closing paragraph after the table.",
    ]


def test_html_drops_scripts_and_styles_and_keeps_block_breaks():
    (text,) = extract_pages(files.html_page(), "notice.html")

    assert "tracking" not in text
    assert "color: red" not in text
    lines = [line for line in text.splitlines() if line]
    assert lines == [
        "关于做好碳排放权交易的通知",
        "First paragraph about the trading scheme.",
        "Second paragraph.",
        "Year\t2025",
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_plain_text_in_utf8_or_gb18030(encoding):
    text = "关于推进碳达峰碳中和工作的意见\nOpinions on carbon peaking."

    assert extract_pages(text.encode(encoding), "opinions.txt") == [text]


def test_htm_is_read_as_html():
    assert extract_pages(b"<p>One</p><p>Two</p>", "old.htm") == ["One\n\nTwo"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.pdf", "The file is empty (0 bytes)."),
        (files.PNG_BYTES, "plan.pdf", "The file is named .pdf but its content is a PNG image."),
        (files.english_pdf(), "plan.docx", "The file is named .docx but its content is PDF."),
        (files.english_docx(), "plan.txt", "The file is named .txt but its content is Word (DOCX)."),
        (b"MZ\x90\x00\x03\x00", "setup.txt", "The file is named .txt but its content is a file of unknown type."),
        (b"hello", "plan.exe", "“.exe” files are not accepted: upload a PDF, DOCX, HTML or plain-text file."),
        (files.encrypted_pdf(), "secret.pdf", "The PDF is protected by a password. Upload a copy without protection."),
        (files.corrupt_pdf(), "broken.pdf", "The PDF is damaged and cannot be read."),
        (b"PK\x03\x04 not really a zip", "broken.docx", "The file is named .docx but its content is a ZIP archive"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(data, name, message):
    for reader in (check_file, extract_pages):
        with pytest.raises(ExtractionError) as refused:
            reader(data, name)
        assert str(refused.value.message).startswith(message)
        assert not isinstance(refused.value, NoTextError)


def test_pdf_encrypted_with_an_empty_password_is_read():
    assert len(extract_pages(files.encrypted_pdf(user_password=""), "open.pdf")) == 3


def test_scanned_pdf_passes_the_upload_check_but_has_no_text():
    assert check_file(files.scanned_pdf(), "scan.pdf") == "pdf"
    with pytest.raises(NoTextError) as refused:
        extract_pages(files.scanned_pdf(), "scan.pdf")
    assert "Scanned images, no text layer" in str(refused.value.message)


def test_language_detection_from_text():
    assert detect_languages("国家发展改革委关于碳达峰的通知，要求工业领域 CCUS 试点。") == ["zh-hans"]
    assert detect_languages("The national plan asks industry to peak emissions before 2030.") == ["en"]
    assert detect_languages("碳达峰行动方案 Action plan for carbon peaking") == ["zh-hans", "en"]
    assert detect_languages("2030 — 2060") == []


# --- Documents --------------------------------------------------------------------------


def texts(document) -> list[str]:
    return list(ExtractedPage.objects.filter(document=document).order_by("number").values_list("text", flat=True))


@pytest.mark.django_db
def test_extract_document_records_pages_hash_and_status():
    document = PolicyDocumentFactory(file=WagtailDocumentFactory())

    extract_document(document)

    document.refresh_from_db()
    assert document.extraction == Extraction.DONE
    assert document.extraction_error == ""
    assert document.extracted_hash == document.content_hash == extraction.sha256(files.english_pdf())
    assert list(document.pages.values_list("number", flat=True)) == [1, 2, 3]
    assert "supervision and review" in texts(document)[2]


@pytest.mark.django_db
def test_extraction_saves_the_document_so_search_hears_of_it():
    document = PolicyDocumentFactory(file=WagtailDocumentFactory())
    heard = []

    def listener(sender, instance, update_fields=None, **kwargs):
        heard.append((instance.extraction, instance.pages.count(), set(update_fields or ())))

    post_save.connect(listener, sender=PolicyDocument, dispatch_uid="test-listener")
    try:
        extract_document(document)
    finally:
        post_save.disconnect(dispatch_uid="test-listener", sender=PolicyDocument)

    # The pages are in place when the save is announced.
    assert heard == [(Extraction.DONE, 3, {*extraction.EXTRACTION_FIELDS})]


@pytest.mark.django_db
def test_a_failed_extraction_keeps_its_reason_and_leaves_no_pages_of_the_old_file():
    document = PolicyDocumentFactory(file=WagtailDocumentFactory())
    extract_document(document)
    assert len(texts(document)) == 3

    document.file = WagtailDocumentFactory(data=files.scanned_pdf(), name="scan.pdf")
    document.save()
    extract_document(document)

    document.refresh_from_db()
    assert document.extraction == Extraction.FAILED
    assert "Scanned images, no text layer" in document.extraction_error
    assert texts(document) == []
    assert document.extracted_hash == extraction.sha256(files.scanned_pdf())


@pytest.mark.django_db
def test_a_file_missing_from_storage_is_a_recorded_failure():
    document = PolicyDocumentFactory(file=WagtailDocumentFactory())
    document.file.file.storage.delete(document.file.file.name)

    extract_document(document)

    document.refresh_from_db()
    assert document.extraction == Extraction.FAILED
    assert document.extraction_error == "The file is missing from storage and cannot be read."


@pytest.mark.django_db
def test_a_document_without_a_file_has_no_pages():
    document = PolicyDocumentFactory(file=None)

    extract_document(document)

    document.refresh_from_db()
    assert document.extraction == Extraction.FAILED
    assert document.pages.count() == 0


@pytest.mark.django_db
def test_a_database_error_while_saving_pages_keeps_the_previous_set(monkeypatch):
    document = PolicyDocumentFactory(file=WagtailDocumentFactory())
    extract_document(document)
    document.file = WagtailDocumentFactory(data=files.chinese_pdf(), name="zh.pdf")
    document.save()

    def broken_save(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(PolicyDocument, "save", broken_save)
    with pytest.raises(RuntimeError):
        extract_document(document)

    # Nothing half-done: the old pages are still all there, not a mix.
    assert len(texts(document)) == 3
    assert "Action Plan" in texts(document)[0]


# --- The task and the signal ---------------------------------------------------------------


@pytest.fixture
def queued(monkeypatch):
    """The document ids extraction was queued for; the task still runs (eagerly)."""
    ids = []
    delay = extract_document_text.delay

    def spy(document_id, *args, **kwargs):
        ids.append(document_id)
        return delay(document_id, *args, **kwargs)

    monkeypatch.setattr(extract_document_text, "delay", spy)
    return ids


@pytest.mark.django_db
def test_saving_a_document_with_a_new_file_queues_extraction_after_commit(django_capture_on_commit_callbacks, queued):
    with django_capture_on_commit_callbacks(execute=True):
        document = PolicyDocumentFactory(file=WagtailDocumentFactory())
        assert queued == []  # nothing before the commit

    assert queued == [document.pk]
    document.refresh_from_db()
    assert document.extraction == Extraction.DONE
    assert len(texts(document)) == 3


@pytest.mark.django_db
def test_saving_without_changing_the_file_queues_nothing(django_capture_on_commit_callbacks, queued):
    document = PolicyDocumentFactory(file=WagtailDocumentFactory())
    extract_document(document)

    with django_capture_on_commit_callbacks(execute=True):
        document.summary = "A new summary."
        document.save()

    assert queued == []


@pytest.mark.django_db
def test_replacing_the_file_queues_extraction_of_the_new_one(django_capture_on_commit_callbacks, queued):
    document = PolicyDocumentFactory(file=WagtailDocumentFactory())
    extract_document(document)

    with django_capture_on_commit_callbacks(execute=True):
        document.file = WagtailDocumentFactory(data=files.chinese_pdf(), name="zh.pdf")
        document.save()

    assert queued == [document.pk]
    assert texts(document)[0].startswith("2030年前碳达峰行动方案")


@pytest.mark.django_db
def test_replacing_a_wagtail_documents_file_in_place_extracts_again(django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    document = PolicyDocumentFactory(file=WagtailDocumentFactory())
    extract_document(document)

    with django_capture_on_commit_callbacks(execute=True):
        document.file.file = ContentFile(files.chinese_pdf(), name="replaced.pdf")
        document.file.save()

    document.refresh_from_db()
    assert document.content_hash == extraction.sha256(files.chinese_pdf())
    assert texts(document)[1].startswith("第二页")


@pytest.mark.django_db
def test_task_skips_a_file_already_extracted(monkeypatch):
    document = PolicyDocumentFactory(file=WagtailDocumentFactory())
    extract_document(document)
    calls = []
    monkeypatch.setattr("portal.library.tasks.extract_document", calls.append)

    assert extract_document_text(document.pk) == "unchanged"
    assert calls == []
    assert extract_document_text(document.pk, force=True) == Extraction.DONE


@pytest.mark.django_db
def test_task_for_a_deleted_document_does_nothing():
    assert extract_document_text(987654) == "missing"


@pytest.mark.django_db
def test_publishing_an_old_revision_keeps_the_current_extraction_state():
    document = PolicyDocumentFactory(file=WagtailDocumentFactory(), live=False)
    old_revision = document.save_revision()  # taken while extraction was still pending
    extract_document(document)

    old_revision.publish()

    document.refresh_from_db()
    assert document.live
    assert document.extraction == Extraction.DONE
    assert document.extracted_hash == extraction.sha256(files.english_pdf())

"""Bulk import into the library: folders and CSV manifests, run twice, with bad rows and unreadable files.

Metadata comes from the files themselves (their title metadata, headings, first lines and labelled
dates), read by the real PDF and Word parsers; what they do not say stays unknown.
"""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model

from portal.library.importer import Defaults, closing_date, import_documents, labelled_date, reads_as_title
from portal.models import Extraction, PolicyDocument
from tests.portal.factories import TopicFactory
from tests.portal.library import files

pytestmark = pytest.mark.django_db

MANIFEST_COLUMNS = (
    "file,title,title_en,issuing_body,issuing_body_zh,jurisdiction,region,document_type,languages,"
    "issued_on,effective_on,status,topics,source_url,summary,translation_of"
)


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "carbon-peaking-action-plan_2021-10-24.pdf").write_bytes(files.english_pdf())
    (folder / "碳达峰行动方案.pdf").write_bytes(files.chinese_pdf())
    (folder / "green-factory-guideline.docx").write_bytes(files.english_docx())
    (folder / "notice.html").write_bytes(files.html_page())
    (folder / "README.md").write_text("not a document")
    return folder


def run(source, *args) -> str:
    out = io.StringIO()
    call_command("import_documents", str(source), *args, stdout=out)
    return out.getvalue()


def write_manifest(folder, *rows: str, name="manifest.csv", encoding="utf-8"):
    path = folder / name
    path.write_bytes(("\n".join([MANIFEST_COLUMNS, *rows]) + "\n").encode(encoding))
    return path


def test_folder_import_creates_live_documents_with_text(folder):
    output = run(folder, "--issuing-body", "MIIT", "--jurisdiction", "national", "--type", "guideline")

    assert "Imported 4 (0 without text), skipped 0, failed 0." in output
    assert "Importing documents  4/4" in output  # the progress bar
    plan = PolicyDocument.objects.get(slug="carbon-peaking-action-plan_2021-10-24")
    assert plan.live
    assert plan.title == "Action Plan for Carbon Dioxide Peaking Before 2030"  # its first line, not its file name
    assert plan.file.title == plan.title
    assert plan.issued_on == datetime.date(2021, 10, 24)
    assert "Title: the first line of the text." in plan.metadata_notes
    assert "Issue date: from the file name." in plan.metadata_notes
    assert not plan.needs_metadata
    assert (plan.issuing_body, plan.jurisdiction, plan.document_type) == ("MIIT", "national", "guideline")
    assert plan.languages == ["en"]
    assert plan.extraction == Extraction.DONE
    assert plan.pages.count() == 3
    assert plan.file.file.read() == files.english_pdf()
    assert plan.live_revision is not None

    # The title's own line, though extraction joins the Chinese lines of a page for search.
    chinese = PolicyDocument.objects.get(title="2030年前碳达峰行动方案")
    assert chinese.languages == ["zh-hans"]
    assert chinese.slug.startswith("document-")
    assert "碳达峰" in chinese.full_text
    assert chinese.issued_on is None  # the command gave no date and neither does the file
    assert PolicyDocument.objects.get(slug="green-factory-guideline").title == "Guideline on Green Factory Evaluation"
    notice = PolicyDocument.objects.get(slug="notice")
    assert notice.languages == ["zh-hans", "en"]
    assert notice.title == "关于做好碳排放权交易的通知"  # the page's heading


def test_importing_the_same_files_again_adds_nothing(folder):
    run(folder)
    documents, files_before = PolicyDocument.objects.count(), get_document_model().objects.count()

    output = run(folder)

    assert "Imported 0 (0 without text), skipped 4, failed 0." in output
    assert "green-factory-guideline.docx: already imported as green-factory-guideline" in output
    assert PolicyDocument.objects.count() == documents
    assert get_document_model().objects.count() == files_before


def test_draft_import_publishes_nothing(folder):
    run(folder, "--draft")

    assert PolicyDocument.objects.count() == 4
    assert not PolicyDocument.objects.filter(live=True).exists()
    assert all(document.latest_revision for document in PolicyDocument.objects.all())


def test_unreadable_files_fail_with_their_reason_and_leave_nothing(tmp_path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "photo.pdf").write_bytes(files.PNG_BYTES)
    (tmp_path / "secret.pdf").write_bytes(files.encrypted_pdf())
    (tmp_path / "broken.pdf").write_bytes(files.corrupt_pdf())

    output = run(tmp_path)

    assert "Imported 0 (0 without text), skipped 0, failed 4." in output
    assert "failed    empty.pdf: The file is empty (0 bytes)." in output
    assert "failed    photo.pdf: The file is named .pdf but its content is a PNG image." in output
    assert "failed    secret.pdf: The PDF is protected by a password." in output
    assert "failed    broken.pdf: The PDF is damaged and cannot be read." in output
    assert PolicyDocument.objects.count() == 0
    assert get_document_model().objects.count() == 0


def test_a_scanned_pdf_is_imported_and_reported_without_text(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(files.scanned_pdf())

    output = run(tmp_path)

    assert "Imported 1 (1 without text), skipped 0, failed 0." in output
    assert "no text   scan.pdf: Scanned images, no text layer" in output
    document = PolicyDocument.objects.get()
    assert document.extraction == Extraction.FAILED
    assert document.pages.count() == 0


def test_manifest_import_with_metadata_topics_and_a_translation_listed_first(tmp_path):
    TopicFactory(slug="industry")
    TopicFactory(slug="energy")
    (tmp_path / "plan-zh.pdf").write_bytes(files.chinese_pdf())
    (tmp_path / "plan-en.pdf").write_bytes(files.english_pdf())
    manifest = write_manifest(
        tmp_path,
        # The translation comes first: originals are imported before the rows that point at them.
        "plan-en.pdf,Action Plan for Carbon Dioxide Peaking Before 2030,,State Council,国务院,national,,plan,en,"
        "2021-10-26,,in-force,industry,https://example.org/en,English translation.,plan-zh.pdf",
        "plan-zh.pdf,2030年前碳达峰行动方案,Action Plan for Carbon Dioxide Peaking Before 2030 (original),"
        "State Council,国务院,national,,plan,zh-hans,2021-10-24,2021-10-24,in-force,industry;energy,"
        'https://example.org/zh,"Peaks CO2 before 2030, in ten actions.",',
        encoding="gb18030",  # as spreadsheets in China save it
    )

    output = run(manifest)

    assert "Imported 2 (0 without text), skipped 0, failed 0." in output
    original = PolicyDocument.objects.get(title="2030年前碳达峰行动方案")
    translation = PolicyDocument.objects.get(slug="plan-en")  # no English title of its own: from the file name
    assert translation.translation_of == original
    assert original.slug == "action-plan-for-carbon-dioxide-peaking-before-2030-original"
    assert original.languages == ["zh-hans"]
    assert original.effective_on == datetime.date(2021, 10, 24)
    assert original.summary == "Peaks CO2 before 2030, in ten actions."
    assert sorted(original.topics.values_list("slug", flat=True)) == ["energy", "industry"]
    assert original.issuing_body_zh == "国务院"
    assert translation.source_url == "https://example.org/en"


def test_bad_manifest_rows_fail_with_their_row_number_and_the_good_ones_are_imported(tmp_path):
    for name in ("good.pdf", "type.pdf", "date.pdf", "topic.pdf", "order.pdf", "orphan.pdf"):
        (tmp_path / name).write_bytes(files.make_pdf([[f"Text of {name}"]]))
    manifest = write_manifest(
        tmp_path,
        "good.pdf,Good,,MEE,,national,,notice,en,2024-01-01,,,,,,",
        "type.pdf,Bad type,,MEE,,national,,memo,en,2024-01-01,,,,,,",
        "date.pdf,Bad date,,MEE,,national,,notice,en,01/02/2024,,,,,,",
        "missing.pdf,Missing file,,MEE,,national,,notice,en,2024-01-01,,,,,,",
        "topic.pdf,Unknown topic,,MEE,,national,,notice,en,2024-01-01,,,no-such-topic,,,",
        "order.pdf,Effective before issued,,MEE,,national,,notice,en,2024-01-02,2024-01-01,,,,,",
        "orphan.pdf,Translation of nothing,,MEE,,national,,notice,en,2024-01-01,,,,,,nowhere.pdf",
    )

    output = run(manifest)

    assert "Imported 1 (0 without text), skipped 0, failed 6." in output
    assert "row 3 (type.pdf): document_type: unknown value “memo”" in output
    assert "row 4 (date.pdf): issued_on: “01/02/2024” is not a date written YYYY-MM-DD" in output
    assert "row 5 (missing.pdf): file: “missing.pdf” not found next to the manifest" in output
    assert "row 6 (topic.pdf): topics: unknown topic slugs no-such-topic" in output
    assert "row 7 (order.pdf): effective_on: A document cannot take effect before it is issued." in output
    assert "row 8 (orphan.pdf): translation_of: “nowhere.pdf” is neither a file in this import" in output
    assert list(PolicyDocument.objects.values_list("title", flat=True)) == ["Good"]
    # One transaction per file: the rows refused after their file was stored left no Wagtail document.
    assert get_document_model().objects.count() == 1


def test_service_reports_imported_skipped_and_failed(folder):
    report = import_documents(folder, live=False, defaults=Defaults(issuing_body="NDRC"))

    assert len(report.imported) == 4
    assert {document.issuing_body for _label, document in report.imported} == {"NDRC"}
    again = import_documents(folder)
    assert (len(again.imported), len(again.skipped), len(again.failed)) == (0, 4, 0)


def test_command_refuses_a_source_that_is_neither_folder_nor_manifest(tmp_path):
    with pytest.raises(CommandError):
        run(tmp_path / "nowhere")
    (tmp_path / "plan.pdf").write_bytes(files.english_pdf())
    with pytest.raises(CommandError):
        run(tmp_path / "plan.pdf")


# --- Metadata from the document, never invented ---------------------------------------------------


def import_one(tmp_path, name: str, data: bytes, *args) -> tuple[PolicyDocument, str]:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / name).write_bytes(data)
    output = run(folder, *args)
    return PolicyDocument.objects.get(), output


def test_a_text_file_is_titled_by_its_first_line_and_nothing_else_is_made_up(tmp_path):
    text = "2030年前碳达峰行动方案\n\n为深入贯彻落实党中央、国务院关于碳达峰、碳中和的重大战略决策，制定本方案。\n"

    document, output = import_one(tmp_path, "zh-2030-carbon-peak-action-plan.txt", text.encode())

    assert document.title == "2030年前碳达峰行动方案"
    assert document.slug == "zh-2030-carbon-peak-action-plan"
    assert document.languages == ["zh-hans"]
    # No manifest, no command-line values: unknown, not an association report dated today.
    assert (document.issuing_body, document.jurisdiction, document.document_type) == ("", "", "")
    assert document.issued_on is None
    assert document.needs_metadata
    assert set(document.missing_metadata()) == {"issuing body (English)", "jurisdiction", "document type", "issue date"}
    assert "Metadata to complete: 1" in output
    assert "(unknown: issuing body (English), jurisdiction, document type, issue date)" in output


@pytest.mark.parametrize(
    "first_line", ["低碳发展要立足长远，不留痕迹地推进。", "These notes cover offshore wind for parks.", "Why now?"]
)
def test_a_first_line_that_is_a_sentence_is_not_taken_for_a_title(tmp_path, first_line):
    document, _output = import_one(tmp_path, "offshore-wind-notes.txt", f"{first_line}\nMore text.\n".encode())

    assert document.title == "offshore wind notes"


def test_a_pdf_is_titled_by_its_title_metadata(tmp_path):
    data = files.titled_pdf([["Page one of the plan", "More text"]], title="Action Plan for Carbon Dioxide Peaking")

    document, _output = import_one(tmp_path, "scan-0001.pdf", data)

    assert document.title == "Action Plan for Carbon Dioxide Peaking"
    assert document.metadata_notes.startswith("Title: from the file’s title metadata.")


@pytest.mark.parametrize("placeholder", ["Microsoft Word - plan.docx", "plan", "Untitled", "  "])
def test_a_pdf_whose_title_metadata_is_a_placeholder_is_titled_by_its_first_line(tmp_path, placeholder):
    data = files.titled_pdf([["- 1 -", "Guideline on Green Factories", "Scope."]], title=placeholder)

    document, _output = import_one(tmp_path, "plan.pdf", data)

    assert document.title == "Guideline on Green Factories"  # the page number above it is skipped too


def test_a_docx_is_titled_by_its_core_title(tmp_path):
    data = files.make_docx(["Some opening words.", ("Heading 1", "A heading")], title="碳排放权交易管理办法")

    document, _output = import_one(tmp_path, "rules.docx", data)

    assert document.title == "碳排放权交易管理办法"


def test_a_docx_without_a_core_title_is_titled_by_its_first_heading(tmp_path):
    data = files.make_docx(["国务院文件", "国发〔2021〕23号", ("Title", "国务院关于印发2030年前碳达峰行动方案的通知")])

    document, _output = import_one(tmp_path, "notice.docx", data)

    assert document.title == "国务院关于印发2030年前碳达峰行动方案的通知"
    assert "Title: the file’s first heading." in document.metadata_notes


def test_a_file_that_offers_no_title_keeps_its_file_name(tmp_path):
    document, _output = import_one(tmp_path, "green_factory-list.pdf", files.scanned_pdf())

    assert document.title == "green factory list"
    assert "Title: the file name; the file gives no title of its own." in document.metadata_notes


def test_a_labelled_date_in_the_text_is_the_issue_date(tmp_path):
    text = "关于做好碳排放权交易的通知\n发布时间：2021年10月24日\n实施日期：2022年1月1日\n正文。"

    document, _output = import_one(tmp_path, "notice.txt", text.encode("gb18030"))

    assert document.issued_on == datetime.date(2021, 10, 24)
    assert "Issue date: written in the text as “发布时间：2021年10月24日”." in document.metadata_notes


def test_a_labelled_date_in_a_word_document_is_the_issue_date(tmp_path):
    data = files.make_docx([("Title", "Position paper on carbon pricing"), "Date: 3 March 2025", "Body text."])

    document, _output = import_one(tmp_path, "paper.docx", data, "--issued-on", "2020-01-01")

    assert document.issued_on == datetime.date(2025, 3, 3)  # the file's own date beats the one for the whole import


def test_a_date_at_the_end_of_the_text_is_offered_not_set(tmp_path):
    text = "关于做好碳排放权交易的通知\n正文第一段，自2022年1月1日起施行。\n生态环境部\n二〇二一年十月二十四日\n"

    document, _output = import_one(tmp_path, "notice.txt", text.encode())

    assert document.issued_on is None
    assert "Possible issue date, not set: “二〇二一年十月二十四日” at the end of the text" in document.metadata_notes


def test_the_command_line_still_gives_what_the_files_do_not(tmp_path):
    args = ("--issuing-body", "MEE", "--jurisdiction", "national", "--type", "notice", "--issued-on", "2024-05-01")

    document, output = import_one(tmp_path, "notice.txt", b"A notice without a date\nBody.", *args)

    assert (document.issuing_body, document.jurisdiction, document.document_type) == ("MEE", "national", "notice")
    assert document.issued_on == datetime.date(2024, 5, 1)
    assert not document.needs_metadata
    assert "Metadata to complete" not in output


def test_a_manifest_row_without_title_or_date_leaves_them_to_the_file(tmp_path):
    (tmp_path / "notice.txt").write_text("关于做好碳排放权交易的通知\n成文日期：2021年10月24日\n", encoding="utf-8")
    manifest = write_manifest(tmp_path, "notice.txt,,,MEE,生态环境部,national,,notice,,,,,,,,")

    output = run(manifest)

    assert "Imported 1 (0 without text), skipped 0, failed 0." in output
    document = PolicyDocument.objects.get()
    assert document.title == "关于做好碳排放权交易的通知"
    assert document.issued_on == datetime.date(2021, 10, 24)
    assert not document.needs_metadata


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布日期：2023-03-01", datetime.date(2023, 3, 1)),
        ("【发布日期】 2023.03.01", datetime.date(2023, 3, 1)),
        ("印发日期 2021年9月22日", datetime.date(2021, 9, 22)),
        ("成文日期：二〇二一年十月二十四日", datetime.date(2021, 10, 24)),
        ("标题\n日期：2024/5/1", datetime.date(2024, 5, 1)),
        ("Title\nIssued: October 24, 2021", datetime.date(2021, 10, 24)),
        ("Published: 24 Oct 2021", datetime.date(2021, 10, 24)),
        ("实施日期：2022年1月1日", None),  # the effective date, not the issue date
        ("The update date: 2022-01-01 is in a sentence", None),
        ("发布时间：2021年13月40日", None),  # not a date
        ("自2022年1月1日起施行", None),  # no label
    ],
)
def test_labelled_dates(text, expected):
    found = labelled_date(text)

    assert (found[0] if found else None) == expected


def test_only_the_closing_lines_offer_a_date():
    body = "本方案自2021年10月24日起施行。" + "正文。" * 200

    assert closing_date(body) is None
    assert closing_date(body + "\n国务院\n2021年10月26日")[0] == datetime.date(2021, 10, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新建项目环境影响评价管理办法", True),
        ("Guideline on Green Factories", True),
        ("新建 Microsoft Word 文档", False),
        ("Microsoft Word - 方案.docx", False),
        ("国发〔2021〕23号", False),
        ("第 1 页", False),
        ("Page 2 of 10", False),
        ("green plan", False),  # the file's own name
        ("green-plan.pdf", False),
    ],
)
def test_what_reads_as_a_title(text, expected):
    assert reads_as_title(text, Path("green-plan.pdf")) is expected

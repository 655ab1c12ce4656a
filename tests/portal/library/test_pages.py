"""The public library: the filtered listing, a document's page, its family and file, and what stays hidden."""

import datetime
import re

import pytest
from django.utils import translation
from wagtail.models import Locale

from portal.models import DocumentStatus, DocumentType, Jurisdiction, PolicyDocument
from tests.portal.factories import TopicFactory
from tests.portal.library.factories import PolicyDocumentFactory, PolicyLibraryPageFactory, WagtailDocumentFactory

pytestmark = pytest.mark.django_db

LIBRARY = "/library/"


@pytest.fixture
def library(home_page):
    return PolicyLibraryPageFactory(parent=home_page)


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="library-item__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


# --- The listing ----------------------------------------------------------------------------


def test_listing_shows_live_documents_newest_first_and_no_drafts(client, library):
    PolicyDocumentFactory(title="Older plan", issued_on=datetime.date(2020, 1, 1))
    PolicyDocumentFactory(title="Newer plan", issued_on=datetime.date(2024, 6, 1))
    PolicyDocumentFactory(title="Draft plan", issued_on=datetime.date(2025, 1, 1), live=False)

    response = client.get(LIBRARY)

    assert response.status_code == 200
    assert titles(response) == ["Newer plan", "Older plan"]
    assert "2 documents" in response.content.decode()


@pytest.fixture
def assorted(library):
    energy = TopicFactory(slug="energy", name_en="Energy")
    documents = {
        "national plan": PolicyDocumentFactory(title="National plan", issued_on=datetime.date(2021, 10, 24)),
        "provincial standard": PolicyDocumentFactory(
            title="Provincial standard",
            jurisdiction=Jurisdiction.PROVINCIAL,
            region="Guangdong",
            document_type=DocumentType.STANDARD,
            issued_on=datetime.date(2023, 3, 1),
            languages=["zh-hans"],
        ),
        "superseded notice": PolicyDocumentFactory(
            title="Superseded notice",
            document_type=DocumentType.NOTICE,
            status=DocumentStatus.SUPERSEDED,
            issued_on=datetime.date(2019, 5, 5),
            languages=["zh-hans", "en"],
        ),
    }
    documents["provincial standard"].topics.set([energy])
    documents["provincial standard"].save()
    return documents


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "standard"}, ["Provincial standard"]),
        ({"jurisdiction": "national"}, ["National plan", "Superseded notice"]),
        ({"status": "superseded"}, ["Superseded notice"]),
        ({"language": "zh-hans"}, ["Provincial standard", "Superseded notice"]),
        ({"language": "en"}, ["National plan", "Superseded notice"]),
        ({"year": "2021"}, ["National plan"]),
        ({"topic": "energy"}, ["Provincial standard"]),
        ({"jurisdiction": "national", "language": "zh-hans"}, ["Superseded notice"]),
        ({"year": "1999"}, []),
    ],
)
def test_filters_in_the_address_narrow_the_list(client, assorted, query, expected):
    response = client.get(LIBRARY, query)

    assert titles(response) == expected
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_active_filters_show_as_chips_that_remove_themselves(client, assorted):
    content = client.get(LIBRARY, {"type": "standard", "year": "2023"}).content.decode()

    assert 'href="/library/?year=2023"' in content  # removes the type
    assert 'href="/library/?type=standard"' in content  # removes the year
    assert 'value="standard" selected' in content


def test_an_unknown_filter_value_is_ignored_with_a_message(client, assorted):
    response = client.get(LIBRARY, {"type": "memo", "year": "later"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Type: “memo” is not one of the choices, so it was ignored." in content
    assert "Year: “later” is not one of the choices, so it was ignored." in content
    assert len(titles(response)) == 3


def test_listing_is_paginated_and_filters_follow_the_pages(client, library):
    for day in range(1, 26):
        PolicyDocumentFactory(title=f"Notice {day:02d}", issued_on=datetime.date(2024, 1, day))

    first = client.get(LIBRARY, {"jurisdiction": "national"})
    second = client.get(LIBRARY, {"jurisdiction": "national", "page": "2"})

    assert titles(first)[0] == "Notice 25" and len(titles(first)) == 20
    assert titles(second) == [f"Notice {day:02d}" for day in range(5, 0, -1)]
    assert 'href="?jurisdiction=national&amp;page=2"' in first.content.decode()
    assert len(titles(client.get(LIBRARY, {"page": "nonsense"}))) == 20


def test_a_page_of_documents_costs_the_same_queries_however_many_it_shows(client, library):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIBRARY).status_code == 200
        return len(captured)

    topic = TopicFactory()
    for day in range(1, 3):
        PolicyDocumentFactory(issued_on=datetime.date(2024, 1, day), file=WagtailDocumentFactory()).topics.set([topic])
    queries()  # the first request also fills the site's caches
    few = queries()
    for day in range(3, 21):
        PolicyDocumentFactory(issued_on=datetime.date(2024, 1, day), file=WagtailDocumentFactory())
    queries()  # new content retires the cached header links: the first request builds them again

    assert queries() == few


# --- A document's page ----------------------------------------------------------------------


def test_document_page_shows_metadata_summary_file_and_source(client, library):
    document = PolicyDocumentFactory(
        title="2030年前碳达峰行动方案",
        title_en="Action Plan for Carbon Dioxide Peaking Before 2030",
        slug="peaking-action-plan",
        number="国发〔2021〕23号",
        summary="Ten actions to peak CO2 emissions before 2030.",
        source_url="https://www.gov.cn/zhengce/content/2021-10/26/content_5644984.htm",
        effective_on=datetime.date(2021, 10, 26),
        languages=["zh-hans"],
        file=WagtailDocumentFactory(),
    )

    response = client.get("/library/peaking-action-plan/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in content and "Action Plan for Carbon Dioxide Peaking Before 2030" in content
    assert "2030年前碳达峰行动方案" in content
    assert "Ten actions to peak CO2 emissions before 2030." in content
    assert "National Development and Reform Commission" in content
    assert "<dt>Document number</dt><dd>国发〔2021〕23号</dd>" in content
    assert f'href="{document.file.url}"' in content
    assert f"PDF, {document.file.get_file_size() / 1024:.1f}\xa0KB" in content
    assert 'href="https://www.gov.cn/zhengce/content/2021-10/26/content_5644984.htm"' in content
    assert "Chinese" in content
    assert '<link rel="canonical" href="http://localhost/library/peaking-action-plan/">' in content


def test_a_document_without_a_number_shows_no_empty_number(client, library):
    PolicyDocumentFactory(slug="no-number", number="")

    assert "Document number" not in client.get("/library/no-number/").content.decode()


def test_family_links_the_original_and_its_translations_both_ways(client, library):
    original = PolicyDocumentFactory(title="碳排放权交易管理办法", slug="trading-rules", languages=["zh-hans"])
    english = PolicyDocumentFactory(
        title="Measures for Carbon Emissions Trading", slug="trading-rules-en", translation_of=original
    )
    PolicyDocumentFactory(title="Unpublished translation", slug="trading-rules-fr", translation_of=original, live=False)

    on_original = client.get("/library/trading-rules/").content.decode()
    on_translation = client.get("/library/trading-rules-en/").content.decode()

    assert 'href="/library/trading-rules-en/"' in on_original
    assert 'href="/library/trading-rules/"' in on_translation
    assert "Unpublished translation" not in on_original
    assert english.url == "/library/trading-rules-en/"


def test_a_draft_document_is_not_found(client, library):
    PolicyDocumentFactory(slug="not-yet", live=False)

    assert client.get("/library/not-yet/").status_code == 404
    assert client.get("/library/no-such-document/").status_code == 404


def test_a_document_without_a_file_has_no_download_link(client, library):
    PolicyDocumentFactory(slug="link-only", file=None, source_url="https://example.org/notice")

    content = client.get("/library/link-only/").content.decode()

    assert "Download" not in content
    assert 'href="https://example.org/notice"' in content


def test_a_document_with_unknown_metadata_is_listed_last_and_shown_as_unknown(client, library):
    PolicyDocumentFactory(title="Dated plan", issued_on=datetime.date(2020, 1, 1))
    unknown = {"issuing_body": "", "issuing_body_zh": "", "jurisdiction": "", "document_type": "", "issued_on": None}
    PolicyDocumentFactory(title="导入的通知", slug="imported", **unknown)

    listing = client.get(LIBRARY)
    page = client.get("/library/imported/")

    assert titles(listing) == ["Dated plan", "导入的通知"]  # undated last
    assert "Issuer unknown · Date unknown" in listing.content.decode()
    assert titles(client.get(LIBRARY, {"year": "2020"})) == ["Dated plan"]
    assert page.status_code == 200
    content = page.content.decode()
    assert '<p class="eyebrow">Type unknown</p>' in content
    assert "<dt>Issued by</dt><dd>Unknown</dd>" in content
    assert "<dt>Jurisdiction</dt><dd>Unknown</dd>" in content
    assert "<dt>Issue date</dt><dd>Unknown</dd>" in content


# --- Addresses ----------------------------------------------------------------------------------


def test_url_is_empty_without_a_live_library(home_page):
    document = PolicyDocumentFactory(slug="somewhere")
    assert document.url == ""

    library = PolicyLibraryPageFactory(parent=home_page, live=False)
    assert document.get_url() == ""
    library.save_revision().publish()
    assert document.get_url() == "/library/somewhere/"


def test_url_uses_the_library_in_the_visitors_language(client, home_page, library):
    chinese = Locale.objects.create(language_code="zh-hans")
    home_page.copy_for_translation(chinese).save_revision().publish()
    library.copy_for_translation(chinese).save_revision().publish()
    document = PolicyDocumentFactory(slug="plan", title="方案", title_en="Plan")

    with translation.override("zh-hans"):
        assert document.url == "/zh-hans/library/plan/"
    assert document.url == "/library/plan/"

    content = client.get("/zh-hans/library/").content.decode()
    assert 'href="/zh-hans/library/plan/"' in content
    assert ">方案<" in content  # the original title on Chinese pages


def test_chinese_visitors_fall_back_to_the_default_library(home_page, library):
    Locale.objects.create(language_code="zh-hans")
    document = PolicyDocumentFactory(slug="plan")

    with translation.override("zh-hans"):
        assert document.url == "/library/plan/"


def test_the_file_link_serves_the_file(client, library):
    document = PolicyDocumentFactory(file=WagtailDocumentFactory(data=b"Plain text of a notice.", name="notice.txt"))

    response = client.get(document.file.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Plain text of a notice."
    assert PolicyDocument.objects.get(pk=document.pk).file_format == "TXT"

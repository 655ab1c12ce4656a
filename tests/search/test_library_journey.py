"""From staff filling the library to a visitor's search, through the real command, admin and search page.

Staff import a folder (a Chinese PDF, an English Word file, a bilingual text
file), an editor writes a policy brief and submits it, a moderator approves
it, and a visitor searches in Chinese and in English: the right documents and
the brief are found and the wrong ones not, with the terms marked in the
passages, the PDF's page number beside its passage, and facet counts that
match. Nothing is indexed by hand: every record reaches the backend through
the sync that saving and publishing queue after commit. Runs on the database
backend and on Elasticsearch (required in CI).
"""

import io
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from portal.models import Extraction, PolicyBriefPage, PolicyDocument
from search import indexes
from search.backends import ElasticsearchBackend
from search.models import PendingUpdate
from tests.conftest import require_service
from tests.members.factories import UserFactory
from tests.portal.library import files
from tests.portal.library.factories import PolicyBriefIndexPageFactory, PolicyLibraryPageFactory

pytestmark = pytest.mark.django_db

ISSUER = "Ministry of Industry and Information Technology"
# Page 3 holds the phrase 碳足迹 (carbon footprint); the text file has its three characters, but never together.
PDF_PAGES = [
    ["工业领域节能降碳实施方案", "第一页：总体要求"],
    ["第二页：钢铁行业推进氢冶金示范", "严格能效约束"],
    ["第三页：建立产品碳足迹标识制度", "统一核算规则"],
]


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.services)])
def backend(request, settings):
    """The backend the search page asks, and a way to make what was written to it visible to searches."""
    if request.param == "database":
        settings.SEARCH_BACKEND = "database"
        settings.ELASTICSEARCH_URL = ""  # the embedded default: no cluster at all
        yield lambda: None
        return
    require_service("ELASTICSEARCH_URL")
    client = request.getfixturevalue("elasticsearch")
    settings.SEARCH_BACKEND = "elasticsearch"
    # An empty index behind the alias, as a fresh deployment has; all content arrives later through sync.
    ElasticsearchBackend(client).replace_all([])
    yield lambda: client.indices.refresh(index=indexes.alias_name())


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "industrial-energy-saving-plan_2022-08-01.pdf").write_bytes(files.make_pdf(PDF_PAGES))
    (folder / "green-hydrogen-steel-guideline_2024-05-20.docx").write_bytes(
        files.make_docx(
            ["Guideline on green hydrogen in steelmaking", "Each electrolyser shall report its power source."],
            table=[["Indicator", "Target"], ["Hydrogen share", "10%"]],
        )
    )
    (folder / "low-carbon-development-notes_2025-01-15.txt").write_text(
        "低碳发展要立足长远，不留痕迹地推进。\nNotes on offshore wind and grid storage for industrial parks.\n",
        encoding="utf-8",
    )
    return folder


def staff(group: str, username: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def brief_form(**actions) -> dict:
    return nested_form_data(
        {
            "title": "Carbon footprint labels reach steelmakers",
            "slug": "footprint-labels",
            "date": "2026-03-03",
            "summary": "What product labels will ask of member plants.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>工信部将建立产品碳足迹标识制度，钢铁产品先行。</p>")),
                    ("paragraph", rich_text("<p>Plants that run an electrolyser must show its power source.</p>")),
                ]
            ),
            "authors": inline_formset([{"name": "Li Wei", "role": "Policy analyst"}], min=1),
            "related_documents": inline_formset([]),
            "comments": inline_formset([]),
            **actions,
        }
    )


def hits(html: str) -> dict[str, str]:
    """Each result's plain title and its markup, in the order shown."""
    if '<ol class="hits"' not in html:
        return {}
    listing = html[html.index('<ol class="hits"') :]
    found = {}
    for block in listing[: listing.index("</ol>")].split('<li class="hit">')[1:]:
        title = re.search(r'<h2 class="hit__title"><a href="[^"]*">(.*?)</a></h2>', block, re.S).group(1)
        found[unescape(re.sub(r"<[^>]+>", "", title))] = block
    return found


def facets(html: str) -> dict[str, dict[str, int]]:
    """Facet heading -> {value label: count} as the page shows them."""
    shown = {}
    for section in re.findall(r'<section class="facet">(.*?)</section>', html, re.S):
        heading = re.search(r'<h2 class="facet__heading">(.*?)</h2>', section).group(1)
        values = re.findall(
            r'<span class="facet__label">(.*?)</span>\s*<span class="facet__count">(\d+)</span>', section
        )
        shown[unescape(heading)] = {unescape(label): int(count) for label, count in values}
    return shown


def search(text: str, exact: bool = True) -> str:
    """The search page's HTML. Exact words only unless asked: the counts and facets below are of word matches;
    matching by meaning may add more results after them."""
    params = {"q": text, **({"exact": "1"} if exact else {})}
    response = Client().get("/search/", params)  # an anonymous visitor
    assert response.status_code == 200
    html = response.content.decode()
    assert "reduced mode" not in html  # answered by the backend under test, not a fallback
    return html


def test_staff_fill_the_library_and_a_visitor_finds_it_in_chinese_and_english(
    backend, folder, home_page, client, django_capture_on_commit_callbacks
):
    refresh_index = backend
    PolicyLibraryPageFactory(parent=home_page)
    briefs = PolicyBriefIndexPageFactory(parent=home_page)

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_documents", str(folder), "--issuing-body", ISSUER, "--jurisdiction", "national",
            "--type", "guideline", stdout=out,
        )  # fmt: skip
    assert "Imported 3 (0 without text), skipped 0, failed 0." in out.getvalue()
    plan = PolicyDocument.objects.get(slug="industrial-energy-saving-plan_2022-08-01")
    guideline = PolicyDocument.objects.get(slug="green-hydrogen-steel-guideline_2024-05-20")
    notes = PolicyDocument.objects.get(slug="low-carbon-development-notes_2025-01-15")
    assert {plan.extraction, guideline.extraction, notes.extraction} == {Extraction.DONE}
    assert plan.pages.get(number=3).text.startswith("第三页：建立产品碳足迹标识制度")
    assert (plan.languages, guideline.languages, notes.languages) == (["zh-hans"], ["en"], ["zh-hans", "en"])

    client.force_login(staff("Editors", "eddie"))
    add_url = reverse("wagtailadmin_pages:add", args=("portal", "policybriefpage", briefs.pk))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(add_url, brief_form()).status_code == 302
    brief = PolicyBriefPage.objects.get(slug="footprint-labels")
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(
            reverse("wagtailadmin_pages:edit", args=(brief.pk,)), brief_form(**{"action-submit": "submit"})
        )
    assert submitted.status_code == 302
    brief.refresh_from_db()
    assert not brief.live and brief.current_workflow_state is not None
    refresh_index()
    assert "Carbon footprint labels reach steelmakers" not in hits(search("碳足迹"))  # not before approval

    client.force_login(staff("Moderators", "mo"))
    task_state = brief.current_workflow_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(brief.pk, "approve", task_state.pk))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(approve_url, {"comment": "Clear and accurate."}).status_code == 302
    brief.refresh_from_db()
    assert brief.live
    assert not PendingUpdate.objects.exists()  # every queued index update was delivered
    refresh_index()

    # With meaning on too, the two records holding the words come first.
    assert list(hits(search("碳足迹", exact=False)))[:2] == list(hits(search("碳足迹")))
    chinese = search("碳足迹")
    found = hits(chinese)
    assert set(found) == {"工业领域节能降碳实施方案", "Carbon footprint labels reach steelmakers"}
    pdf_hit = found["工业领域节能降碳实施方案"]  # titled by its first line, not by its file name
    assert re.search(
        r'<a class="hit__page" href="/library/industrial-energy-saving-plan_2022-08-01/">p\. 3</a>', pdf_hit
    )
    assert re.search(r'<span class="hit__passage">[^<]*<mark>碳足迹</mark>', pdf_hit)
    assert "<mark>碳足迹</mark>" in found["Carbon footprint labels reach steelmakers"]
    assert 'href="/briefs/footprint-labels/"' in found["Carbon footprint labels reach steelmakers"]
    assert "2 results" in chinese
    shown = facets(chinese)
    assert shown["Content type"] == {"Policy documents": 1, "Policy briefs": 1}
    assert shown["Document type"] == {"Guideline": 1}
    assert shown["Issuing body"] == {ISSUER: 1}
    assert shown["Language"] == {"Chinese": 1, "English": 1}

    english = search("electrolyser")
    found = hits(english)
    assert set(found) == {"Guideline on green hydrogen in steelmaking", "Carbon footprint labels reach steelmakers"}
    assert "<mark>electrolyser</mark>" in found["Guideline on green hydrogen in steelmaking"]
    assert "<mark>electrolyser</mark>" in found["Carbon footprint labels reach steelmakers"]
    shown = facets(english)
    assert shown["Content type"] == {"Policy documents": 1, "Policy briefs": 1}
    assert shown["Year"] == {"2026": 1, "2024": 1}

    offshore = hits(search("offshore wind"))
    assert list(offshore) == ["low carbon development notes 2025 01 15"]  # the text file is searchable too

"""What goes into a search record: the words readers see, not the editor's settings."""

import pytest

from search.records import blank, record_for
from tests.portal.library.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


def test_brief_record_has_headings_and_paragraphs_but_not_block_settings(home_page):
    index = PolicyBriefIndexPageFactory(parent=home_page)
    brief = PolicyBriefPageFactory(
        parent=index,
        body=[
            {"type": "heading", "value": {"text": "What changes for steel", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Allowances are allocated on intensity benchmarks.</p>"},
        ],
    )

    record = record_for(f"portal.policybriefpage:{brief.pk}")

    assert "What changes for steel" in record["body"]
    assert "intensity benchmarks" in record["body"]
    assert "Section heading" not in record["body"]


def test_every_record_has_a_group_that_its_translations_share():
    assert blank(id="portal.standardpage:3")["group"] == "portal.standardpage:3"
    assert blank(id="portal.policydocument:4", group="document:2")["group"] == "document:2"

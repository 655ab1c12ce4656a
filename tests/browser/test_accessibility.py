"""WCAG 2.1 AA in a real browser: axe-core (bundled with its Python package, nothing fetched) over the public pages.

The search pages are checked with queries that highlight words and explain matches, in both languages,
since highlighted marks are where contrast failed before.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGES = [
    "/",
    "/search/?q=carbon+emissions+trading",
    "/search/?q=carbon+trading&exact=1",
    "/zh-hans/search/?q=碳排放权交易",
    "/library/",
    "/zh-hans/library/",
    "/events/",
    "/pledges/",
    "/eod/?q=river",
]


def test_public_pages_have_no_wcag_21_aa_violations(browser, site):
    page = browser.new_page()
    axe = Axe()
    found = {}
    for path in PAGES:
        response = page.goto(site + path)
        assert response.status == 200, path
        results = axe.run(page, options=WCAG_21_AA)
        if results.violations_count:
            found[path] = results.generate_snapshot()

    assert not found, found
    # The contrast rule had highlighted marks to judge, or the check proves nothing about them.
    page.goto(site + "/search/?q=carbon+emissions+trading")
    assert page.locator("mark").count() > 0
    judged = axe.run(page, context="mark", options={"runOnly": ["color-contrast"], "resultTypes": ["passes"]})
    assert judged.response["passes"], "axe judged no highlighted mark's contrast"

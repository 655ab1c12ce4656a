"""The API's documentation page in a real browser: it renders from the site's own files under the site's CSP."""

import os
import shutil

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.conftest import REQUIRE_SERVICES

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_docs_page_lists_the_operations_with_only_local_assets(live_server):
    if not shutil.which(CHROMIUM):
        reason = f"no Chromium at {CHROMIUM} (Debian's chromium package)"
        pytest.fail(reason) if REQUIRE_SERVICES else pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page()
        requested, refused = [], []
        page.on("request", lambda request: requested.append(request.url))
        page.on(
            "console",
            lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
        )

        page.goto(live_server.url + "/api/v1/docs")

        expect(page.locator(".opblock-summary-path").filter(has_text="/api/v1/companies").first).to_be_visible()
        expect(page.locator(".opblock-summary-path").filter(has_text="/api/v1/me/pledges").first).to_be_visible()
        browser.close()
    assert all(url.startswith(live_server.url) for url in requested), requested
    assert live_server.url + "/api/v1/openapi.json" in requested
    assert refused == []

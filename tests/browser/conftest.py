"""The demo site served to Debian's Chromium, driven by Playwright (no browser is ever downloaded)."""

import os
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.conftest import REQUIRE_SERVICES

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture
def site(live_server):
    call_command("load_demo", companies=8, stdout=StringIO())
    return live_server.url


@pytest.fixture
def browser(site):
    """Chromium for one test. Started after the database work and stopped before
    its teardown: Playwright's sync API runs an event loop in this thread, and
    Django must not see one while it sets up or restores the test database."""
    if not shutil.which(CHROMIUM):
        reason = f"no Chromium at {CHROMIUM} (Debian's chromium package)"
        pytest.fail(reason) if REQUIRE_SERVICES else pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()

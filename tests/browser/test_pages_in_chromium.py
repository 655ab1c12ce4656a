"""The demo site in a real browser: Debian's Chromium driven by Playwright."""

import pytest
from playwright.sync_api import expect

from demo.site import STAFF_USERS

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_home_page_renders_with_only_the_projects_own_assets(browser, site):
    page = browser.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(site + "/")

    expect(page.locator("h1")).to_contain_text("Manufacturing China's path to carbon neutrality")
    expect(page.locator(".logo-grid img").first).to_be_visible()
    assert all(url.startswith(site) for url in requested), [u for u in requested if not u.startswith(site)]


def test_mobile_menu_opens_and_switches_to_chinese(browser, site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site + "/about/")
    toggle = page.get_by_role("button", name="Menu")

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="Dual carbon").first).to_be_visible()
    page.get_by_role("link", name="中文").first.click()
    expect(page).to_have_url(site + "/zh-hans/about/")
    expect(page.locator("h1")).to_have_text("关于协会")


def test_demo_editor_logs_in_to_the_admin(browser, site):
    username, password, first_name = next((u, p, f) for u, p, group, f, _ in STAFF_USERS if group == "Editors")
    page = browser.new_page()
    page.goto(site + "/admin/login/")

    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")

    expect(page).to_have_url(site + "/admin/")
    expect(page.locator("body")).to_contain_text(first_name)  # the account menu of the signed-in editor

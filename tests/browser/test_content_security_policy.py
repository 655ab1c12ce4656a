"""The Content-Security-Policy in Debian's Chromium: the demo's public pages break none of its rules,
and what their scripts do (menu, local times, milestone rows) still works under it."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from demo.members import REPRESENTATIVE_PASSWORD
from initiatives.models import EodProgrammePage, EventPage
from members.models import MemberCompany, Representative

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Every violation reaches the page as an event; the listener is installed by the browser
# before any of the page's own code, so the policy cannot block it.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def addresses(site, settings):
    """Paths of one page of each kind, read before the browser starts (the ORM must not run beside it)."""
    settings.SEARCH_BACKEND = "database"  # the demo is not indexed in a cluster here
    now = timezone.now()
    event = next(
        page
        for page in EventPage.objects.live().filter(locale__language_code="en", start__gt=now).order_by("start")
        if page.registration_status(now) == "open"
    )
    representative = Representative.objects.select_related("user").filter(role=Representative.Role.EDITOR).first()
    return {
        "home": "/",
        "about": "/about/",
        "events": "/events/",
        "event": event.url,
        "tracker": "/pledges/",
        "company": f"/pledges/{MemberCompany.objects.order_by('pk').first().slug}/",
        "search": "/search/?q=carbon",
        "catalogue": "/eod/",
        "programme": EodProgrammePage.objects.live().filter(locale__language_code="en").first().url,
        "financier login": "/financiers/login/",
        "library": "/library/",
        "briefs": "/briefs/",
        "chinese home": "/zh-hans/",
        "representative": representative.user.username,
    }


def open_page(context, url):
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, messages


def violations(page, messages) -> list[str]:
    blocked = [text for text in messages if "Content Security Policy" in text or "Refused to" in text]
    return blocked + page.evaluate("window.cspViolations")


def test_public_pages_break_no_rule_of_the_policy_and_their_scripts_still_work(addresses, browser, site):
    # Not the venue's zone (Beijing), so events.js adds the visitor's own time.
    context = browser.new_context(timezone_id="Europe/Berlin")
    context.add_init_script(RECORD_VIOLATIONS)
    found = {}
    for name in ("home", "about", "events", "tracker", "company", "search", "catalogue", "library", "briefs"):
        page, messages = open_page(context, site + addresses[name])
        assert page.locator("h1").count() >= 1, name
        found[name] = violations(page, messages)
        page.close()
    for name in ("financier login", "chinese home"):
        page, messages = open_page(context, site + addresses[name])
        found[name] = violations(page, messages)
        page.close()

    page, messages = open_page(context, site + addresses["event"])
    expect(page.locator(".local-time").first).to_contain_text("Your time")
    expect(page.locator("form input[name=email]").first).to_be_visible()
    assert page.locator("script[type='application/ld+json']").count() == 1  # data, never run, so allowed
    found["event"] = violations(page, messages)

    page, messages = open_page(context, site + addresses["programme"])
    bar = page.locator("svg.eod-bar")  # the secured share as an SVG attribute, not an inline style
    expect(bar).to_be_visible()
    secured = bar.locator("rect.eod-bar__secured")
    share = int(secured.get_attribute("width"))
    assert 0 <= share <= 100
    assert abs(secured.bounding_box()["width"] - bar.bounding_box()["width"] * share / 100) < 2
    found["programme"] = violations(page, messages)

    phone = browser.new_context(viewport={"width": 390, "height": 844})
    phone.add_init_script(RECORD_VIOLATIONS)
    page, messages = open_page(phone, site + addresses["home"])
    toggle = page.get_by_role("button", name="Menu")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    found["menu"] = violations(page, messages)

    assert found == {name: [] for name in found}


def test_the_member_area_and_the_admin_break_no_rule_of_their_policies(addresses, browser, site):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page, messages = open_page(context, site + "/members/login/")
    page.fill("input[name=username]", addresses["representative"])
    page.fill("input[name=password]", REPRESENTATIVE_PASSWORD)
    page.locator("input[name=password]").press("Enter")  # the header's search form has a submit button too
    page.wait_for_url(site + "/members/")

    page.goto(site + "/members/pledges/new/")
    rows = page.locator("[data-milestone-rows] > *")
    before = rows.count()
    page.get_by_role("button", name="Add a milestone").click()
    expect(rows).to_have_count(before + 1)
    assert page.locator("#id_milestones-TOTAL_FORMS").input_value() == str(before + 1)
    found = {"pledge form": violations(page, messages)}

    staff = browser.new_context()
    staff.add_init_script(RECORD_VIOLATIONS)
    page, messages = open_page(staff, site + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "demo-admin-2060")
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(site + "/admin/")
    # Admin pages, then a public page with the Wagtail user bar, which staff see.
    for path in ("/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/", addresses["home"]):
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
        found[path] = violations(page, messages)
    expect(page.locator("wagtail-userbar")).to_be_attached()

    assert found == {path: [] for path in found}

"""Demo site: page tree in both languages, navigation, staff users.

Every function here is idempotent: it finds what an earlier run made and
brings it up to date instead of adding a second copy.
"""

import copy
import math
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from demo.site_content import HOME, PAGES
from portal.images import save_image
from portal.models import FooterLink, HomePage, MenuItem, SiteIdentity, StandardPage
from portal.progress import progress

# Demo logins, documented in the README. Never used outside the demo.
STAFF_USERS = [
    # username, password, group (None: superuser), first name, last name
    ("admin", "demo-admin-2060", None, "Ada", "Admin"),
    ("editor", "demo-editor-2060", "Editors", "Eddie", "Editor"),
    ("moderator", "demo-moderator-2060", "Moderators", "Mo", "Moderator"),
]


def load_staff_users() -> dict:
    users = {}
    user_model = get_user_model()
    for username, password, group, first, last in STAFF_USERS:
        user, _ = user_model.objects.get_or_create(username=username)
        user.email = f"{username}@example.org"
        user.first_name, user.last_name = first, last
        user.is_staff = True
        user.is_superuser = group is None
        user.set_password(password)
        user.save()
        if group:
            # Wagtail's own migrations create the Editors and Moderators groups.
            user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


def draw_hero(width: int = 1600, height: int = 700) -> Image.Image:
    """An abstract landscape: layered hills under a pale sky, with a falling curve."""
    picture = Image.new("RGB", (width, height), "#e9f2ec")
    draw = ImageDraw.Draw(picture)
    for y in range(height):  # sky gradient
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(233 - 40 * t), int(242 - 25 * t), int(236 - 30 * t)))
    layers = [("#9cc5a1", 0.55, 40), ("#5e9c76", 0.68, 55), ("#2f6f56", 0.8, 35), ("#124a3a", 0.9, 25)]
    for colour, base, amplitude in layers:
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            wave = math.sin(x / 210 + base * 9) + 0.5 * math.sin(x / 97 + base * 4)
            points.append((x, height * base + amplitude * wave))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    # An emissions curve that rises, peaks and falls toward zero.
    curve = [(x, height * (0.45 - 0.25 * math.exp(-(((x / width) - 0.35) ** 2) / 0.03))) for x in range(0, width, 8)]
    draw.line(curve, fill="#f4b860", width=6, joint="curve")
    return picture


def _hero_image():
    existing = get_image_model().objects.filter(title="Demo hero landscape").first()
    return existing or save_image(draw_hero(), "Demo hero landscape", "hero-landscape.png")


def _resolve_page_keys(body: list[dict], pages_by_key: dict[str, Page]) -> list[dict]:
    body = copy.deepcopy(body)
    for block in body:
        if block["type"] == "call_to_action" and isinstance(block["value"]["page"], str):
            block["value"]["page"] = pages_by_key[block["value"]["page"]].pk
    return body


def _publish(page: Page, user) -> None:
    page.save_revision(user=user, log_action=True).publish(user=user)


def load_home(user) -> HomePage:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's install leaves a plain "Welcome" page as the site root; replace it.
        for page in root.get_children().exact_type(Page):
            page.delete()
        home = root.add_child(
            instance=HomePage(title=HOME["en"]["title"], slug="home", locale=english, **_hero(HOME["en"]))
        )
    # Absolute links (calendar files, sitemap, feeds) point where the demo is served.
    served_at = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": served_at.hostname or "localhost",
            "port": served_at.port or (443 if served_at.scheme == "https" else 80),
            "root_page": home,
            "site_name": "Low-Carbon Manufacturers Association",
        },
    )
    return home


def _hero(content: dict) -> dict:
    return {key: content[key] for key in ("hero_heading", "hero_text", "hero_cta_label")}


def load_pages(home: HomePage, user, stdout=None) -> dict[str, dict[str, Page]]:
    """English pages under the home page, then their Chinese translations."""
    chinese, _ = Locale.objects.get_or_create(language_code="zh-hans")
    pages: dict[str, dict[str, Page]] = {"en": {}, "zh-hans": {}}
    for spec in PAGES:
        content = spec["en"]
        page = home.get_children().filter(slug=content["slug"]).specific().first()
        if page is None:
            page = home.add_child(instance=StandardPage(title=content["title"], slug=content["slug"]))
        pages["en"][spec["key"]] = page

    home_zh = home.get_translation_or_none(chinese) or home.copy_for_translation(chinese)
    for spec in PAGES:
        english = pages["en"][spec["key"]]
        translation = english.get_translation_or_none(chinese) or english.copy_for_translation(chinese)
        pages["zh-hans"][spec["key"]] = translation.specific

    hero = _hero_image()
    # Re-read both homes: the in-memory copies hold a stale child count, and
    # publishing one would write it back and hide the new children.
    homes = {"en": home.pk, "zh-hans": home_zh.pk}
    for language, pk in homes.items():
        home_page = HomePage.objects.get(pk=pk)
        content = HOME[language]
        home_page.title = content["title"]
        for field, value in _hero(content).items():
            setattr(home_page, field, value)
        home_page.hero_image = hero
        home_page.hero_cta_page = pages[language]["dual-carbon"]
        home_page.body = content["body"]
        _publish(home_page, user)

    for spec in progress(PAGES, "Standard pages", stream=stdout):
        for language in ("en", "zh-hans"):
            content, page = spec[language], pages[language][spec["key"]]
            page.title, page.slug = content["title"], content["slug"]
            page.introduction = content["introduction"]
            page.body = _resolve_page_keys(content["body"], pages[language])
            page.show_in_menus = spec["in_menu"]
            _publish(page, user)
    return pages


def load_identity(site: Site, pages: dict[str, Page]) -> None:
    identity = SiteIdentity.for_site(site)
    identity.tagline_en = "International manufacturers working toward China's dual-carbon goals"
    identity.tagline_zh = "在华跨国制造企业携手推进“双碳”目标"
    identity.contact_email = "secretariat@example.org"
    identity.address = "18F, 1000 Century Avenue, Pudong, Shanghai 200120"
    identity.footer_note = "Demo site. The association and its member companies are fictitious."
    identity.menu_items = [
        MenuItem(url="/pledges/", label_en="Pledge tracker", label_zh="承诺追踪", sort_order=0),
        # The events index, briefs, library and EOD catalogue are loaded after the site: linked by their address.
        MenuItem(url="/events/", label_en="Events", label_zh="活动", sort_order=1),
        MenuItem(url="/briefs/", label_en="Policy briefs", label_zh="政策简报", sort_order=2),
        MenuItem(url="/library/", label_en="Library", label_zh="政策文件库", sort_order=3),
        MenuItem(url="/eod/", label_en="EOD catalogue", label_zh="EOD项目库", sort_order=4),
        # Short labels keep the items on one line; Contact lives in the footer.
        MenuItem(page=pages["dual-carbon"], label_en="Dual carbon", label_zh="双碳目标", sort_order=5),
        MenuItem(page=pages["green-manufacturing"], sort_order=6),
        MenuItem(page=pages["membership"], sort_order=7),
        MenuItem(page=pages["about"], label_en="About", label_zh="关于协会", sort_order=8),
    ]
    identity.footer_links = [
        FooterLink(page=pages["privacy"], sort_order=0),
        FooterLink(page=pages["contact"], sort_order=1),
        FooterLink(url="/members/", label_en="Member area", label_zh="会员专区", sort_order=2),
        FooterLink(url="/financiers/", label_en="Financier area", label_zh="金融机构专区", sort_order=3),
        FooterLink(url="/api/v1/docs", label_en="Open data API", label_zh="开放数据接口", sort_order=4),
        FooterLink(url="/sitemap.xml", label_en="Sitemap", label_zh="网站地图", sort_order=5),
    ]
    identity.save()


@transaction.atomic
def load_site(stdout) -> None:
    stdout.write("Staff users")
    users = load_staff_users()
    stdout.write("Home page")
    home = load_home(users["admin"])
    pages = load_pages(home, users["admin"], stdout)
    stdout.write("Navigation and footer")
    load_identity(Site.objects.get(is_default_site=True), pages["en"])

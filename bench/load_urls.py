"""The addresses the load bench visits, read from the bench database's demo content; prints them as JSON.

Run by `bench/load.py` with the bench's environment. Also retires whatever the
page cache still holds from an earlier run, whose content may differ, lists
the events open for registration ("register") and the pages an editor may
publish ("publish", by id), and makes the editor's account ($LOAD_EDITOR and
$LOAD_EDITOR_PASSWORD) if they are set.
"""

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "load_settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.utils import timezone  # noqa: E402

from initiatives.models import EodCatalogPage, EodProgrammePage, EventPage, RegistrationStatus  # noqa: E402
from members.models import MemberCompany  # noqa: E402
from portal import page_cache  # noqa: E402

SEARCHES = {
    "en": ["carbon neutrality", "emissions trading", "green factory", "dual carbon", "photovoltaic", "scope 3"],
    "zh-hans": ["碳达峰", "绿色工厂", "双碳", "碳排放权交易"],
}


def both_languages(path: str) -> list[str]:
    return [path, f"/zh-hans{path}"]


def event_pages() -> list[str]:
    upcoming = EventPage.objects.live().filter(start__gte=timezone.now()).order_by("start")
    past = EventPage.objects.live().filter(start__lt=timezone.now()).order_by("-start")
    return [page.url for page in [*upcoming[:8], *past[:4]]]


def open_events() -> list[str]:
    upcoming = EventPage.objects.live().filter(start__gte=timezone.now(), locale__language_code="en").order_by("start")
    return [page.url for page in upcoming if page.registration_status() == RegistrationStatus.OPEN][:8]


def publishable() -> list[str]:
    """Pages whose latest revision an editor publishes again: the events, as staff correct them during a drive."""
    return [
        str(pk) for pk in EventPage.objects.live().filter(locale__language_code="en").values_list("pk", flat=True)[:8]
    ]


def ensure_editor() -> None:
    username, password = os.environ.get("LOAD_EDITOR"), os.environ.get("LOAD_EDITOR_PASSWORD")
    if not username or not password:
        return
    editor, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.com"}
    )
    editor.is_staff = editor.is_superuser = True
    editor.set_password(password)
    editor.save()


def company_pages() -> list[str]:
    slugs = MemberCompany.objects.order_by("pk").values_list("slug", flat=True)[:12]
    return [path for slug in slugs for path in both_languages(f"/pledges/{slug}/")]


def catalogue_pages() -> list[str]:
    catalogue = EodCatalogPage.objects.live().filter(locale__language_code="en").first()
    if catalogue is None:
        sys.exit("The bench database has no EOD catalogue: load the demo first.")
    programmes = EodProgrammePage.objects.live().filter(locale=catalogue.locale)
    provinces = list(dict.fromkeys(programmes.values_list("province", flat=True)))[:3]
    sectors = list(
        dict.fromkeys(sector for listed in programmes.values_list("sectors", flat=True) for sector in listed)
    )[:2]
    queries = [
        {},
        {"q": "wetland restoration"},
        {"q": "生态"},
        {"sort": "gap"},
        {"view": "table", "sort": "size"},
        *({"province": province} for province in provinces),
        *({"sector": sector} for sector in sectors),
        *({"province": province, "q": "tourism"} for province in provinces[:1]),
    ]
    base = catalogue.url
    return [f"{base}?{urlencode(query)}" if query else base for query in queries] + [f"/zh-hans{base}"]


def main() -> None:
    page_cache.bump_generation()
    ensure_editor()
    urls = {
        "home": both_languages("/"),
        "events": [
            *both_languages("/events/"),
            "/events/?kind=seminar",
            "/events/?when=past",
            "/events/?view=calendar",
        ],
        "event page": event_pages(),
        "tracker": [*both_languages("/pledges/"), "/pledges/?sector=chemicals", "/pledges/?pledge_type=net_zero"],
        "company": company_pages(),
        "search": [
            f"{prefix}/search/?{urlencode({'q': query})}"
            for language, prefix in (("en", ""), ("zh-hans", "/zh-hans"))
            for query in SEARCHES[language]
        ],
        "EOD search": catalogue_pages(),
        "register": open_events(),
        "publish": publishable(),
    }
    print(json.dumps(urls, ensure_ascii=False))


if __name__ == "__main__":
    main()

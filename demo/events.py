"""Demo events: topics, speakers, ~40 events in both languages over the past year and the
next six months, with agendas, partners, slides, photos and registrations.

Dates are relative to the day of loading, so the demo always has upcoming events.
Everything is seeded and idempotent: a second run finds the topics, speakers,
pictures, documents and pages by their slug or title and updates them; an event
whose date moved (the demo loaded again on a later day) takes its registrations
along, so they keep their place relative to it.
"""

import datetime
import random
import zoneinfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo import events_content as content
from demo.logos import draw_logo
from demo.members import PLANT_WORDS, SECTOR_WORDS, company_specs
from demo.pictures import draw_hero, draw_photo, draw_portrait, slides_pdf
from initiatives.models import (
    EventIndexPage,
    EventLanguage,
    EventMaterial,
    EventPage,
    EventPartner,
    EventPhoto,
    EventSpeaker,
    Registration,
    RegistrationEmail,
    Speaker,
)
from portal.images import save_image
from portal.models import HomePage, Topic
from portal.progress import progress

LANGUAGES = ("en", "zh-hans")
HERO_COUNT = 8
INDEX = {
    "en": (
        "Events",
        "Seminars, forums, open days at member plants and work with universities on the road to carbon neutrality. "
        "Most events are free; where places are limited, registration keeps them fair.",
    ),
    "zh-hans": (
        "活动",
        "围绕碳中和之路举办的研讨会、论坛、会员工厂开放日和高校合作活动。大多数活动免费；名额有限的活动需报名，以公平分配席位。",
    ),
}
STREAM_URL = "https://live.example.org/lcma/{slug}/"
MODERATOR = {"forum": "ye-qing"}  # everything else: the events programme manager
COMPANY_SPEAKERS = ["martina-keller", "liang-qiao", "hiroshi-tanaka", "zhao-min", "pierre-durand", "feng-lei"]

WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]  # fmt: skip
WEEKDAYS_ZH = "一二三四五六日"
DAY_NUMBERS_ZH = "一二三"


# --- Topics --------------------------------------------------------------------------


def load_topics() -> dict[str, Topic]:
    """The site's shared topic list (events now, the policy library later), by slug."""
    topics = {}
    for slug, name_en, name_zh in content.TOPICS:
        topics[slug], _ = Topic.objects.update_or_create(slug=slug, defaults={"name_en": name_en, "name_zh": name_zh})
    return topics


# --- Pictures, speakers and documents -----------------------------------------------------


def collection(name: str) -> Collection:
    existing = Collection.objects.filter(name=name).first()
    return existing or Collection.get_first_root_node().add_child(name=name)


def _image(title: str, filename: str, draw, where: Collection):
    """The image with this title, drawn and stored the first time only."""
    existing = get_image_model().objects.filter(title=title).first()
    return existing or save_image(draw(), title, filename, where)


def load_pictures(where: Collection) -> dict:
    heroes = [
        _image(f"Event banner {number + 1}", f"event-banner-{number + 1}.png", lambda n=number: draw_hero(n), where)
        for number in range(HERO_COUNT)
    ]
    photos = [
        _image(f"Event photo: {caption}", f"event-photo-{number + 1}.png", lambda n=number: draw_photo(n), where)
        for number, (caption, _zh) in enumerate(content.PHOTO_CAPTIONS)
    ]
    logos = {
        key: _image(f"{name} logo", f"logo-{slugify(name)}.png", lambda name=name: draw_logo(name), where)
        for key, (name, _zh, url) in content.PARTNERS.items()
        if url  # only the fictitious organisations get a drawn logo
    }
    return {"heroes": heroes, "photos": photos, "logos": logos}


def _organisation(value) -> tuple[str, str]:
    if isinstance(value, int):  # a demo member company, by position
        spec = company_specs(70)[value]
        return spec["name_en"], spec["name_zh"]
    return value


def load_speakers(where: Collection) -> dict[str, Speaker]:
    speakers = {}
    for key, (name, name_zh, title, title_zh, organisation, bio) in content.SPEAKERS.items():
        organisation_en, organisation_zh = _organisation(organisation)
        speaker, _ = Speaker.objects.update_or_create(
            name=name,
            defaults={
                "name_zh": name_zh,
                "title": title,
                "title_zh": title_zh,
                "organisation": organisation_en,
                "organisation_zh": organisation_zh,
                "bio": bio,
            },
        )
        if speaker.photo_id is None:
            speaker.photo = _image(
                f"Portrait: {name}", f"speaker-{key}.png", lambda name=name: draw_portrait(name), where
            )
            speaker.save(update_fields=["photo"])
        speakers[key] = speaker
    return speakers


def load_decks(where: Collection) -> dict[str, object]:
    """One slide deck per theme, as a real multi-page PDF in the documents library."""
    document_model = get_document_model()
    decks = {}
    for key, theme in content.THEMES.items():
        (title, _zh), slides = theme["deck"]
        document = document_model.objects.filter(title=title).first()
        if document is None:
            cover = (title, [content.ASSOCIATION[0], "Slides shared with participants"])
            document = document_model(title=title, collection=where)
            document.file.save(f"slides-{key}.pdf", ContentFile(slides_pdf(title, [cover, *slides])), save=False)
            document._set_document_file_metadata()  # size and hash, as Wagtail's upload form records them
            document.save()
        decks[key] = document
    return decks


# --- The events index ------------------------------------------------------------------


def _publish(page, user) -> None:
    page.save_revision(user=user, log_action=True).publish(user=user)


def load_event_index(user) -> dict[str, EventIndexPage]:
    """The "Events" page under the English home, and its Chinese translation under /zh-hans/."""
    english = Locale.objects.get(language_code="en")
    chinese = Locale.objects.get(language_code="zh-hans")
    home = HomePage.objects.get(locale=english)
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=EventIndexPage(title=INDEX["en"][0], slug="events"))
    translation = index.get_translation_or_none(chinese) or index.copy_for_translation(chinese)
    pages = {"en": index.pk, "zh-hans": translation.pk}
    for language, pk in pages.items():
        page = EventIndexPage.objects.get(pk=pk)  # fresh: tree counts change as events are added
        page.title, page.introduction = INDEX[language]
        page.slug = "events"
        _publish(page, user)
    return {language: EventIndexPage.objects.get(pk=pk) for language, pk in pages.items()}


# --- One event ---------------------------------------------------------------------------


def _event_day(today: datetime.date, days: int, kind: str) -> datetime.date:
    """Open days fall on Saturdays, everything else on weekdays (two-day forums end by Friday)."""
    day = today + datetime.timedelta(days=days)
    step = datetime.timedelta(days=1 if days > 0 else -1)
    if kind == "open-day":
        while day.weekday() != 5:
            day += step
    else:
        last = 3 if kind == "forum" else 4
        while day.weekday() > last:
            day += step
    return day


def schedule(spec: dict, today: datetime.date) -> dict:
    """Start, end and registration window, as instants, for a spec relative to `today`."""
    kind = spec["kind"]
    zone_name = spec.get("zone", "Asia/Shanghai")
    zone = zoneinfo.ZoneInfo(zone_name)
    day = _event_day(today, spec["days"], kind)
    hours = {
        "open-day": ((9, 30), (12, 30)),
        "university": ((9, 0), (16, 30)),
        "seminar": ((13, 30), (17, 30)),
        "forum": ((9, 0), (12, 30)),
        "webinar": {"Europe/Berlin": ((10, 0), (11, 30)), "Europe/London": ((9, 0), (10, 30))}.get(
            zone_name, ((15, 0), (16, 30))
        ),
    }[kind]
    last_day = day + datetime.timedelta(days=1 if kind == "forum" else 0)
    start = datetime.datetime.combine(day, datetime.time(*hours[0]), tzinfo=zone)
    end = datetime.datetime.combine(last_day, datetime.time(*hours[1]), tzinfo=zone)
    registration = spec.get("registration", True)
    opens_before = spec.get("opens", 60 if kind == "forum" else 30 if kind == "webinar" else 45)
    opens = datetime.datetime.combine(day - datetime.timedelta(days=opens_before), datetime.time(10), tzinfo=zone)
    # In-person places close the evening before (catering, gate lists); streams take people until the start.
    closes = None
    if spec.get("mode", "online" if kind == "webinar" else "in-person") != "online":
        closes = datetime.datetime.combine(day - datetime.timedelta(days=1), datetime.time(18), tzinfo=zone)
    return {
        "days": [day, last_day] if kind == "forum" else [day],
        "start": start,
        "end": end,
        "time_zone": zone_name,
        "registration_required": registration,
        "registration_opens": opens if registration else None,
        "registration_closes": closes if registration else None,
    }


def _day_heading(day: datetime.date, number: int | None) -> tuple[str, str]:
    english = f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS_EN[day.month - 1]}"
    chinese = f"{day.month}月{day.day}日（星期{WEEKDAYS_ZH[day.weekday()]}）"
    if number is None:
        return english, chinese
    return f"Day {number}: {english}", f"第{DAY_NUMBERS_ZH[number - 1]}天：{chinese}"


def _talks(spec: dict, theme: dict, position: int) -> list[tuple[str, str, str]]:
    by_speaker = {talk[2]: talk for talk in theme["talks"]}
    if "talks" in spec:
        return [by_speaker[talk] if isinstance(talk, str) else talk for talk in spec["talks"]]
    return [theme["talks"][(position + step) % len(theme["talks"])] for step in range(3)]


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def agenda_plan(spec: dict, position: int, days: list[datetime.date], host_speaker: str | None) -> list[tuple]:
    """The programme as entries: ("day", en, zh) or ("item", starts, ends, (en, zh), speaker keys, note, role)."""
    kind, theme = spec["kind"], content.THEMES[spec["theme"]]
    talks = _talks(spec, theme, position)
    moderator = MODERATOR.get(kind, "lu-yifan")
    (panel_en, panel_zh), panellists = theme["panel"]
    named = content.AGENDA

    def item(starts, ends, title, speakers=(), note=None, role="speaker"):
        return ("item", starts, ends, title, list(speakers), note, role)

    def talk(starts, ends, number, role="speaker"):
        title_en, title_zh, speaker = talks[number]
        return item(starts, ends, (title_en, title_zh), [speaker], role=role)

    def joined(key, detail):
        (en, zh), (detail_en, detail_zh) = named[key], detail
        return f"{en}: {_lower_first(detail_en)}", f"{zh}：{detail_zh}"

    plan = [("day", *_day_heading(days[0], 1 if kind == "forum" else None))]
    if kind == "open-day":
        plan += [
            item("09:30", "09:50", named["safety"], [host_speaker] if host_speaker else [], role="host"),
            item("09:50", "10:50", joined("tour", theme["tour"]), note=content.AGENDA_NOTES["tour"]),
            talk("10:50", "11:30", 0),
            item("11:30", "12:30", named["tea"], [moderator], role="moderator"),
        ]
    elif kind == "university":
        plan += [
            item("09:00", "09:20", named["opening"], [moderator], role="moderator"),
            talk("09:20", "10:10", 0, role="keynote"),
            talk("10:10", "11:00", 1),
            item("11:00", "12:00", joined("lab", theme["lab"])),
            item("12:00", "13:30", named["lunch"]),
            item("13:30", "15:30", named["pitches"], [talks[0][2], talks[1][2]], content.AGENDA_NOTES["pitches"]),
            talk("15:30", "16:10", 2),
            item("16:10", "16:30", named["next-steps"], [moderator], role="moderator"),
        ]
    elif kind == "seminar":
        plan += [
            item("13:30", "13:45", named["welcome"], [moderator], role="moderator"),
            talk("13:45", "14:30", 0),
            talk("14:30", "15:15", 1),
            item("15:15", "15:35", named["break"]),
            talk("15:35", "16:20", 2),
            item(
                "16:20",
                "17:15",
                (f"{named['panel'][0]}: {panel_en}", f"{named['panel'][1]}：{panel_zh}"),
                [*panellists, moderator],
                role="panellist",
            ),
            item("17:15", "17:30", named["closing"], [moderator], role="moderator"),
        ]
    elif kind == "forum":
        speaking = {talk[2] for talk in talks} | set(panellists)
        rng = random.Random(f"cases-{spec['slug']}")
        cases = rng.sample([key for key in COMPANY_SPEAKERS if key not in speaking], 3)
        plan += [
            item("09:00", "09:30", named["opening-address"], [moderator, "huang-zhenyu"]),
            talk("09:30", "10:15", 0, role="keynote"),
            talk("10:15", "11:00", 1),
            item("11:00", "11:20", named["break"]),
            item(
                "11:20",
                "12:30",
                (f"{named['panel'][0]}: {panel_en}", f"{named['panel'][1]}：{panel_zh}"),
                [*panellists, moderator],
                role="panellist",
            ),
            item("12:30", "13:30", named["lunch"]),
            talk("13:30", "14:15", 2),
            item("14:15", "15:30", named["cases"], cases, content.AGENDA_NOTES["cases"]),
            item("15:30", "17:30", named["networking"]),
            ("day", *_day_heading(days[1], 2)),
            item("09:00", "11:00", named["working-groups"]),
            item("11:00", "12:30", named["reports"], [moderator], role="moderator"),
        ]
    else:  # webinar: welcome, the talks in an hour, then questions
        starts = {"Europe/Berlin": 10, "Europe/London": 9}.get(spec.get("zone"), 15)
        clock = datetime.datetime.combine(days[0], datetime.time(starts))
        slot = datetime.timedelta(minutes=60 // len(talks))

        def at(moment):
            return moment.strftime("%H:%M")

        plan.append(
            item(at(clock), at(clock + datetime.timedelta(minutes=5)), named["welcome"], [moderator], role="moderator")
        )
        clock += datetime.timedelta(minutes=5)
        for number in range(len(talks)):
            plan.append(talk(at(clock), at(clock + slot), number))
            clock += slot
        plan.append(item(at(clock), at(clock + datetime.timedelta(minutes=25)), named["qa"], [moderator],
                         content.AGENDA_NOTES["qa"], role="moderator"))  # fmt: skip
    return plan


def agenda_blocks(plan: list[tuple], speakers: dict[str, Speaker], language: str) -> list[dict]:
    """The plan as raw StreamField data in one language."""
    side = 0 if language == "en" else 1
    blocks = []
    for entry in plan:
        if entry[0] == "day":
            blocks.append({"type": "day", "value": entry[1 + side]})
            continue
        _, starts, ends, title, keys, note, _role = entry
        blocks.append(
            {
                "type": "item",
                "value": {
                    "starts": f"{starts}:00",
                    "ends": f"{ends}:00",
                    "title": title[side],
                    "description": note[side] if note else "",
                    "speakers": [speakers[key].pk for key in keys],
                },
            }
        )
    return blocks


ROLE_ORDER = {"keynote": 0, "host": 1, "speaker": 2, "panellist": 3, "moderator": 4}


def speaker_roles(plan: list[tuple]) -> list[tuple[str, str]]:
    """Each speaker once, with the role they first appear in: keynotes first, moderators last."""
    roles = {}
    for entry in plan:
        if entry[0] != "item":
            continue
        keys, role = entry[4], entry[6]
        for number, key in enumerate(keys):
            # The last name on a panel chairs it.
            last_on_panel = role == "panellist" and number == len(keys) - 1
            roles.setdefault(key, "moderator" if last_on_panel else role)
    return sorted(roles.items(), key=lambda pair: ROLE_ORDER[pair[1]])


def place(spec: dict) -> dict:
    """Venue, address and city in both languages, and the online link."""
    kind, city = spec["kind"], spec["city"]
    mode = spec.get("mode", "online" if kind == "webinar" else "in-person")
    online = STREAM_URL.format(slug=spec["slug"]) if mode != "in-person" else ""
    if mode == "online":
        return {"online_url": online, "en": ("", "", ""), "zh-hans": ("", "", "")}
    if "host" in spec:
        company = company_specs(70)[spec["host"]]
        stem, stem_zh = company["name_en"].split()[0], _brand_zh(company)
        venue = (f"{stem} {city} {PLANT_WORDS[company['sector']]}",
                 f"{stem_zh}{content.CITY_ZH[city]}{content.PLANT_WORDS_ZH[company['sector']]}")  # fmt: skip
        address = content.PLANT_DIRECTIONS
    elif "campus" in spec:
        city, venue_en, venue_zh, address_en, address_zh = content.CAMPUSES[spec["campus"]]
        venue, address = (venue_en, venue_zh), (address_en, address_zh)
    else:
        venue_en, venue_zh, address_en, address_zh = content.VENUES[city]
        venue, address = (venue_en, venue_zh), (address_en, address_zh)
    return {
        "online_url": online,
        "en": (venue[0], address[0], city),
        "zh-hans": (venue[1], address[1], content.CITY_ZH[city]),
    }


def _brand_zh(company: dict) -> str:
    """The Chinese brand without the sector word ("奥德摩汽车" -> "奥德摩")."""
    return company["name_zh"].removesuffix(SECTOR_WORDS[company["sector"]][1])


def _host_speaker(spec: dict) -> str | None:
    for key, values in content.SPEAKERS.items():
        if "host" in spec and values[4] == spec["host"]:
            return key
    return None


def description(spec: dict, language: str) -> str:
    side = 0 if language == "en" else 1
    theme = content.THEMES[spec["theme"]]
    html = theme["about"][side] + content.KIND_TEXT[spec["kind"]][side]
    if spec.get("mode") == "hybrid" and spec["kind"] != "forum":
        html += (
            "<p>The talks are also streamed live at the online link.</p>",
            "<p>演讲同步在线直播，链接见本页。</p>",
        )[side]
    return html


def summary(spec: dict, page: EventPage, has_photos: bool, language: str) -> str:
    """What happened, for events that have taken place."""
    side = 0 if language == "en" else 1
    theme = content.THEMES[spec["theme"]]
    if page.registration_required:
        confirmed = page.registrations.filter(status=Registration.Status.CONFIRMED)
        organisations = len(set(confirmed.values_list("organisation", flat=True)))
        mode = spec.get("mode", "online" if spec["kind"] == "webinar" else "in-person")
        where = {"online": (" online", "在线"), "hybrid": (" in the room and online", "现场或在线")}.get(mode, ("", ""))
        html = content.SUMMARY["attendance"][side].format(
            attendees=confirmed.count(), organisations=organisations, where=where[side]
        )
    else:
        viewers = random.Random(f"viewers-{spec['slug']}").randint(280, 620)
        html = (f"<p>About {viewers} people watched live.</p>", f"<p>约{viewers}人观看了直播。</p>")[side]
    html += content.SUMMARY["heard"][side]
    html += "<ul>" + "".join(f"<li>{pair[side]}</li>" for pair in theme["takeaways"]) + "</ul>"
    photos = ("; photos from the day are in the gallery", "；活动照片见相册") if has_photos else ("", "")
    return html + content.SUMMARY["after"][side].format(photos=photos[side])


# --- Registrations ---------------------------------------------------------------------------


def audience(spec: dict, count: int, rng: random.Random) -> list[dict]:
    """`count` fictitious people who might register for this event, each with a distinct email."""
    companies = company_specs(70)
    english_event = spec.get("language") == "en"
    online = spec["kind"] == "webinar"
    people, used = [], set()
    for _ in range(count):
        group = rng.choices(["company", "university", "other", "public"], weights=content.AUDIENCE[spec["kind"]])[0]
        if rng.random() < (0.5 if english_event else 0.18):
            first, last = rng.choice(content.WESTERN_FIRST), rng.choice(content.WESTERN_LAST)
            chinese, name, local = False, f"{first} {last}", f"{first}.{last}"
        else:
            (family_zh, family), (given_zh, given) = (
                rng.choice(content.CHINESE_FAMILY),
                rng.choice(content.CHINESE_GIVEN),
            )
            chinese = rng.random() < (0.3 if english_event else 0.85)
            name, local = (f"{family_zh}{given_zh}" if chinese else f"{given} {family}"), f"{given}.{family}"
        side = 1 if chinese else 0
        if group == "company":
            company = rng.choice(companies)
            organisation = (company["name_en"], company["name_zh"])[side]
            domain, role = f"{company['slug'].split('-')[0]}.example.com", rng.choice(content.COMPANY_ROLES)
        elif group == "university":
            name_en, name_zh, key = rng.choice(content.UNIVERSITIES)
            organisation, domain = (name_en, name_zh)[side], f"{key}.example.org"
            role = rng.choice(content.UNIVERSITY_ROLES)
        elif group == "other":
            name_en, name_zh, domain, role_en, role_zh = rng.choice(content.OTHER_ORGANISATIONS)
            organisation, role = (name_en, name_zh)[side], (role_en, role_zh)
        else:
            organisation, domain = content.INDIVIDUAL[side], rng.choice(["example.com", "example.org"])
            role, local = rng.choice(content.PUBLIC_ROLES), f"{local}{rng.randint(1, 99)}"
        email = f"{local}@{domain}".lower()
        while email in used:
            email = f"{local}{rng.randint(2, 99)}@{domain}".lower()
        used.add(email)
        needs = ""
        if rng.random() < 0.07:
            needs = (content.NEEDS[-1] if online else rng.choice(content.NEEDS))[side]
        people.append(
            {
                "name": name,
                "email": email,
                "organisation": organisation,
                "role": role[side],
                "needs": needs,
                "language": "zh-hans" if chinese else "en",
            }
        )
    return people


def registration_plan(spec: dict, page: EventPage, now: datetime.datetime) -> list[dict]:
    """Registrations as the rules in initiatives.events.registration would have produced them.

    People arrive one by one over the registration window and take a confirmed
    seat while there is one, else a waitlist place; a cancellation before the
    start gives its seat to the first person waiting. Each registration carries
    the emails that would have gone out, with when.
    """
    if not page.registration_required:
        return []
    rng = random.Random(f"registrations-{spec['slug']}")
    opens, closes = page.registration_opens, page.registration_closes or page.start
    window_end = min(closes, now)
    called_off = None
    if page.cancelled:
        called_off = min(page.start - datetime.timedelta(days=5), now - datetime.timedelta(days=1))
        window_end = min(window_end, called_off)
    if window_end <= opens:
        return []  # registration has not opened yet
    capacity, past = page.capacity, page.end <= now
    if spec.get("full"):
        cancellations = rng.randint(1, 3)
        arrivals = capacity + (rng.randint(2, 6) if past else rng.randint(3, 10)) + cancellations
    elif capacity is None:
        arrivals = rng.randint(90, 260)
        cancellations = arrivals // 30
    elif page.cancelled:
        arrivals, cancellations = round(capacity * rng.uniform(0.3, 0.6)), rng.randint(0, 2)
    elif past:
        arrivals = round(capacity * rng.uniform(0.62, 0.97))
        cancellations = round(arrivals * rng.uniform(0.03, 0.08))
    else:  # still open: filling up as the window goes on
        share = (window_end - opens) / (closes - opens)
        arrivals, cancellations = max(3, round(capacity * rng.uniform(0.55, 0.9) * max(share, 0.2))), rng.randint(0, 2)

    span = window_end - opens
    moments = [(opens + span * (rng.random() ** 1.4), 0) for _ in range(arrivals)]
    moments += [(opens + span * rng.uniform(0.5, 1.0), 1) for _ in range(cancellations)]
    people = iter(audience(spec, arrivals, rng))
    minute = datetime.timedelta(minutes=1)
    Kind, Status = RegistrationEmail.Kind, Registration.Status
    registrations = []

    def confirmed() -> int:
        return sum(entry["status"] == Status.CONFIRMED for entry in registrations)

    for moment, is_cancellation in sorted(moments, key=lambda pair: pair[0]):
        if not is_cancellation:
            has_seat = capacity is None or confirmed() < capacity
            registrations.append(
                next(people)
                | {
                    "status": Status.CONFIRMED if has_seat else Status.WAITLISTED,
                    "created_at": moment,
                    "promoted_at": None,
                    "cancelled_at": None,
                    "emails": [(Kind.CONFIRMATION if has_seat else Kind.WAITLIST, moment + minute)],
                }
            )
            continue
        active = [entry for entry in registrations if entry["status"] != Status.CANCELLED]
        if not active:
            continue
        leaving = rng.choice(active)
        leaving |= {"status": Status.CANCELLED, "cancelled_at": moment}
        leaving["emails"].append((Kind.CANCELLATION, moment + minute))
        if capacity is not None and not page.cancelled and moment < page.start:
            waiting = [entry for entry in registrations if entry["status"] == Status.WAITLISTED]
            for entry in waiting[: max(capacity - confirmed(), 0)]:
                entry |= {"status": Status.CONFIRMED, "promoted_at": moment}
                entry["emails"].append((Kind.PROMOTION, moment + minute))

    for entry in registrations:
        entry["checked_in_at"] = None
        if called_off and entry["status"] != Status.CANCELLED:
            entry["emails"].append((Kind.EVENT_CANCELLED, called_off + 60 * minute))
            continue
        if page.cancelled or entry["status"] != Status.CONFIRMED:
            continue
        for hours in page.reminder_hours:  # the reminders staff chose, each as the beat task sends it
            reminder = page.start - datetime.timedelta(hours=hours)
            if (entry["promoted_at"] or entry["created_at"]) < reminder <= now:
                entry["emails"].append((Kind.REMINDER, reminder + rng.randint(1, 9) * minute, hours))
        if past and rng.random() < 0.85:  # most people with a seat came, and were checked in at the door
            entry["checked_in_at"] = page.start + rng.randint(-30, 20) * minute
    return registrations


def create_registrations(page: EventPage, plan: list[dict]) -> int:
    """Store the planned registrations and their emails as already sent, in bulk.

    The demo writes these rows itself rather than calling
    initiatives.events.registration.register(): register() queues an email for every
    registration, which would send (or in the console backend, print) a few
    thousand messages, and it refuses past events and back-dated registrations.
    registration_plan() applies the same seat and waitlist rules, and recording
    each email in RegistrationEmail marks it as sent, so neither the email tasks
    nor the reminder task will ever send anything for demo registrations.
    """
    rows = [
        Registration(
            event=page,
            name=entry["name"],
            email=entry["email"],
            email_key=entry["email"].lower(),  # bulk_create skips Registration.save(), which sets it
            organisation=entry["organisation"],
            role=entry["role"],
            needs=entry["needs"],
            language=entry["language"],
            status=entry["status"],
            consented_at=entry["created_at"],
            promoted_at=entry["promoted_at"],
            cancelled_at=entry["cancelled_at"],
            checked_in_at=entry["checked_in_at"],
        )
        for entry in plan
    ]
    Registration.objects.bulk_create(rows)
    # auto_now_add stamped every row "now"; put back when each person registered.
    backdate(Registration, "created_at", [(row.pk, entry["created_at"]) for row, entry in zip(rows, plan, strict=True)])
    emails, sent = [], []
    for row, entry in zip(rows, plan, strict=True):
        for kind, moment, *hours in entry["emails"]:  # reminders say how many hours before the event
            emails.append(RegistrationEmail(registration=row, kind=kind, hours_before=hours[0] if hours else 0))
            sent.append(moment)
    RegistrationEmail.objects.bulk_create(emails)
    backdate(RegistrationEmail, "sent_at", [(email.pk, moment) for email, moment in zip(emails, sent, strict=True)])
    return len(rows)


def backdate(model, field_name: str, values: list[tuple[int, datetime.datetime]]) -> None:
    """Set an auto_now_add timestamp row by row in one executemany (bulk_update's CASE is slow on SQLite)."""
    field = model._meta.get_field(field_name)
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {quote(field.column)} = %s WHERE {quote(model._meta.pk.column)} = %s"  # noqa: S608 -- names from the model, values as parameters
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(field.get_db_prep_value(moment, connection), pk) for pk, moment in values])


def move_registrations(page: EventPage, delta: datetime.timedelta, now: datetime.datetime) -> None:
    """Keep registrations where they were relative to an event that moved, none in the future."""
    registrations = Registration.objects.filter(event=page)
    registrations.update(
        created_at=F("created_at") + delta,
        consented_at=F("consented_at") + delta,
        promoted_at=F("promoted_at") + delta,
        cancelled_at=F("cancelled_at") + delta,
        checked_in_at=F("checked_in_at") + delta,
    )
    RegistrationEmail.objects.filter(registration__event=page).update(sent_at=F("sent_at") + delta)
    for field in ("created_at", "consented_at", "promoted_at", "cancelled_at", "checked_in_at"):
        registrations.filter(**{f"{field}__gt": now}).update(**{field: now})
    RegistrationEmail.objects.filter(registration__event=page, sent_at__gt=now).update(sent_at=now)


# --- Loading ---------------------------------------------------------------------------------


def _fill(page: EventPage, spec: dict, language: str, shared: dict, plan: list, assets: dict) -> None:
    """Set the page's content in `language` and the values both languages share."""
    side = 0 if language == "en" else 1
    theme = content.THEMES[spec["theme"]]
    where = place(spec)
    for name, value in shared.items():
        setattr(page, name, value)
    page.title = spec["title"][side].format(year=page.local_start.year)
    page.introduction = spec["intro"][side]
    page.description = description(spec, language)
    # The city is each language's own (the listing offers the cities of the reader's language).
    page.venue_name, page.venue_address, page.city = where[language]
    page.agenda = agenda_blocks(plan, assets["speakers"], language)
    page.topics = [assets["topics"][slug] for slug in theme["topics"]]
    page.speaker_links = [
        EventSpeaker(speaker=assets["speakers"][key], role=content.ROLES[role][side], sort_order=order)
        for order, (key, role) in enumerate(speaker_roles(plan))
    ]
    partner_keys = ([spec["campus"]] if "campus" in spec else []) + spec.get("partners", [])
    page.partners = [
        EventPartner(
            name=content.PARTNERS[key][side],
            url=content.PARTNERS[key][2],
            logo=assets["logos"].get(key),
            sort_order=order,
        )
        for order, key in enumerate(partner_keys)
    ]


def _after_the_event(page: EventPage, spec: dict, position: int, language: str, assets: dict, now) -> None:
    """Summary, slides and photos for events that took place; nothing for the others."""
    side = 0 if language == "en" else 1
    took_place = page.end <= now and not page.cancelled
    materials, photos = [], []
    if took_place:
        decks = [spec["theme"]] + (["peaking"] if spec["kind"] == "forum" and spec["theme"] != "peaking" else [])
        for order, key in enumerate(decks):
            deck_title = content.THEMES[key]["deck"][0][side]
            label = (f"Slides: {deck_title}", f"演示文稿：{deck_title}")[side]
            materials.append(EventMaterial(document=assets["decks"][key], title=label, sort_order=order))
        if spec["kind"] in content.PHOTOS_BY_KIND and spec.get("mode") != "online":
            count = 3 + position % 2
            for order, number in enumerate(content.PHOTOS_BY_KIND[spec["kind"]][:count]):
                caption = content.PHOTO_CAPTIONS[number][side]
                photos.append(EventPhoto(image=assets["photos"][number], caption=caption, sort_order=order))
    page.materials, page.photos = materials, photos
    page.summary = summary(spec, page.source, bool(photos), language) if took_place else ""


def load_event(spec: dict, position: int, index: dict, assets: dict, user, now, today) -> dict:
    """One event in English (registrations included) and its Chinese translation, published."""
    chinese = index["zh-hans"].locale
    times = schedule(spec, today)
    where = place(spec)
    theme = content.THEMES[spec["theme"]]
    # EventPage.shared_fields and what else both languages show alike.
    shared = {
        "kind": spec["kind"],
        "start": times["start"],
        "end": times["end"],
        "time_zone": times["time_zone"],
        "cancelled": spec.get("cancelled", False),
        "online_url": where["online_url"],
        "registration_required": times["registration_required"],
        "capacity": spec["capacity"] if times["registration_required"] else None,
        "registration_opens": times["registration_opens"],
        "registration_closes": times["registration_closes"],
        "language": spec.get("language")
        or (EventLanguage.BILINGUAL if spec["kind"] == "forum" else EventLanguage.CHINESE),
        "hero_image": assets["heroes"][theme["heroes"][position % 2]],
    }
    plan = agenda_plan(spec, position, times["days"], _host_speaker(spec))

    page = assets["existing"].get(spec["slug"])
    created = page is None
    if created:
        page = EventPage(slug=spec["slug"])
        _fill(page, spec, "en", shared, plan, assets)
        index["en"].add_child(instance=page)
    else:
        moved = times["start"] - page.start
        _fill(page, spec, "en", shared, plan, assets)
        if moved:
            move_registrations(page, moved, now)
    registrations = 0
    if not page.registrations.exists():
        registrations = create_registrations(page, registration_plan(spec, page, now))
    _after_the_event(page, spec, position, "en", assets, now)
    _publish(page, user)

    translation = page.get_translation_or_none(chinese) or page.copy_for_translation(chinese)
    translation = EventPage.objects.get(pk=translation.pk)
    _fill(translation, spec, "zh-hans", shared, plan, assets)
    _after_the_event(translation, spec, position, "zh-hans", assets, now)
    _publish(translation, user)
    return {"created": created, "registrations": registrations, "pages": [page, translation]}


@transaction.atomic
def load_events(stdout=None, now: datetime.datetime | None = None) -> dict:
    """Topics, speakers and the events in both languages. Returns counts of what was made."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    user = get_user_model().objects.filter(username="admin").first()
    images, documents = collection("Event images"), collection("Event materials")
    assets = {
        "topics": load_topics(),
        "speakers": load_speakers(images),
        "decks": load_decks(documents),
        **load_pictures(images),
    }
    index = load_event_index(user)
    assets["existing"] = {page.slug: page for page in EventPage.objects.child_of(index["en"])}
    created = registrations = 0
    for position, spec in enumerate(progress(content.EVENTS, "Events", stream=stdout)):
        # Wagtail re-indexes a page's references after every save of the page and of each of
        # its inline rows (speakers, partners, slides, photos): two hundred times per event.
        # Index each page once, when it is done, instead.
        with disable_reference_index_auto_update():
            result = load_event(spec, position, index, assets, user, now, today)
        for page in result["pages"]:
            ReferenceIndex.create_or_update_for_object(page)
        created += result["created"]
        registrations += result["registrations"]
    return {
        "events": len(content.EVENTS),
        "created": created,
        "registrations": registrations,
        "speakers": len(assets["speakers"]),
        "topics": len(assets["topics"]),
    }

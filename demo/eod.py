"""Demo EOD programmes: the catalogue page and 60 programmes in English and Chinese, with pictures and documents.

`programme_specs()` generates every programme from the tables in
`demo.eod_content` with a seeded generator, so the numbers are the
same on every run and obey the model's rules (component costs within the
total, secured within sought within total; programmes past financing close
have all they sought). Loading is idempotent: programmes are found by code,
pictures and documents by title, and updated in place.
"""

import datetime
import math
import random
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo import eod_content as content
from demo.events import collection
from demo.library import text_pdf
from demo.pictures import _gradient
from initiatives.eod.models.programmes import RESTRICTED_DOCUMENTS_COLLECTION, TIMELINE_FIELDS
from initiatives.models import (
    EodCatalogPage,
    EodEnvironmentalComponent,
    EodIndustrialComponent,
    EodProgrammeDocument,
    EodProgrammeImage,
    EodProgrammePage,
    GreenCategory,
    ProgrammeStage,
)
from initiatives.templatetags.eod_tags import cny
from members.models import Province
from portal.images import save_image
from portal.models import HomePage
from portal.progress import progress

LANGUAGES = ("en", "zh-hans")
SEED = "eod-demo"
CENT = Decimal("0.01")
PICTURE_SIZE = (1440, 810)
# Stages whose financing is closed: everything sought is secured.
CLOSED_STAGES = {ProgrammeStage.FINANCING_CLOSED, ProgrammeStage.UNDER_CONSTRUCTION, ProgrammeStage.OPERATING}
# Share of the financing sought that is secured, by stage (the closed stages have all of it).
SECURED_SHARES = {ProgrammeStage.CONCEPT: (0, 0.05), ProgrammeStage.APPROVED: (0.05, 0.25),
                  ProgrammeStage.SEEKING_FINANCING: (0.15, 0.6)}  # fmt: skip
OUTCOME_STEPS = {"hectares": 10, "wastewater-t-day": 1000, "soil-tonnes": 10000, "trees": 10000}


def _money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_DOWN)


def _split(amount: Decimal, count: int, rng: random.Random) -> list[Decimal]:
    """`amount` in `count` uneven parts, rounded down so they never add up to more."""
    weights = [rng.uniform(0.6, 1.6) for _ in range(count)]
    return [_money(float(amount) * weight / sum(weights)) for weight in weights]


def _outcome(unit: str, low: int, high: int, rng: random.Random) -> Decimal:
    if unit == "water-class":
        return Decimal(rng.randint(low, high))
    step = OUTCOME_STEPS.get(unit, 1)
    return Decimal(max(step, round(rng.uniform(low, high) / step) * step))


# Each province's programmes are led by the same kind of body (a seeded pick, stable across runs).
AGENCY = {province: random.Random(f"{SEED}-agency-{province}").choice(content.AGENCIES) for province in Province.values}


def _title_case(words: str) -> str:
    return " ".join(word if word in ("of", "and") else word[0].upper() + word[1:] for word in words.split())


def _texts(place: tuple, kind: dict) -> dict:
    """City, agency, entity, feature (with and without its article) and title in both languages."""
    province, stem, name_zh, level, _lat, _lon, (the_feature, feature_zh), _types = place
    agency_en, agency_zh = AGENCY[province]
    pattern_en, pattern_zh, city_en = content.LEVELS[level]
    stem_zh = name_zh.removesuffix("市").removesuffix("区").removesuffix("白族自治州")
    feature = the_feature.removeprefix("the ")
    return {
        "en": {
            "city": city_en.format(stem=stem),
            "lead_agency": pattern_en.format(stem=stem, body=agency_en),
            "implementing_entity": f"{stem} {kind['entity'][0]}",
            "feature": feature,
            "the_feature": the_feature,
            "title": kind["title"][0].format(feature=_title_case(feature)),
        },
        "zh-hans": {
            "city": name_zh,
            "lead_agency": pattern_zh.format(name=name_zh, body=agency_zh),
            "implementing_entity": f"{stem_zh}{kind['entity'][1]}",
            "feature": feature_zh,
            "the_feature": feature_zh,
            "title": kind["title"][1].format(feature=feature_zh),
        },
    }


def _stages(rng: random.Random) -> list[str]:
    stages = [stage for stage, count in content.STAGE_COUNTS.items() for _ in range(count)]
    rng.shuffle(stages)
    return stages


def programme_specs() -> list[dict]:
    """Every demo programme as plain data: what `load_eod_programmes` saves and what tests check."""
    rng = random.Random(SEED)
    places = content.PLACES[: sum(content.STAGE_COUNTS.values())]
    specs, sequence = [], {}
    for position, (place, stage) in enumerate(zip(places, _stages(rng), strict=True)):
        province, stem, _name_zh, _level, latitude, longitude, _feature, types = place
        type_key = types.split()[0] if position % 2 == 0 else rng.choice(types.split())
        kind = content.TYPES[type_key]
        year = rng.randint(*content.STAGE_YEARS[stage])
        sequence[province, year] = sequence.get((province, year), 0) + 1
        code = f"EOD-{province}-{year}-{sequence[province, year]:02d}"

        total = Decimal(round(rng.uniform(*kind["total"]), -1)).quantize(CENT)
        environmental_share = rng.uniform(0.45, 0.65)
        industrial_share = rng.uniform(0.85, 0.97) - environmental_share
        environmental = kind["environmental"][: rng.randint(2, len(kind["environmental"]))]
        industrial = kind["industrial"][: rng.randint(1, len(kind["industrial"]))]
        environmental_costs = _split(total * Decimal(str(environmental_share)), len(environmental), rng)
        industrial_costs = _split(total * Decimal(str(industrial_share)), len(industrial), rng)

        # Sought in round tens of millions.
        sought = (total * Decimal(str(rng.uniform(0.055, 0.085)))).to_integral_value(ROUND_DOWN) * 10
        if stage in CLOSED_STAGES:
            secured = sought
        else:
            secured = (sought * Decimal(str(rng.uniform(*SECURED_SHARES[stage])))).quantize(Decimal(1), ROUND_DOWN)
        early = stage == ProgrammeStage.CONCEPT
        irr = None if early and rng.random() < 0.5 else _money(rng.uniform(4.2, 8.8))
        contact = rng.choice(content.CONTACTS)
        texts = _texts(place, kind)
        specs.append(
            {
                "code": code,
                "slug": slugify(code),
                "type": type_key,
                "types": types.split(),
                "position": position,
                "province": province,
                "stage": stage,
                "texts": texts,
                "total_investment": total,
                "financing_sought": sought,
                "financing_secured": secured,
                "instruments": rng.choice(content.INSTRUMENT_SETS),
                "proceeds_share": Decimal(rng.choice([20, 25, 30, 35, 40, 45, 50, 60])),
                "irr": irr,
                "payback_years": None if irr is None else Decimal(str(round(rng.uniform(8, 22), 1))),
                "latitude": Decimal(str(latitude)),
                "longitude": Decimal(str(longitude)),
                "contact": {
                    "name": contact[:2],
                    "role": rng.choice(content.ROLES),
                    "email": f"{contact[2]}@{slugify(stem)}-eod.example.cn",
                    "phone": f"+86 {rng.randint(100, 999)} 5550 {rng.randint(1000, 9999)}",
                },
                "environmental": [
                    {
                        "kind": kind_value,
                        "names": (
                            name_en.format(feature=texts["en"]["feature"]),
                            name_zh.format(feature=texts["zh-hans"]["feature"]),
                        ),
                        "cost": cost,
                        "outcome_unit": unit,
                        "outcome_value": _outcome(unit, *limits, rng),
                        "note": content.OUTCOME_NOTES.get(unit, ("", "")),
                    }
                    for (kind_value, name_en, name_zh, unit, limits), cost in zip(
                        environmental, environmental_costs, strict=True
                    )
                ],
                "industrial": [
                    {
                        "sector": sector,
                        "names": (name_en, name_zh),
                        "cost": cost,
                        "annual_revenue": None if early else _money(float(cost) * rng.uniform(0.07, 0.18)),
                    }
                    for (sector, name_en, name_zh), cost in zip(industrial, industrial_costs, strict=True)
                ],
                # Every fifth programme carries documents: an overview for everyone, the dossier for financiers.
                "documents": _document_keys(position, early),
                # The place's other landscapes (the first picture is the hero already).
                "gallery": [other for other in types.split() if other != type_key],
            }
        )
    return specs


def _document_keys(position: int, early: bool) -> list[str]:
    if position % 5:
        return []
    return ["overview"] if early else ["overview", "feasibility", "financial"]


def _sectors(spec: dict) -> list[str]:
    return list(dict.fromkeys(item["sector"] for item in spec["industrial"]))


def _amount(value: Decimal, language: str) -> str:
    with translation.override(language):
        return cny(value)


def _words(spec: dict, language: str) -> dict:
    """What the text templates fill in: place names, the headline outcome, the share."""
    texts = spec["texts"][language]
    return {
        "feature": texts["feature"],
        "the_feature": texts["the_feature"],
        "The_feature": texts["the_feature"][0].upper() + texts["the_feature"][1:],
        "city": texts["city"],
        "value": _outcome_words(spec["environmental"][0], language),
        "share": f"{spec['proceeds_share']:.0f}",
    }


def _outcome_words(item: dict, language: str) -> str:
    value = item["outcome_value"]
    if item["outcome_unit"] == "water-class":
        return ("I", "II", "III", "IV", "V")[int(value) - 1] if language == "en" else "ⅠⅡⅢⅣⅤ"[int(value) - 1]
    if language != "en" and value >= 10000:
        return f"{value / 10000:g}万"  # Chinese counts in ten-thousands
    return f"{value:,.0f}"


def _paragraphs(spec: dict, language: str) -> list[str]:
    side = LANGUAGES.index(language)
    kind, words = content.TYPES[spec["type"]], _words(spec, language)
    total, sought = _amount(spec["total_investment"], language), _amount(spec["financing_sought"], language)
    return [
        kind["problem"][side].format(**words),
        content.MODEL[side].format(entity=spec["texts"][language]["implementing_entity"], share=words["share"]),
        content.FINANCING[side].format(total=total, sought=sought),
    ]


def _description(spec: dict, language: str) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in _paragraphs(spec, language))


def _summary(spec: dict, language: str) -> str:
    side = LANGUAGES.index(language)
    words = _words(spec, language)
    return content.TYPES[spec["type"]]["summary"][side].format(**words) + content.SUMMARY_TAIL[side].format(**words)


# --- Pictures ----------------------------------------------------------------------------

LANDSCAPE_COLOURS = {
    # sky top, sky bottom, far hills, near land, water
    "river": ("#dbeefa", "#f4f1e4", "#8fb99a", "#4f8a5b", "#5b9cc4"),
    "mine": ("#e9eef4", "#f2e6d2", "#b59a7a", "#8a6f52", "#1f3f77"),
    "wetland": ("#f6ead8", "#f3d9b0", "#9fb77c", "#6e8f4e", "#7fa8b8"),
    "soil": ("#e6eef6", "#f1efe9", "#a7b7a0", "#6f8f6a", "#6f9bb5"),
    "lake": ("#d9ecf7", "#eef6f5", "#6f9c86", "#3f6f55", "#4f93b3"),
    "coast": ("#d6eef8", "#f2f5f0", "#7fb3a0", "#e9d9b0", "#3f8fb0"),
    "forest": ("#e2f0e8", "#f1f4ea", "#5f8f6a", "#2f5f3f", "#6f9fb0"),
    "rural": ("#e8f2f8", "#f6f1e0", "#8fb07a", "#6f9a52", "#7fb0c0"),
    "urban": ("#e4e9f4", "#f3efe6", "#8e9bb0", "#5f6f80", "#4f86a8"),
    "karst": ("#e3eef2", "#f0f2ea", "#6f9f7a", "#3f7f55", "#5f9fb0"),
    "desert": ("#f4e9d6", "#f8f1e2", "#d9b98a", "#c89f62", "#1f3f77"),
    "watersource": ("#dcebf6", "#eef3f1", "#5f8f70", "#3a6a4a", "#3f7fa8"),
}


def draw_landscape(kind: str) -> Image.Image:
    """A flat-colour scene for a programme type: hills, water and what the programme builds."""
    sky_top, sky_bottom, far, near, water = LANDSCAPE_COLOURS[kind]
    width, height = PICTURE_SIZE
    rng = random.Random(f"{SEED}-picture-{kind}")
    picture = _gradient(PICTURE_SIZE, sky_top, sky_bottom)
    draw = ImageDraw.Draw(picture)

    def ridge(level: float, colour: str, amplitude: float, period: float) -> None:
        phase = rng.uniform(0, math.tau)
        points = [(x, height * level + amplitude * math.sin(x / period + phase)) for x in range(0, width + 30, 30)]
        draw.polygon([(0, height), *points, (width, height)], fill=colour)

    def trees(count: int, top: float, bottom: float, colour: str) -> None:
        for _ in range(count):
            x, y = rng.uniform(0, width), rng.uniform(height * top, height * bottom)
            size = 14 + 30 * (y / height)
            draw.polygon([(x, y - size * 1.8), (x - size * 0.7, y), (x + size * 0.7, y)], fill=colour)

    def panels(rows: int, top: float, colour: str = "#1f3f77") -> None:
        for row in range(rows):
            y = height * top + row * 42
            for column in range(-1, 14):
                x = column * 115 + row * 30
                draw.polygon([(x, y), (x + 92, y), (x + 100, y + 28), (x + 8, y + 28)], fill=colour, outline="#dfe9f7")

    if kind == "karst":
        for _ in range(9):  # tower karst: rounded peaks
            x, peak = rng.uniform(-60, width), rng.uniform(0.2, 0.45) * height
            draw.ellipse((x, peak, x + rng.uniform(160, 260), height * 0.9), fill=far if rng.random() < 0.5 else near)
    else:
        ridge(0.42, far, 40, 210)
    if kind in ("river", "lake", "watersource", "karst", "urban", "wetland", "coast"):
        ridge(0.62, near, 18, 300)
        draw.rectangle((0, height * 0.7, width, height), fill=water)
        for line in range(10):  # ripples
            y = height * 0.73 + line * 24
            draw.line([(x, y + 4 * math.sin(x / 40 + line)) for x in range(0, width, 20)], fill="#ffffff", width=2)
    else:
        ridge(0.6, near, 22, 260)
    if kind == "river":
        draw.polygon(
            [(0, height * 0.7), (width, height * 0.7), (width, height * 0.76), (0, height * 0.8)], fill="#cfe3b0"
        )
        trees(40, 0.55, 0.68, "#2f6f45")
    elif kind == "mine":
        for step in range(5):  # rehabilitated benches of the old pit
            y = height * (0.55 + step * 0.07)
            draw.rectangle(
                (0, y, width, y + height * 0.07), fill=["#a58b6a", "#9fb07a", "#8fa86a", "#7f9f5a", "#6f8f4a"][step]
            )
        panels(5, 0.72)
    elif kind == "wetland":
        for _ in range(120):  # reeds
            x, y = rng.uniform(0, width), rng.uniform(height * 0.68, height)
            draw.line((x, y, x + rng.uniform(-6, 6), y - rng.uniform(20, 60)), fill="#b7a25a", width=3)
        for _ in range(12):  # birds
            x, y = rng.uniform(100, width - 100), rng.uniform(height * 0.1, height * 0.35)
            draw.line([(x - 16, y - 6), (x, y), (x + 16, y - 6)], fill="#3a3a3a", width=3)
    elif kind == "soil":
        left = 120
        for _ in range(6):  # the park: low halls with green and solar roofs
            top = height * rng.uniform(0.5, 0.62)
            draw.rectangle((left, top, left + 170, height * 0.78), fill="#e8ecef", outline="#9aa7b0")
            draw.rectangle((left, top - 14, left + 170, top), fill="#4f9a5b" if rng.random() < 0.5 else "#1f3f77")
            left += 210
        draw.rectangle((0, height * 0.78, width, height), fill="#7fae6a")
        trees(30, 0.8, 0.98, "#2f6f45")
    elif kind == "lake":
        draw.polygon(
            [(900, height * 0.8), (1000, height * 0.8), (980, height * 0.83), (920, height * 0.83)], fill="#8a4a06"
        )
        draw.line((950, height * 0.8, 950, height * 0.72), fill="#5c4f43", width=3)
    elif kind == "coast":
        draw.polygon(
            [(0, height * 0.66), (width, height * 0.6), (width, height * 0.72), (0, height * 0.78)], fill="#efe0b8"
        )
        for _ in range(40):  # mangroves
            x = rng.uniform(0, width * 0.45)
            y = height * 0.66 + rng.uniform(-10, 20)
            draw.ellipse((x - 24, y - 30, x + 24, y + 6), fill="#3f7f55")
    elif kind == "forest":
        trees(160, 0.4, 0.98, "#245a38")
    elif kind == "rural":
        for band in range(7):  # terraces
            y = height * (0.58 + band * 0.06)
            points = [(x, y + 14 * math.sin(x / 180 + band)) for x in range(0, width + 30, 30)]
            draw.line(points, fill="#d8e8a8", width=5)
        for index in range(6):
            x = 900 + index * 70
            y = height * 0.5 + (index % 2) * 20
            draw.rectangle((x, y, x + 50, y + 36), fill="#f2efe6")
            draw.polygon([(x - 6, y), (x + 25, y - 22), (x + 56, y)], fill="#5c4f43")
    elif kind == "urban":
        x = 0
        while x < width:
            building = rng.randint(60, 130)
            top = height * 0.62 - rng.randint(60, 300)
            draw.rectangle((x, top, x + building, height * 0.68), fill="#c7ced8" if rng.random() < 0.5 else "#9aa6b6")
            x += building + rng.randint(6, 18)
        draw.rectangle((0, height * 0.66, width, height * 0.7), fill="#7fae6a")
        trees(30, 0.64, 0.69, "#2f6f45")
    elif kind == "desert":
        for row in range(6):  # straw checkerboard holding the dunes
            y = height * (0.64 + row * 0.06)
            draw.line((0, y, width, y), fill="#b08a50", width=2)
        for column in range(0, width, 60):
            draw.line((column, height * 0.62, column - 80, height), fill="#b08a50", width=2)
        panels(3, 0.66)
        trees(25, 0.57, 0.62, "#4f7f45")
    elif kind == "watersource":
        draw.rectangle((0, height * 0.66, width * 0.25, height * 0.72), fill="#c9c4b8")  # the dam
        trees(90, 0.45, 0.66, "#245a38")
    return picture


def load_pictures(where: Collection) -> dict:
    images = get_image_model().objects
    pictures = {}
    for kind, (caption, _zh) in content.PICTURE_CAPTIONS.items():
        title = f"EOD programme: {caption}"
        pictures[kind] = images.filter(title=title).first() or save_image(
            draw_landscape(kind), title, f"eod-{kind}.png", where
        )
    return pictures


# --- Documents ---------------------------------------------------------------------------


def _document_blocks(spec: dict, key: str) -> list[tuple[str, str]]:
    texts = spec["texts"]["en"]
    title = f"{texts['title']}: {content.DOCUMENTS[key][0]}"
    blocks = [("title", title), ("meta", f"{spec['code']} · {texts['city']}, {Province(spec['province']).label}")]
    if key == "overview":
        blocks += [("heading", "The programme"), ("paragraph", _summary(spec, "en"))]
        blocks += [("paragraph", paragraph) for paragraph in _paragraphs(spec, "en")]
    elif key == "feasibility":
        blocks += [("heading", "Environmental projects")]
        blocks += [
            ("paragraph", f"{item['names'][0]}: CNY {item['cost']:,} million.") for item in spec["environmental"]
        ]
        blocks += [("heading", "Industrial projects")]
        blocks += [("paragraph", f"{item['names'][0]}: CNY {item['cost']:,} million.") for item in spec["industrial"]]
    else:
        blocks += [
            ("heading", "Financing plan"),
            ("paragraph", f"Total investment CNY {spec['total_investment']:,} million; financing sought CNY "
                          f"{spec['financing_sought']:,} million, of which CNY {spec['financing_secured']:,} million "
                          "is committed."),
            ("heading", "Returns"),
            ("paragraph", f"Internal rate of return {spec['irr']}%; payback in {spec['payback_years']} years."),
        ]  # fmt: skip
    return blocks


def load_documents(spec: dict, collections: dict) -> list:
    """The programme's documents, created once each: the overview is public, the dossier restricted."""
    model = get_document_model()
    documents = []
    for key in spec["documents"]:
        title = f"{spec['code']} {content.DOCUMENTS[key][0]}"
        document = model.objects.filter(title=title).first()
        if document is None:
            where = collections["public" if key == "overview" else "restricted"]
            document = model(title=title, collection=where)
            data = text_pdf(_document_blocks(spec, key), False, title, spec["code"])
            document.file.save(f"{spec['slug']}-{key}.pdf", ContentFile(data), save=False)
            document._set_document_file_metadata()  # size and hash, as Wagtail's upload form records them
            document.save()
        documents.append((key, document))
    return documents


# --- Pages -------------------------------------------------------------------------------


def _publish(page, user) -> None:
    # The specs were checked against the model rules (see the demo test); a second full_clean per save would
    # only slow the load.
    page.save_revision(user=user, log_action=True, clean=False).publish(user=user)


def load_catalogue(user) -> dict[str, EodCatalogPage]:
    """The catalogue under the English home, and its Chinese translation."""
    english, chinese = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="zh-hans")
    home = HomePage.objects.get(locale=english)
    catalogue = EodCatalogPage.objects.child_of(home).first()
    if catalogue is None:
        catalogue = home.add_child(instance=EodCatalogPage(title=content.CATALOGUE["en"][0], slug=content.SLUG))
    translation_page = catalogue.get_translation_or_none(chinese) or catalogue.copy_for_translation(chinese)
    pages = {"en": catalogue.pk, "zh-hans": translation_page.pk}
    for language, pk in pages.items():
        page = EodCatalogPage.objects.get(pk=pk)
        page.title, page.introduction = content.CATALOGUE[language]
        page.slug = content.SLUG
        _publish(page, user)
    return {language: EodCatalogPage.objects.get(pk=pk) for language, pk in pages.items()}


# The top-level category of the Green Bond Endorsed Projects Catalogue (2021) each kind of demo project falls
# under; kinds missing here (cultural tourism, health and wellness) stay unclassified.
ENVIRONMENTAL_CATEGORIES = {
    "river-restoration": "4",
    "lake-restoration": "4",
    "wetland": "4",
    "forest-grassland": "4",
    "biodiversity": "4",
    "coastal-restoration": "4",
    "mine-rehabilitation": "4",
    "soil-remediation": "1",
    "water-treatment": "1",
    "rural-environment": "1",
}
INDUSTRIAL_CATEGORIES = {
    "eco-tourism": "4",
    "green-agriculture": "4",
    "forestry-carbon-sinks": "4",
    "fisheries": "4",
    "clean-energy": "3",
    "water-services": "1",
    "circular-economy": "1",
    "urban-renewal": "5",
}
# Which stages of the timeline a programme at each stage has reached.
STAGES_REACHED = {
    "concept": 1,
    "approved": 2,
    "seeking-financing": 2,
    "financing-closed": 2,
    "under-construction": 3,
    "operating": 3,
}


def green_categories() -> dict[str, GreenCategory]:
    """The 2021 catalogue's top-level categories by code (migration 0009 enters them)."""
    return {category.code: category for category in GreenCategory.objects.filter(edition="gbepc-2021")}


def _timeline(spec: dict) -> dict:
    """Demo dates for the stages the programme has reached: planning, then approval, then implementation."""
    rng = random.Random(spec["code"])
    day = datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randrange(0, 700))
    dates = {}
    for name in TIMELINE_FIELDS[: STAGES_REACHED.get(spec["stage"], 1)]:
        dates[name] = day
        day += datetime.timedelta(days=rng.randrange(120, 400))
    return {name: dates.get(name) for name in TIMELINE_FIELDS}


def _fill(page: EodProgrammePage, spec: dict, language: str, assets: dict) -> None:
    """Everything on the page: shared figures, and the texts of `language`."""
    side = LANGUAGES.index(language)
    texts = spec["texts"][language]
    for name in ("code", "province", "stage", "total_investment", "financing_sought", "financing_secured",
                 "instruments", "proceeds_share", "irr", "payback_years", "latitude", "longitude"):  # fmt: skip
        setattr(page, name, spec[name])
    page.sectors = _sectors(spec)
    for name, day in _timeline(spec).items():
        setattr(page, name, day)
    page.notice_url = ""  # the demo programmes were listed by no real notice
    categories = assets["categories"]
    page.title = texts["title"]
    page.slug = spec["slug"]
    page.city, page.lead_agency, page.implementing_entity = (
        texts["city"],
        texts["lead_agency"],
        texts["implementing_entity"],
    )
    page.summary = _summary(spec, language)
    page.description = _description(spec, language)
    page.risks = content.RISKS[side]
    contact = spec["contact"]
    page.contact_name, page.contact_role = contact["name"][side], contact["role"][side]
    page.contact_email, page.contact_phone = contact["email"], contact["phone"]
    page.hero_image = assets["pictures"][spec["type"]]
    page.search_description = page.summary[:255]
    page.environmental_components = [
        EodEnvironmentalComponent(
            name=item["names"][side],
            kind=item["kind"],
            cost=item["cost"],
            outcome_value=item["outcome_value"],
            outcome_unit=item["outcome_unit"],
            outcome_note=item["note"][side],
            green_category=categories.get(ENVIRONMENTAL_CATEGORIES.get(item["kind"], "")),
            sort_order=order,
        )
        for order, item in enumerate(spec["environmental"])
    ]
    page.industrial_components = [
        EodIndustrialComponent(
            name=item["names"][side],
            sector=item["sector"],
            cost=item["cost"],
            annual_revenue=item["annual_revenue"],
            green_category=categories.get(INDUSTRIAL_CATEGORIES.get(item["sector"], "")),
            sort_order=order,
        )
        for order, item in enumerate(spec["industrial"])
    ]
    page.documents = [
        EodProgrammeDocument(document=document, title=content.DOCUMENTS[key][side] if side else "", sort_order=order)
        for order, (key, document) in enumerate(assets["documents"])
    ]
    page.images = [
        EodProgrammeImage(
            image=assets["pictures"][kind], caption=content.PICTURE_CAPTIONS[kind][side], sort_order=order
        )
        for order, kind in enumerate(spec["gallery"])
    ]


def _page(
    existing: EodProgrammePage | None, parent, spec: dict, language: str, assets: dict, **new
) -> EodProgrammePage:
    """The page filled in and saved as a draft (publishing validates and saves it once more)."""
    page = existing or EodProgrammePage(live=False, **new)
    _fill(page, spec, language, assets)
    if existing is None:
        parent.add_child(instance=page)
    return page


def load_programme(spec: dict, catalogue: dict, assets: dict, user) -> dict:
    """One programme in English and its Chinese translation, published."""
    assets = {**assets, "documents": load_documents(spec, assets["collections"])}
    existing = assets["existing"].get(spec["code"])
    page = _page(existing, catalogue["en"], spec, "en", assets)
    _publish(page, user)
    # Made directly rather than with copy_for_translation: it would copy every row only for _fill to replace them.
    chinese = catalogue["zh-hans"]
    translated = EodProgrammePage.objects.filter(translation_key=page.translation_key, locale=chinese.locale).first()
    translated = _page(
        translated, chinese, spec, "zh-hans", assets, locale=chinese.locale, translation_key=page.translation_key
    )
    _publish(translated, user)
    return {"created": existing is None, "pages": [page, translated]}


@transaction.atomic
def load_eod_programmes(stdout=None) -> dict:
    """The catalogue page and every programme in both languages. Returns counts of what was made."""
    user = get_user_model().objects.filter(username="admin").first()
    restricted = Collection.objects.filter(name=RESTRICTED_DOCUMENTS_COLLECTION).first()
    if restricted is None:
        raise RuntimeError(f'The "{RESTRICTED_DOCUMENTS_COLLECTION}" collection is missing: run migrate first.')
    catalogue = load_catalogue(user)
    assets = {
        "pictures": load_pictures(collection("EOD programme images")),
        "collections": {"public": collection("EOD programme documents"), "restricted": restricted},
        "existing": {page.code: page for page in EodProgrammePage.objects.child_of(catalogue["en"])},
        "categories": green_categories(),
    }
    specs = programme_specs()
    created = 0
    for spec in progress(specs, "EOD programmes", stream=stdout):
        # As for events: index each page's references once, when it is done.
        with disable_reference_index_auto_update():
            result = load_programme(spec, catalogue, assets, user)
        for page in result["pages"]:
            ReferenceIndex.create_or_update_for_object(page)
        created += result["created"]
    return {
        "programmes": len(specs),
        "created": created,
        "documents": sum(len(spec["documents"]) for spec in specs),
        "restricted_documents": sum(len(spec["documents"]) - 1 for spec in specs if spec["documents"]),
    }

"""Demo member data: ~70 fictitious multinational manufacturers in China, their plants,
representatives, pledges and five years of progress reports, and a few submissions
waiting for staff review.

Everything is seeded, so every run produces the same data, and idempotent: a second
run finds what the first made (by slug, username, pledge type, report year) and adds
nothing. Pledges and reports are published the way an approval publishes them, so
the public change history has its entries.
"""

import datetime
import math
import random
from contextlib import contextmanager
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, Revision, WorkflowState

from demo.logos import draw_logo
from members.models import (
    MemberCompany,
    Milestone,
    Plant,
    Pledge,
    PledgeStatus,
    PledgeType,
    ProgressReport,
    PublicChange,
    Representative,
    Sector,
    Unit,
    Verification,
)
from members.review import save_draft, submit_for_review
from portal.images import save_image
from portal.progress import progress

# Fictitious brand stems with a Chinese rendering, as such firms use in China.
STEMS = [
    ("Aldermoor", "奥德摩"), ("Brightwater", "明泉"), ("Castellan", "卡斯特兰"), ("Dunmore", "邓莫尔"),
    ("Everhold", "恒持"), ("Fairhaven", "菲尔海文"), ("Glenrock", "格伦洛克"), ("Halvorsen", "哈沃森"),
    ("Ironbridge", "铁桥"), ("Junction", "汇联"), ("Kestrel", "红隼"), ("Lindqvist", "林德奎斯特"),
    ("Meridian", "子午"), ("Nordhavn", "诺德港"), ("Oakridge", "橡岭"), ("Pellworth", "佩尔沃斯"),
    ("Quayside", "码头"), ("Rheinfeld", "莱茵菲尔德"), ("Solenne", "索伦"), ("Tamsin", "塔姆辛"),
    ("Ulmerhof", "乌尔默"), ("Valcourt", "瓦尔库"), ("Westmark", "西马克"), ("Yarrow", "耶罗"),
    ("Zephyr", "和风"), ("Ardent", "阿登特"), ("Belcastro", "贝尔卡斯特罗"), ("Cordova", "科尔多瓦"),
    ("Delacroix", "德拉克鲁瓦"), ("Eastwind", "东风源"), ("Fjordline", "峡湾"), ("Granholm", "格兰霍姆"),
    ("Helvion", "赫尔维昂"), ("Isengard", "艾森加德"), ("Jadeport", "玉港"), ("Kaizen", "改善"),
    ("Lumen", "流明"), ("Mistral", "米斯特拉"), ("Novaterra", "诺华泰拉"), ("Orison", "奥瑞森"),
    ("Pinecrest", "松峰"), ("Quantis", "宽蒂斯"), ("Riverton", "河屯"), ("Saltmarsh", "盐沼"),
    ("Tidewell", "潮汐井"), ("Unterberg", "温特贝格"), ("Verdant", "翠然"), ("Whitcombe", "惠特科姆"),
    ("Xenia", "森尼亚"), ("Yamabe", "山边"), ("Zurlinden", "苏林登"), ("Amberley", "安伯利"),
    ("Blackwood", "黑木"), ("Crestline", "峰线"), ("Dovecote", "鸽舍"), ("Elmstead", "榆地"),
    ("Foxglove", "毛地黄"), ("Greystone", "灰石"), ("Hawthorne", "山楂"), ("Islay", "艾雷"),
    ("Juniper", "杜松"), ("Kingsmere", "金斯米尔"), ("Larchmont", "落叶松"), ("Moorfield", "沼原"),
    ("Northgate", "北门"), ("Oldcastle", "古堡"), ("Penrose", "彭罗斯"), ("Queensbury", "昆斯伯里"),
    ("Redcliffe", "红崖"), ("Stonehaven", "石港"),
]  # fmt: skip

SECTOR_WORDS = {
    Sector.CHEMICALS: ("Chemicals", "化学"),
    Sector.MATERIALS: ("Advanced Materials", "先进材料"),
    Sector.ENERGY: ("Energy", "能源"),
    Sector.AUTOMOTIVE: ("Automotive", "汽车"),
    Sector.PHARMA: ("Life Sciences", "生命科学"),
    Sector.ELECTRONICS: ("Electronics", "电子"),
    Sector.MACHINERY: ("Machinery", "机械"),
    Sector.CONSUMER: ("Consumer Goods", "消费品"),
    Sector.FOOD: ("Foods", "食品"),
    Sector.LOGISTICS: ("Logistics", "物流"),
}
SECTOR_WEIGHTS = [18, 10, 8, 8, 7, 7, 6, 5, 4, 3]  # a chemicals-led association
COUNTRIES = [
    "Germany", "United States", "Japan", "France", "United Kingdom", "Switzerland", "Netherlands",
    "South Korea", "Sweden", "Belgium", "Italy", "Denmark", "Finland", "Norway", "Singapore", "Canada",
]  # fmt: skip
PROFILE_EN = (
    "{name} has manufactured in China since {entry}, with plants in {sites}. "
    "It is working with its suppliers on the carbon footprint of its products and reports its emissions yearly."
)
PROFILE_ZH = "{name}自{entry}年起在华生产，工厂位于{sites}。公司正与供应商合作核算产品碳足迹，并每年披露排放数据。"
CITY_PROVINCES = {
    "Shanghai": "SH", "Suzhou": "JS", "Nanjing": "JS", "Tianjin": "TJ", "Guangzhou": "GD",
    "Huizhou": "GD", "Chongqing": "CQ", "Chengdu": "SC", "Ningbo": "ZJ", "Qingdao": "SD",
}  # fmt: skip
SITES = [
    ("Shanghai", "上海"), ("Suzhou", "苏州"), ("Nanjing", "南京"), ("Tianjin", "天津"), ("Guangzhou", "广州"),
    ("Huizhou", "惠州"), ("Chongqing", "重庆"), ("Chengdu", "成都"), ("Ningbo", "宁波"), ("Qingdao", "青岛"),
]  # fmt: skip


def company_specs(count: int = 70) -> list[dict]:
    """The demo companies, the same every run (seeded), so loading is idempotent."""
    rng = random.Random(2060)
    sectors = list(SECTOR_WORDS)
    specs = []
    for stem, stem_zh in STEMS[:count]:
        sector = rng.choices(sectors, weights=SECTOR_WEIGHTS)[0]
        word_en, word_zh = SECTOR_WORDS[sector]
        name_en, name_zh = f"{stem} {word_en}", f"{stem_zh}{word_zh}"
        entry = rng.randint(1988, 2016)
        sites = rng.sample(SITES, k=rng.randint(1, 3))
        specs.append(
            {
                "sites": sites,  # not a field: becomes the company's plants
                "provinces": sorted({CITY_PROVINCES[city] for city, _zh in sites}),
                "name_en": name_en,
                "name_zh": name_zh,
                "slug": slugify(name_en),
                "sector": sector,
                "headquarters_country": rng.choice(COUNTRIES),
                "member_since": rng.randint(max(entry, 2005), 2024),
                "website": f"https://www.{slugify(stem)}.example.com/",
                "profile_en": PROFILE_EN.format(name=name_en, entry=entry, sites=", ".join(s[0] for s in sites)),
                "profile_zh": PROFILE_ZH.format(name=name_zh, entry=entry, sites="、".join(s[1] for s in sites)),
            }
        )
    return specs


def logo_collection() -> Collection:
    existing = Collection.objects.filter(name="Member logos").first()
    return existing or Collection.get_first_root_node().add_child(name="Member logos")


def load_companies(count: int = 70, stdout=None) -> int:
    """Create or refresh the demo companies; logos are drawn only once. Returns how many were created."""
    collection = logo_collection()
    created = 0
    specs = company_specs(count)
    for spec in progress(specs, "Member companies", stream=stdout):
        spec = {key: value for key, value in spec.items() if key != "sites"}
        company, was_created = MemberCompany.objects.update_or_create(slug=spec["slug"], defaults=spec)
        created += was_created
        if company.logo_id is None:
            company.logo = save_image(
                draw_logo(company.name_en), f"{company.name_en} logo", f"logo-{company.slug}.png", collection
            )
            company.save(update_fields=["logo"])
    return created


# --- Plants -------------------------------------------------------------------

PLANT_WORDS = {
    Sector.CHEMICALS: "Chemical Site", Sector.MATERIALS: "Materials Plant", Sector.ENERGY: "Energy Centre",
    Sector.AUTOMOTIVE: "Components Plant", Sector.PHARMA: "Pharmaceutical Plant", Sector.ELECTRONICS: "Electronics Plant",
    Sector.MACHINERY: "Works", Sector.CONSUMER: "Plant", Sector.FOOD: "Food Plant", Sector.LOGISTICS: "Logistics Hub",
}  # fmt: skip


def load_plants(count: int = 70, stdout=None) -> int:
    """One plant per city a company names in its profile; about a third are national green factories."""
    created = 0
    for spec in progress(company_specs(count), "Plants", stream=stdout):
        company = MemberCompany.objects.get(slug=spec["slug"])
        if company.plants.exists():
            continue
        rng = random.Random(f"plants-{company.slug}")
        stem = company.name_en.split()[0]
        for order, (city, _zh) in enumerate(spec["sites"]):
            Plant.objects.create(
                company=company,
                sort_order=order,
                name=f"{stem} {city} {PLANT_WORDS[spec['sector']]}",
                city=city,
                province=CITY_PROVINCES[city],
                green_factory_year=rng.randint(2017, 2023) if rng.random() < 0.35 else None,
            )
            created += 1
    return created


# --- Representatives ------------------------------------------------------------

# Demo logins for the member area, documented in the README. Never used outside the demo.
REPRESENTATIVE_PASSWORD = "demo-member-2060"  # noqa: S105 -- a documented demo login
REPRESENTATIVE_COMPANIES = 5
REPRESENTATIVE_PEOPLE = [
    ("Wei", "Li"), ("Sophie", "Martin"), ("Min", "Zhang"), ("Daniel", "Weber"), ("Fang", "Wang"),
    ("Kenji", "Sato"), ("Jing", "Chen"),
]  # fmt: skip
# (company position among the first REPRESENTATIVE_COMPANIES, username suffix, role)
REPRESENTATIVE_SEATS = [
    (0, "", Representative.Role.EDITOR), (0, "-2", Representative.Role.VIEWER),
    (1, "", Representative.Role.EDITOR), (2, "", Representative.Role.EDITOR), (2, "-2", Representative.Role.EDITOR),
    (3, "", Representative.Role.EDITOR), (4, "", Representative.Role.EDITOR),
]  # fmt: skip


def load_representatives(count: int = 70) -> list[Representative]:
    """One or two representatives for each of the first few companies, with the documented password."""
    specs = company_specs(count)[:REPRESENTATIVE_COMPANIES]
    user_model = get_user_model()
    representatives = []
    for (position, suffix, role), (first, last) in zip(REPRESENTATIVE_SEATS, REPRESENTATIVE_PEOPLE, strict=True):
        if position >= len(specs):
            continue
        company = MemberCompany.objects.get(slug=specs[position]["slug"])
        username = f"rep-{company.slug.split('-')[0]}{suffix}"
        user, _ = user_model.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.com"
        user.is_staff = user.is_superuser = False
        user.set_password(REPRESENTATIVE_PASSWORD)
        user.save()
        representative, _ = Representative.objects.update_or_create(
            user=user, defaults={"company": company, "role": role}
        )
        representatives.append(representative)
    return representatives


# --- Emissions, pledges and reports ---------------------------------------------

REPORT_YEARS = range(2020, 2025)
# Scope 1+2 in 2019 (tCO2e), a log-uniform range per sector.
SECTOR_SCALE = {
    Sector.CHEMICALS: (150_000, 1_500_000), Sector.MATERIALS: (80_000, 800_000), Sector.ENERGY: (400_000, 3_000_000),
    Sector.AUTOMOTIVE: (50_000, 500_000), Sector.PHARMA: (15_000, 150_000), Sector.ELECTRONICS: (40_000, 400_000),
    Sector.MACHINERY: (20_000, 200_000), Sector.CONSUMER: (20_000, 250_000), Sector.FOOD: (30_000, 300_000),
    Sector.LOGISTICS: (40_000, 350_000),
}  # fmt: skip
# Yearly change of Scope 1+2, and yearly gain of renewable electricity share (points).
PROFILES = {
    "on_track": ((-0.09, -0.05), (9, 16)),
    "slow": ((-0.035, -0.01), (3, 7)),
    "off_track": ((0.0, 0.035), (0, 3)),
}
REPORT_NOTES = [
    "Organisational inventory per the GHG Protocol; Scope 2 market-based includes green electricity certificates.",
    "Figures cover all plants in China; verified by a third party to ISO 14064-3 limited assurance.",
    "Scope 3 covers purchased goods, upstream transport and end-of-life treatment of sold products.",
    "Recalculated after the divestment of one site; earlier years restated on the same boundary.",
    "",
]
ALL_TYPES = list(PledgeType)


def tonnes(value: float) -> Decimal:
    return Decimal(round(value))


def emissions_plan(spec: dict, rng: random.Random) -> tuple[str, dict[int, dict]]:
    """A company's yearly emissions 2019-2024 along a profile: on track, slow or off track."""
    low, high = SECTOR_SCALE[spec["sector"]]
    total = math.exp(rng.uniform(math.log(low), math.log(high)))
    scope_1_share = rng.uniform(0.35, 0.7)
    scope_3_factor = rng.uniform(3, 12)
    profile = rng.choices(list(PROFILES), weights=[45, 35, 20])[0]
    (rate_low, rate_high), (gain_low, gain_high) = PROFILES[profile]
    rate, gain = rng.uniform(rate_low, rate_high), rng.uniform(gain_low, gain_high)
    share = rng.uniform(5, 35)
    years = {}
    for year in range(2019, 2025):
        if year > 2019:
            total *= 1 + rate + rng.uniform(-0.02, 0.02)
            share = min(100.0, share + gain * rng.uniform(0.6, 1.3))
        scope_1 = total * scope_1_share
        scope_2_location = total - scope_1
        years[year] = {
            "scope_1": tonnes(scope_1),
            "scope_2_location": tonnes(scope_2_location),
            "scope_2_market": tonnes(scope_2_location * (1 - share / 100)),
            "scope_3": tonnes(total * scope_3_factor * rng.uniform(0.95, 1.05)),
            "renewable_share": Decimal(f"{share:.1f}"),
        }
    return profile, years


def report_plan(spec: dict, years: dict[int, dict], rng: random.Random) -> dict[int, dict]:
    """Five years of reports, with the gaps real reporting has."""
    reported = list(REPORT_YEARS)
    if rng.random() < 0.06:
        reported = [year for year in reported if year >= 2022]  # joined the reporting late
    elif rng.random() < 0.15:
        reported.remove(rng.choice([2020, 2021, 2022, 2023]))
    if rng.random() < 0.08:
        reported.remove(2024)  # last year's report not in yet
    no_scope_3_before = 2022 if rng.random() < 0.2 else 0
    reports = {}
    for year in reported:
        values = dict(years[year])
        if year < no_scope_3_before:
            values["scope_3"] = None
        values["notes"] = rng.choice(REPORT_NOTES)
        values["published"] = datetime.date(year + 1, rng.randint(4, 6), rng.randint(1, 28))
        reports[year] = values
    return reports


def scope_1_2(values: dict) -> Decimal:
    return values["scope_1"] + values["scope_2_market"]


def declared_on(rng: random.Random) -> datetime.date:
    return datetime.date(rng.randint(2020, 2023), rng.randint(1, 12), rng.randint(1, 28))


def pledge_types(index: int, rng: random.Random) -> list[str]:
    """Operational neutrality for everyone; the rest by chance. The first seven companies cover every type."""
    chances = {
        PledgeType.EMISSIONS_PEAK: 0.6,
        PledgeType.SUPPLY_CHAIN_NEUTRALITY: 0.4,
        PledgeType.NET_ZERO: 0.2,
        PledgeType.ABSOLUTE_REDUCTION: 0.35,
        PledgeType.INTENSITY_REDUCTION: 0.15,
        PledgeType.RENEWABLE_ELECTRICITY: 0.45,
    }
    types = {PledgeType.OPERATIONAL_NEUTRALITY} | {kind for kind, chance in chances.items() if rng.random() < chance}
    if index < len(ALL_TYPES):
        types.add(ALL_TYPES[index])
    if index % 9 == 0:  # the peak-then-neutrality ladder from the design brief
        types |= {PledgeType.EMISSIONS_PEAK, PledgeType.SUPPLY_CHAIN_NEUTRALITY}
    return [kind for kind in ALL_TYPES if kind in types]


# Interim milestones of the operational-neutrality pledge for companies not on track (share of base left in 2030).
OPERATIONAL_2030 = {
    "slow": [("0.72", "Scope 1 and 2 down more than a quarter")],
    "off_track": [("0.95", "Scope 1 and 2 back below the baseline")],
}


def pledge_plan(spec: dict, index: int, profile: str, years: dict[int, dict], rng: random.Random) -> list[dict]:
    """The company's pledges as field values, with milestones, a declaration date and, for some, an earlier version."""
    base = rng.choice([2019, 2020, 2021])
    base_1_2 = scope_1_2(years[base])
    source = f"{spec['website']}sustainability/"
    ladder = index % 9 == 0
    plans = []
    for kind in pledge_types(index, rng):
        plan = {
            "pledge_type": kind, "scope_1": True, "scope_2": True, "scope_3": False, "unit": Unit.TONNES,
            "baseline_year": base, "baseline_value": base_1_2, "status": PledgeStatus.IN_PROGRESS,
            "verification": Verification.THIRD_PARTY if rng.random() < 0.2 else Verification.SELF_DECLARED,
            "source_url": source, "milestones": [], "declared": declared_on(rng), "earlier": {},
        }  # fmt: skip
        if kind == PledgeType.EMISSIONS_PEAK:
            target = 2028 if ladder else rng.choice([2025, 2026, 2028, 2030])
            peak = max(scope_1_2(values) for values in years.values()) * Decimal(str(round(rng.uniform(1.0, 1.08), 3)))
            achieved = profile == "on_track" and target <= 2026 and rng.random() < 0.6
            plan |= {
                "target_year": target,
                "target_value": tonnes(peak),
                "status": PledgeStatus.ACHIEVED if achieved else PledgeStatus.IN_PROGRESS,
                "description_en": f"Scope 1 and 2 emissions peak by {target} at no more than {tonnes(peak):,} tCO2e, "
                "then fall every year.",
                "description_zh": f"范围一和范围二排放在{target}年前达峰，峰值不超过{tonnes(peak):,}吨二氧化碳当量，此后逐年下降。",
            }
        elif kind == PledgeType.OPERATIONAL_NEUTRALITY:
            target = 2040 if ladder else rng.choice([2035, 2038, 2040, 2040, 2045, 2050])
            plan |= {
                "target_year": target,
                "target_value": Decimal(0),
                "status": rng.choice([PledgeStatus.IN_PROGRESS, PledgeStatus.IN_PROGRESS, PledgeStatus.PLAN_PUBLISHED]),
                # How far by 2030 differs by company, so the pathway labels do too.
                "milestones": [
                    (2025, tonnes(base_1_2 * Decimal("0.75")), "Scope 1 and 2 down a quarter"),
                    (2030, tonnes(base_1_2 * Decimal("0.5")), f"Scope 1 and 2 halved from {base}"),
                ]
                if profile == "on_track" or ladder
                else [(2030, tonnes(base_1_2 * Decimal(cut)), text) for cut, text in OPERATIONAL_2030[profile]],
                "description_en": f"Carbon neutrality in our own operations (Scope 1 and 2) by {target}: energy "
                "efficiency, electrified heat, on-site solar and green power purchase agreements; certified "
                "removals only for residual emissions.",
                "description_zh": f"{target}年前实现自身运营（范围一和范围二）碳中和：提升能效、热力电气化、厂区光伏和绿电交易，"
                "仅对剩余排放使用经认证的碳移除。",
            }
            if rng.random() < 0.25:  # first declared later, brought forward since
                plan["earlier"] = {"target_year": target + 5, "status": PledgeStatus.DECLARED, "milestones": []}
        elif kind == PledgeType.SUPPLY_CHAIN_NEUTRALITY:
            target = 2050 if ladder else rng.choice([2045, 2050, 2050, 2055, 2060])
            scope_3 = years[base]["scope_3"]
            plan |= {
                "scope_1": False, "scope_2": False, "scope_3": True, "baseline_value": scope_3, "target_year": target,
                "target_value": Decimal(0),
                "status": rng.choice([PledgeStatus.DECLARED, PledgeStatus.PLAN_PUBLISHED]),
                "milestones": [
                    (2030, tonnes(scope_3 * Decimal("0.75")), "Suppliers covering 70 % of purchased-goods emissions set targets"),
                    (2040, tonnes(scope_3 * Decimal("0.4")), "Low-carbon raw materials in most product lines"),
                ],
                "description_en": f"Carbon neutrality across our supply chain (Scope 3) by {target}, working with "
                "suppliers on product carbon footprints from cradle to grave.",
                "description_zh": f"{target}年前实现供应链（范围三）碳中和，与供应商合作核算产品从摇篮到坟墓的碳足迹。",
            }  # fmt: skip
        elif kind == PledgeType.NET_ZERO:
            total = base_1_2 + years[base]["scope_3"]
            sbti = rng.random() < 0.5
            plan |= {
                "scope_3": True, "baseline_value": total, "target_year": 2050, "target_value": tonnes(total / 10),
                "status": PledgeStatus.PLAN_PUBLISHED,
                "verification": Verification.SBTI if sbti else plan["verification"],
                "milestones": [(2030, tonnes(total * Decimal("0.58")), "42 % absolute cut across all scopes")],
                "description_en": "Net zero across Scopes 1, 2 and 3 by 2050: a 90 % cut from "
                f"{base}, with the residual neutralised by permanent removals."
                + (" Validated by the Science Based Targets initiative." if sbti else ""),
                "description_zh": f"2050年前范围一、二、三实现净零：较{base}年减排90%，剩余排放以永久性碳移除中和。"
                + ("已获科学碳目标倡议（SBTi）验证。" if sbti else ""),
            }  # fmt: skip
            if sbti and rng.random() < 0.5:
                plan["earlier"] = {"verification": Verification.SELF_DECLARED}  # validated after declaring
        elif kind == PledgeType.ABSOLUTE_REDUCTION:
            cut = rng.choice([30, 42, 46, 50])
            roll = rng.random()
            verification = (
                Verification.SBTI if roll < 0.45 else Verification.THIRD_PARTY if roll < 0.7 else plan["verification"]
            )
            plan |= {
                "scope_3": rng.random() < 0.3, "target_year": 2030,
                "target_value": tonnes(base_1_2 * (100 - cut) / 100), "verification": verification,
                "milestones": [(2025, tonnes(base_1_2 * (100 - cut // 2) / 100), "Halfway to the 2030 cut")],
                "description_en": f"Cut absolute Scope 1 and 2 emissions {cut} % by 2030 from {base}."
                + (" Validated by the Science Based Targets initiative as 1.5 °C-aligned." if verification == Verification.SBTI else ""),
                "description_zh": f"2030年前范围一和范围二绝对排放较{base}年减少{cut}%。"
                + ("已获科学碳目标倡议（SBTi）1.5°C路径验证。" if verification == Verification.SBTI else ""),
            }  # fmt: skip
        elif kind == PledgeType.INTENSITY_REDUCTION:
            cut = rng.choice([30, 40, 50])
            plan |= {
                "unit": Unit.PERCENT, "baseline_value": Decimal(100), "target_year": 2030,
                "target_value": Decimal(100 - cut),
                "milestones": [(2025, Decimal(100 - cut // 2), "Intensity index halfway to target")],
                "description_en": f"Cut Scope 1 and 2 emissions per tonne of product {cut} % by 2030 "
                f"(intensity index, {base} = 100).",
                "description_zh": f"2030年前单位产品范围一和范围二排放强度下降{cut}%（强度指数，{base}年=100）。",
            }  # fmt: skip
        elif kind == PledgeType.RENEWABLE_ELECTRICITY:
            target = rng.choice([2025, 2030, 2030, 2030, 2035])
            done = years[2024]["renewable_share"] >= 100
            plan |= {
                "scope_1": False, "unit": Unit.PERCENT, "baseline_year": 2020,
                "baseline_value": years[2020]["renewable_share"], "target_year": target, "target_value": Decimal(100),
                "status": PledgeStatus.ACHIEVED if done else PledgeStatus.IN_PROGRESS,
                "milestones": [(2025, Decimal(60), "60 % of electricity from renewables")] if target > 2025 else [],
                "description_en": f"100 % renewable electricity at all sites in China by {target} (RE100), through "
                "green power trading, green electricity certificates and on-site solar.",
                "description_zh": f"{target}年前在华所有工厂实现100%可再生电力（RE100），途径包括绿电交易、绿证和厂区光伏。",
            }  # fmt: skip
        plans.append(plan)
    if index % 17 == 11 and len(plans) > 1:  # a few pledges are withdrawn
        withdrawn = plans[-1]
        withdrawn["status"] = PledgeStatus.WITHDRAWN
        withdrawn["description_en"] += " Withdrawn in 2024 after a change of ownership; a new target is being set."
        withdrawn["description_zh"] += "因股权变更已于2024年撤回，新目标正在制定中。"
        withdrawn["earlier"] = {"status": PledgeStatus.IN_PROGRESS}
    return plans


def aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def publish_reviewed(obj, submitter, approver, day: datetime.date) -> Revision:
    """Publish `obj`'s current values the way an approval does: a revision by the submitter, published by staff.

    The `published` signal writes the public history entry; the dates are then
    set to when this would have happened, so the history reads like one.
    """
    first = obj.pk is None or not obj.live
    if obj.pk is None:
        obj.live, obj.has_unpublished_changes = False, True
        obj.save()
    revision = obj.save_revision(user=submitter, log_action=True)
    revision.publish(user=approver)
    stamp = aware(day)
    Revision.objects.filter(pk=revision.pk).update(created_at=stamp)
    PublicChange.objects.filter(revision=revision).update(published_at=stamp)
    dates = {"last_published_at": stamp} | ({"first_published_at": stamp} if first else {})
    type(obj).objects.filter(pk=obj.pk).update(**dates)
    return revision


def build_pledge(company: MemberCompany, plan: dict, overrides: dict | None = None) -> Pledge:
    values = {key: value for key, value in plan.items() if key not in ("milestones", "declared", "earlier")}
    milestones = plan["milestones"]
    if overrides:
        milestones = overrides.get("milestones", milestones)
        values |= {key: value for key, value in overrides.items() if key != "milestones"}
    pledge = Pledge(company=company, **values)
    pledge.milestones = [
        Milestone(year=year, value=value, description=text, sort_order=order)
        for order, (year, value, text) in enumerate(milestones)
    ]
    return pledge


def load_company_pledges(company, plans, submitter, approver) -> int:
    created = 0
    for plan in plans:
        if company.pledges.filter(pledge_type=plan["pledge_type"]).exists():
            continue
        if plan["earlier"]:
            pledge = build_pledge(company, plan, plan["earlier"])
            publish_reviewed(pledge, submitter, approver, plan["declared"])
            final = build_pledge(company, plan)
            pledge = Pledge.objects.get(pk=pledge.pk)
            for field_name in plan["earlier"]:
                if field_name != "milestones":
                    setattr(pledge, field_name, getattr(final, field_name))
            pledge.milestones = list(final.milestones.all())
            later = min(plan["declared"] + datetime.timedelta(days=400), datetime.date(2024, 11, 30))
            publish_reviewed(pledge, submitter, approver, later)
        else:
            publish_reviewed(build_pledge(company, plan), submitter, approver, plan["declared"])
        created += 1
    return created


def load_company_reports(company, reports, submitter, approver) -> int:
    created = 0
    existing = set(company.reports.values_list("year", flat=True))
    for year, values in reports.items():
        if year in existing:
            continue
        values = dict(values)
        published = values.pop("published")
        publish_reviewed(ProgressReport(company=company, year=year, **values), submitter, approver, published)
        created += 1
    return created


def load_pledges_and_reports(count: int = 70, stdout=None) -> tuple[int, int]:
    """Published pledges and five years of reports for every demo company. Returns (pledges, reports) created."""
    staff = get_user_model().objects.in_bulk(["editor", "moderator"], field_name="username")
    editors = Representative.objects.filter(role=Representative.Role.EDITOR).select_related("user").order_by("-pk")
    submitters = {rep.company_id: rep.user for rep in editors}  # the first editor of each company
    pledges = reports = 0
    specs = company_specs(count)
    for index, spec in enumerate(progress(specs, "Pledges and progress reports", stream=stdout)):
        company = MemberCompany.objects.get(slug=spec["slug"])
        # Plans first, each from its own seed, so a second run draws the same whatever it skips.
        rng = random.Random(f"emissions-{company.slug}")
        profile, years = emissions_plan(spec, rng)
        report_plans = report_plan(spec, years, rng)
        pledge_plans = pledge_plan(spec, index, profile, years, random.Random(f"pledges-{company.slug}"))
        submitter = submitters.get(company.pk, staff["editor"])
        reports += load_company_reports(company, report_plans, submitter, staff["moderator"])
        pledges += load_company_pledges(company, pledge_plans, submitter, staff["moderator"])
    return pledges, reports


# --- Submissions waiting for review ------------------------------------------

REJECTION_COMMENT = (
    "The 2024 report still shows Scope 1 and 2 above the peak you declared. Please attach the third-party "
    "verification statement before we mark this pledge achieved."
)


def untouched(representative: Representative) -> bool:
    """The demo sets each representative's scenario up once: not if they ever submitted anything."""
    return not WorkflowState.objects.filter(requested_by=representative.user).exists()


def load_submissions(representatives: list[Representative]) -> list[str]:
    """A few representatives' changes: three waiting for review, one sent back with a comment, one draft."""
    moderator = get_user_model().objects.get(username="moderator")
    editors = {}
    for representative in representatives:
        if representative.can_edit:
            editors.setdefault(representative.company_id, representative)
    editors = list(editors.values())
    done = []

    if len(editors) > 0:  # a published pledge brought forward, with a new milestone
        rep = editors[0]
        pledge = rep.company.pledges.filter(pledge_type=PledgeType.OPERATIONAL_NEUTRALITY).first()
        if pledge and untouched(rep) and pledge.target_year > 2035:
            pledge.target_year -= 5
            pledge.status = PledgeStatus.PLAN_PUBLISHED
            rows = list(pledge.milestones.all())
            pledge.milestones = [*rows, Milestone(year=2033, value=tonnes(pledge.baseline_value * Decimal("0.3")),
                                                  description="Coal-fired steam boilers replaced", sort_order=len(rows))]  # fmt: skip
            save_draft(rep, pledge)
            submit_for_review(rep, pledge)
            done.append(f"{rep.user.username}: change to {pledge} waiting for review")

    if len(editors) > 1:  # a new pledge
        rep = editors[1]
        taken = set(rep.company.pledges.values_list("pledge_type", flat=True))
        kind = next((kind for kind in (PledgeType.RENEWABLE_ELECTRICITY, PledgeType.SUPPLY_CHAIN_NEUTRALITY,
                                       PledgeType.NET_ZERO) if kind not in taken), None)  # fmt: skip
        if kind is not None and untouched(rep):
            pledge = Pledge(
                company=rep.company, pledge_type=kind, scope_2=True, scope_3=kind != PledgeType.RENEWABLE_ELECTRICITY,
                unit=Unit.PERCENT if kind == PledgeType.RENEWABLE_ELECTRICITY else Unit.TONNES,
                baseline_year=2022, baseline_value=Decimal(28), target_year=2030 if kind == PledgeType.RENEWABLE_ELECTRICITY else 2050,
                target_value=Decimal(100) if kind == PledgeType.RENEWABLE_ELECTRICITY else Decimal(0),
                status=PledgeStatus.DECLARED, description_en="Announced at our 2025 China sustainability day.",
                description_zh="于2025年中国可持续发展日宣布。", source_url=f"{rep.company.website}news/",
            )  # fmt: skip
            if kind != PledgeType.RENEWABLE_ELECTRICITY:
                pledge.baseline_value = None
                pledge.baseline_year = None
            save_draft(rep, pledge)
            submit_for_review(rep, pledge)
            done.append(f"{rep.user.username}: new pledge {pledge} waiting for review")

    if len(editors) > 2:  # a corrected report
        rep = editors[2]
        report = rep.company.reports.order_by("-year").first()
        if report and untouched(rep):
            report.scope_3 = tonnes((report.scope_3 or report.scope_1 * 6) * Decimal("1.12"))
            report.notes = "Scope 3 restated: category 1 now includes catalysts and packaging."
            save_draft(rep, report)
            submit_for_review(rep, report)
            done.append(f"{rep.user.username}: correction of {report} waiting for review")

    if len(editors) > 3:  # sent back with a comment
        rep = editors[3]
        open_pledges = rep.company.pledges.exclude(status__in=[PledgeStatus.ACHIEVED, PledgeStatus.WITHDRAWN])
        pledge = open_pledges.filter(pledge_type=PledgeType.EMISSIONS_PEAK).first() or open_pledges.first()
        if pledge and untouched(rep):
            pledge.status = PledgeStatus.ACHIEVED
            save_draft(rep, pledge)
            state = submit_for_review(rep, pledge)
            state.current_task_state.reject(user=moderator, comment=REJECTION_COMMENT)
            done.append(f"{rep.user.username}: change to {pledge} sent back with a comment")

    if len(editors) > 4:  # a draft not yet submitted
        rep = editors[4]
        if not rep.company.reports.filter(year=2025).exists():
            latest = rep.company.reports.order_by("-year").first()
            draft = ProgressReport(company=rep.company, year=2025, notes="Draft: December figures still estimated.")
            if latest:
                draft.scope_1, draft.scope_2_location = latest.scope_1, latest.scope_2_location
            save_draft(rep, draft)
            done.append(f"{rep.user.username}: draft {draft} not submitted yet")
    return done


@contextmanager
def mail_not_sent():
    """Loading the demo approves and rejects on behalf of example users; send none of those emails.

    Covers Wagtail's own notifications and, in-process, our Celery tasks that run when
    the loader's transaction commits, so wrap the whole load, commit included.
    """
    previous = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    try:
        yield
    finally:
        settings.EMAIL_BACKEND = previous


def load_members(count: int = 70, stdout=None) -> dict:
    """Everything member-side beyond the companies: plants, representatives, pledges, reports, submissions."""
    plants = load_plants(count, stdout)
    representatives = load_representatives(count)
    pledges, reports = load_pledges_and_reports(count, stdout)
    return {
        "plants": plants,
        "representatives": representatives,
        "pledges": pledges,
        "reports": reports,
        "submissions": load_submissions(representatives),
    }

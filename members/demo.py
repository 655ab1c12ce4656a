"""Demo member companies: ~70 fictitious multinational manufacturers in China."""

import random

from django.utils.text import slugify
from wagtail.models import Collection

from members.logos import draw_logo
from members.models import MemberCompany, Sector
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
        company, was_created = MemberCompany.objects.update_or_create(slug=spec["slug"], defaults=spec)
        created += was_created
        if company.logo_id is None:
            company.logo = save_image(
                draw_logo(company.name_en), f"{company.name_en} logo", f"logo-{company.slug}.png", collection
            )
            company.save(update_fields=["logo"])
    return created

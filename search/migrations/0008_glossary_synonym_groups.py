"""A bilingual glossary of the association's field as synonym groups staff can edit.

The terms members, financiers and staff use for the same thing differ by
language ("carbon border adjustment mechanism", 碳边境调节机制), by habit
("carbon tariff", "CBAM") and by register ("electric car", "new energy
vehicle"): each group below lets any of them find the others. They are the
core vocabulary of carbon markets, energy, carbon accounting and
disclosure, industry, green finance and EOD ecology work, written from the
field's usage, as ordinary `Synonym` rows: staff correct, extend or delete
them like any they add. Groups already there (the same terms) are left as
they are; reversing deletes exactly these.
"""

from django.db import migrations

NOTE = "Glossary group; edit or delete as needed."
GROUPS = [
    # Carbon markets and prices
    ["emissions trading scheme", "emissions trading system", "emissions trading", "carbon trading",
     "carbon market", "ETS", "碳市场", "碳交易", "碳排放权交易", "碳排放权交易市场"],
    ["emission allowance", "carbon allowance", "allowance allocation", "碳排放配额", "配额", "配额分配"],
    ["CCER", "China Certified Emission Reduction", "certified emission reduction", "voluntary emission reduction",
     "国家核证自愿减排量", "核证自愿减排量", "温室气体自愿减排"],
    ["carbon offset", "offset credits", "碳抵消", "抵消"],
    ["compliance obligation", "allowance surrender", "履约", "清缴"],
    ["carbon price", "carbon pricing", "碳价", "碳定价"],
    ["CBAM", "carbon border adjustment mechanism", "carbon border tax", "carbon tariff", "border carbon adjustment",
     "碳边境调节机制", "碳关税", "碳边境税"],
    ["carbon tax", "碳税"],
    ["EU ETS", "EU emissions trading system", "欧盟碳市场", "欧盟碳排放交易体系"],
    # Energy
    ["renewable energy", "renewables", "可再生能源"],
    ["green electricity", "green power", "renewable electricity", "绿电", "绿色电力"],
    ["green electricity certificate", "green certificate", "renewable energy certificate", "REC", "GEC", "绿证",
     "绿色电力证书"],
    ["power purchase agreement", "PPA", "购电协议"],
    ["photovoltaic", "solar PV", "solar power", "光伏", "太阳能发电"],
    ["wind power", "wind energy", "风电", "风力发电"],
    ["offshore wind", "海上风电"],
    ["energy storage", "battery storage", "储能", "新型储能"],
    ["hydrogen", "hydrogen energy", "氢能"],
    ["green hydrogen", "绿氢"],
    ["energy efficiency", "energy saving", "energy conservation", "能效", "节能"],
    ["electrification", "电气化", "电能替代"],
    ["new energy vehicle", "NEV", "electric vehicle", "EV", "electric car", "新能源汽车", "电动汽车"],
    ["energy consumption dual control", "能耗双控"],
    ["carbon emissions dual control", "碳排放双控"],
    ["coal power", "coal-fired power", "煤电"],
    # Accounting and disclosure
    ["greenhouse gas", "GHG", "温室气体"],
    ["carbon dioxide", "CO2", "二氧化碳"],
    ["carbon footprint", "碳足迹"],
    ["product carbon footprint", "PCF", "产品碳足迹"],
    ["life cycle assessment", "LCA", "生命周期评价"],
    ["carbon accounting", "greenhouse gas accounting", "GHG accounting", "emissions inventory", "carbon inventory",
     "碳核算", "温室气体核算", "碳盘查", "碳排放核算"],
    ["verification", "third-party verification", "核查", "第三方核查"],
    ["climate disclosure", "sustainability disclosure", "ESG disclosure", "气候信息披露", "可持续信息披露",
     "ESG信息披露"],
    ["environmental information disclosure", "环境信息披露", "环境信息依法披露"],
    ["net zero", "net-zero emissions", "净零", "净零排放"],
    ["methane", "甲烷"],
    ["nationally determined contribution", "NDC", "国家自主贡献"],
    ["Paris Agreement", "巴黎协定"],
    # Industry
    ["green manufacturing", "绿色制造"],
    ["green industrial park", "green park", "绿色园区", "绿色工业园区"],
    ["green supply chain", "绿色供应链"],
    ["circular economy", "循环经济"],
    ["recycling", "resource recycling", "回收利用", "资源循环利用", "再生利用"],
    ["plastic", "plastics", "塑料"],
    ["eco-design", "ecodesign", "生态设计"],
    ["iron and steel", "steel", "钢铁"],
    ["cement", "水泥"],
    ["aluminium", "aluminum", "电解铝"],
    ["chemical industry", "chemicals", "化工", "化学工业"],
    ["petrochemical", "石化"],
    ["ultra-low emission", "超低排放"],
    # Finance
    ["green finance", "绿色金融"],
    ["green bond", "绿色债券"],
    ["green loan", "green credit", "绿色信贷", "绿色贷款"],
    ["transition finance", "转型金融"],
    ["public-private partnership", "PPP", "政府和社会资本合作"],
    ["financing gap", "funding gap", "融资缺口", "资金缺口"],
    # Ecology and EOD work
    ["ecological restoration", "ecosystem restoration", "生态修复", "生态保护修复"],
    ["soil remediation", "contaminated land remediation", "土壤修复", "土壤污染治理"],
    ["wetland", "湿地"],
    ["river basin", "watershed", "流域"],
    ["black and odorous water", "黑臭水体"],
    ["mine restoration", "mining land reclamation", "mine site rehabilitation", "矿山修复", "矿山生态修复"],
    ["desertification control", "sand control", "防沙治沙", "治沙"],
    ["eco-tourism", "ecotourism", "生态旅游"],
    ["biodiversity", "生物多样性"],
    ["carbon sink", "carbon sinks", "碳汇"],
    ["ecological product value", "生态产品价值实现"],
]  # fmt: skip


def as_terms(group: list[str]) -> str:
    # One term per line, as the admin form asks staff to enter them.
    return "\n".join(group)


def create_groups(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for group in GROUPS:
        Synonym.objects.get_or_create(terms=as_terms(group), defaults={"note": NOTE})


def delete_groups(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(terms__in=[as_terms(group) for group in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_database_index"),
    ]

    operations = [
        migrations.RunPython(create_groups, delete_groups),
    ]

"""The benchmark pathways the methodology starts from, with their published sources.

Staff maintain them afterwards under Members → Benchmark pathways. No sector
intensity pathway is seeded: none is published for the association's sectors
in a form the reports could be compared with.
"""

from decimal import Decimal

from django.db import migrations

from portal.migration_grants import grant

# Pathways change every company's labels: Moderators maintain them, Editors may look.
GRANTS = {
    "Moderators": {"pathway": "add change delete view"},
    "Editors": {"pathway": "view"},
}

PATHWAYS = [
    {
        "code": "1-5c",
        "name_en": "1.5 °C: absolute contraction, 4.2 % a year",
        "name_zh": "1.5°C：绝对减排，每年4.2%",
        "label_en": "Aligned with 1.5 °C",
        "label_zh": "符合1.5°C",
        "kind": "contraction",
        "ambition": 1,
        "annual_rate": Decimal("4.2"),
        "source": "Science Based Targets initiative, SBTi Criteria and Recommendations, version 5.0: "
        "cross-sector absolute contraction of at least 4.2 % of base-year Scope 1+2 emissions a year, linear",
        "source_year": 2021,
        "source_url": "https://sciencebasedtargets.org/",
    },
    {
        "code": "wb2c",
        "name_en": "Well-below 2 °C: absolute contraction, 2.5 % a year",
        "name_zh": "远低于2°C：绝对减排，每年2.5%",
        "label_en": "Below 2 °C",
        "label_zh": "低于2°C",
        "kind": "contraction",
        "ambition": 2,
        "annual_rate": Decimal("2.5"),
        "source": "Science Based Targets initiative, SBTi Criteria and Recommendations, version 4.1: "
        "well-below 2 °C, absolute contraction of at least 2.5 % of base-year emissions a year, linear",
        "source_year": 2020,
        "source_url": "https://sciencebasedtargets.org/",
    },
    {
        "code": "china",
        "name_en": "China: peak by 2030, carbon neutrality by 2060",
        "name_zh": "中国路径：2030年前达峰，2060年前碳中和",
        "label_en": "China pathway",
        "label_zh": "符合中国路径",
        "kind": "peak_then_neutral",
        "ambition": 3,
        "peak_year": 2030,
        "neutral_year": 2060,
        "source": "China’s Achievements, New Goals and New Measures for Nationally Determined Contributions, "
        "submitted to the UNFCCC: CO2 emissions to peak before 2030 and carbon neutrality before 2060",
        "source_year": 2021,
        "source_url": "https://unfccc.int/NDCREG",
    },
]


def seed(apps, schema_editor):
    Pathway = apps.get_model("members", "Pathway")
    for values in PATHWAYS:
        Pathway.objects.update_or_create(code=values["code"], defaults=values)


def unseed(apps, schema_editor):
    apps.get_model("members", "Pathway").objects.filter(code__in=[p["code"] for p in PATHWAYS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0007_pathways_provenance_assessments"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(seed, unseed), grant("members", GRANTS)]

"""The six top-level categories of the Green Bond Endorsed Projects Catalogue (2021 edition), and who keeps them.

Moderators keep the categories; Editors read them (to tag projects with them).

Deeper levels and the Green Finance Support Project Catalogue (2025) are
added by staff from the published texts (Snippets → Green catalogue categories).
"""

from django.db import migrations

from portal.migration_grants import grant

GRANTS = {
    "Moderators": {"greencategory": "add change delete view"},
    "Editors": {"greencategory": "view"},
}
EDITION = "gbepc-2021"
CATEGORIES = [
    ("1", "Energy saving and environmental protection", "节能环保产业"),
    ("2", "Cleaner production", "清洁生产产业"),
    ("3", "Clean energy", "清洁能源产业"),
    ("4", "Ecological environment", "生态环境产业"),
    ("5", "Green upgrade of infrastructure", "基础设施绿色升级"),
    ("6", "Green services", "绿色服务"),
]


def add_categories(apps, schema_editor):
    GreenCategory = apps.get_model("initiatives", "GreenCategory")
    for code, name_en, name_zh in CATEGORIES:
        GreenCategory.objects.get_or_create(
            edition=EDITION, code=code, defaults={"name_en": name_en, "name_zh": name_zh}
        )


def remove_categories(apps, schema_editor):
    GreenCategory = apps.get_model("initiatives", "GreenCategory")
    GreenCategory.objects.filter(edition=EDITION, code__in=[code for code, *_ in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0008_eod_mandate_taxonomy_timeline"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_categories, remove_categories),
        grant("initiatives", GRANTS),
    ]

"""A first few synonym groups that staff can edit in the admin.

The built-in groups (dual carbon, EOD) live in `search.synonyms` and cannot be
changed; these are ordinary `Synonym` rows, so staff can correct, extend or
delete them like any they add themselves. Created only when the same terms are
not there already, so running this on a site whose staff entered them changes
nothing; reversing deletes exactly these groups.
"""

from django.db import migrations

NOTE = "Starter group; edit or delete as needed."
GROUPS = [
    ["carbon market", "emissions trading", "ETS", "碳市场", "碳排放权交易"],
    ["CCUS", "carbon capture", "碳捕集利用与封存"],
    ["green factory", "绿色工厂"],
    ["new energy vehicle", "NEV", "新能源汽车"],
]


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
        ("search", "0004_pending_updates"),
    ]

    operations = [
        migrations.RunPython(create_groups, delete_groups),
    ]

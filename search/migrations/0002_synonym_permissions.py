"""Search synonyms are edited by Moderators; Editors may look at them."""

from django.db import migrations

from portal.migration_grants import grant

GRANTS = {
    "Moderators": {"synonym": "add change delete view"},
    "Editors": {"synonym": "view"},
}


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_entries_and_synonyms"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        grant("search", GRANTS),
    ]

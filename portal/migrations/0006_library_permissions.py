"""Library staff: Editors prepare policy documents; Moderators also publish, unpublish and delete them."""

from django.db import migrations

from portal.migration_grants import grant

GRANTS = {
    "Moderators": {"policydocument": "add change delete view publish"},
    "Editors": {"policydocument": "add change view"},
}


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_policy_briefs_and_library"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        grant("portal", GRANTS),
    ]

"""Event staff see registrations; moderators also correct, cancel and delete them.

Editors (event staff in this association) may view registrations and keep
speakers up to date; Moderators may additionally change and delete
registrations. Nobody is given "add registration": registrations come from
the public form.
"""

from django.db import migrations

from portal.migration_grants import grant

GRANTS = {
    "Moderators": {"registration": "view change delete", "speaker": "add change view"},
    "Editors": {"registration": "view", "speaker": "add change view"},
}


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        grant("initiatives", GRANTS),
    ]

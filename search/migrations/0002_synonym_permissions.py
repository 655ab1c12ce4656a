"""Search synonyms are edited by Moderators; Editors may look at them.

The permissions are created here rather than left to post_migrate, so the
groups can be given them in the same step.
"""

from django.db import migrations

GRANTS = {
    "Moderators": {"synonym": "add change delete view"},
    "Editors": {"synonym": "view"},
}


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="search", model=model)
            for action in actions.split():
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                yield group, permission


def grant_permissions(apps, schema_editor):
    for group, permission in permissions(apps):
        group.permissions.add(permission)


def revoke_permissions(apps, schema_editor):
    for group, permission in permissions(apps):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_entries_and_synonyms"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(grant_permissions, revoke_permissions),
    ]

"""Group permissions given in data migrations, one helper for every app's migrations.

The permissions are created here rather than left to post_migrate, so the
groups can be given them in the same migration that adds the models.
"""

from django.db import migrations


def grant(app_label: str, grants: dict[str, dict[str, str]]) -> migrations.RunPython:
    """An operation giving each group ({"Moderators": {"model": "add change view"}}) those permissions.

    Reversing it takes them away again. Groups that do not exist are skipped.
    """

    def permissions(apps):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for group_name, models in grants.items():
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                continue
            for model, actions in models.items():
                content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
                for action in actions.split():
                    permission, _ = Permission.objects.get_or_create(
                        content_type=content_type,
                        codename=f"{action}_{model}",
                        defaults={"name": f"Can {action} {model}"},
                    )
                    yield group, permission

    def forward(apps, schema_editor):
        for group, permission in permissions(apps):
            group.permissions.add(permission)

    def backward(apps, schema_editor):
        for group, permission in permissions(apps):
            group.permissions.remove(permission)

    return migrations.RunPython(forward, backward)

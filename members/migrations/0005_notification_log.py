"""A send log that makes notification tasks idempotent; moderators manage representatives.

The representative permissions are created here rather than left to
post_migrate, so the Moderators group can be given them in the same step
(as 0003 does for pledges and reports).
"""

from django.db import migrations, models


def grant_representative_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="members", model="representative")
    for action in ("add", "change", "delete", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_representative",
            defaults={"name": f"Can {action} representative"},
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0004_public_change'),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name='NotificationLog',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=200, unique=True, verbose_name='key')),
                ('recipients', models.JSONField(default=list, verbose_name='recipients')),
                ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='sent at')),
            ],
            options={
                'verbose_name': 'notification log entry',
                'verbose_name_plural': 'notification log',
                'ordering': ['-sent_at'],
            },
        ),
        migrations.RunPython(grant_representative_permissions, migrations.RunPython.noop),
    ]

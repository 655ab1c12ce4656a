"""Every pledge and progress report goes through staff review before it is public.

Moderators review and publish; Editors may prepare drafts. The permissions are
created here rather than left to post_migrate, so the groups can be given them
in the same step.
"""

from django.db import migrations

WORKFLOW = "Member data review"
TASK = "Association staff review"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set(Group.objects.filter(name="Moderators"))
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for model in ("pledge", "progressreport"):
        content_type, _ = ContentType.objects.get_or_create(app_label="members", model=model)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


GRANTS = {
    "Moderators": {"pledge": "add change delete view publish", "progressreport": "add change delete view publish",
                   "membercompany": "add change view"},
    "Editors": {"pledge": "add change view", "progressreport": "add change view", "membercompany": "add change view"},
}  # fmt: skip


def grant_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="members", model=model)
            for action in actions.split():
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_membercompany_provinces_plant_pledge_milestone_and_more"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_workflow, remove_workflow),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]

"""A document collection only approved financiers and staff may open.

Its view restriction is what makes an EOD programme document restricted:
Wagtail's own document serve view refuses everyone else, and the programme
page shows the public only how many such documents there are. The
"Financiers" group is created here (without permissions) if it is missing;
approving a financier adds them to it. Editors and Moderators keep the
collection permissions they hold on the root collection.
"""

from django.db import migrations

COLLECTION = "EOD programme documents (financiers only)"
GROUPS = ("Financiers", "Editors", "Moderators")
STEPS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, four characters a level


def _step(number: int) -> str:
    digits = ""
    for _ in range(4):
        number, digit = divmod(number, len(STEPS))
        digits = STEPS[digit] + digits
    return digits


def create_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    collection = Collection.objects.filter(name=COLLECTION, depth=2).first()
    if collection is None:
        # Historical models lack treebeard's API: add the last child by hand.
        last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        number = int(last.path[-4:], 36) + 1 if last else 1
        collection = Collection.objects.create(name=COLLECTION, path=root.path + _step(number), depth=2, numchild=0)
        root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])
    Group.objects.get_or_create(name="Financiers")
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": "groups"}
    )
    restriction.groups.add(*Group.objects.filter(name__in=GROUPS))


def remove_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    collection = Collection.objects.filter(name=COLLECTION, depth=2).first()
    if collection is None:
        return
    apps.get_model("wagtailcore", "CollectionViewRestriction").objects.filter(collection=collection).delete()
    # The documents it holds would go with it; they stay, moved to the root.
    root = Collection.objects.filter(depth=1).order_by("path").first()
    apps.get_model("wagtaildocs", "Document").objects.filter(collection=collection).update(collection=root)
    collection.delete()
    root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0004_eod_programmes"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_collection, remove_collection)]

"""Passages and tags lose the indexes no query reads, which every rebuild paid for on each of their rows.

The entry column of both had an index of its own beside a unique one that starts with it; a passage's digest
had a second index for LIKE (what `db_index` makes on PostgreSQL), and nothing matches digests by pattern.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0012_facet_values_in_row"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchchunk",
            name="digest",
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name="searchchunk",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="chunks",
                to="search.searchentry",
            ),
        ),
        migrations.AlterField(
            model_name="searchtag",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tags",
                to="search.searchentry",
            ),
        ),
        migrations.AddIndex(
            model_name="searchchunk",
            index=models.Index(fields=["digest"], name="search_chunk_digest"),
        ),
    ]

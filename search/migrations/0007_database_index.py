"""The database backend becomes an index: analysed terms in columns, indexed by the database itself.

`SearchEntry` loses its normalised haystack columns (matched with LIKE, a scan)
and gains the analysed terms Elasticsearch holds; PostgreSQL indexes them in a
generated tsvector with a GIN index, SQLite in an FTS5 table kept in step by
triggers (`search.backends.fulltext.install`). Facet values of multi-valued
fields move to `SearchTag` rows, counted in SQL; `SearchChunk` names the
passages that have meaning vectors; `SearchTerm` is the vocabulary spelling
corrections are made from. Entries written before this migration have no
terms: run `manage.py search_rebuild` after upgrading (`search_status` says so).
"""

import django.db.models.deletion
from django.db import migrations, models

from search.backends import fulltext


def install(apps, schema_editor):
    fulltext.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    fulltext.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_embedding"),
    ]

    operations = [
        migrations.RemoveField(model_name="searchentry", name="tags"),
        migrations.RemoveField(model_name="searchentry", name="head"),
        migrations.RemoveField(model_name="searchentry", name="lead"),
        migrations.RemoveField(model_name="searchentry", name="haystack"),
        migrations.AddField(
            model_name="searchentry", name="group", field=models.CharField(blank=True, max_length=80)
        ),
        migrations.AddField(model_name="searchentry", name="title_terms", field=models.TextField(blank=True)),
        migrations.AddField(model_name="searchentry", name="label_terms", field=models.TextField(blank=True)),
        migrations.AddField(model_name="searchentry", name="summary_terms", field=models.TextField(blank=True)),
        migrations.AddField(model_name="searchentry", name="body_terms", field=models.TextField(blank=True)),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("term", models.CharField(max_length=100, unique=True)),
                ("word", models.CharField(max_length=100)),
                ("documents", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="SearchTag",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("facet", models.CharField(max_length=20)),
                ("value", models.CharField(max_length=60)),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="tags", to="search.searchentry"
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["facet", "value", "entry"], name="search_tag_facet_value")],
                "constraints": [
                    models.UniqueConstraint(fields=("entry", "facet", "value"), name="one_tag_per_value")
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchChunk",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("ordinal", models.PositiveSmallIntegerField()),
                ("page", models.PositiveIntegerField(blank=True, null=True)),
                ("digest", models.CharField(db_index=True, max_length=64)),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="chunks", to="search.searchentry"
                    ),
                ),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("entry", "ordinal"), name="one_chunk_per_ordinal")]
            },
        ),
        migrations.RunPython(install, uninstall),
    ]

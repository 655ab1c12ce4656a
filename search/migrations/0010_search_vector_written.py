"""PostgreSQL's `search_vector` becomes a plain column a rebuild writes, instead of a generated one.

A rebuild makes each record's tsvector from the terms analysis has just written (`fulltext.vector_text`),
sparing the database a second parse of every term, which was most of its time in a rebuild. Rows written
one at a time, and records whose terms PostgreSQL parses its own way, get theirs from a trigger running the
generated column's expression. Existing vectors are recomputed by that expression here: no rebuild needed.
"""

from django.db import migrations

from search.backends import fulltext


def install(apps, schema_editor):
    fulltext.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_vector_index"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]

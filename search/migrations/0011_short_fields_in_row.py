"""PostgreSQL: the short fields a search counts and filters by stay in the row (`fulltext.IN_ROW`).

Beside a vector that nearly filled the row, PostgreSQL moved every other field of more than a few bytes to
the TOAST table, the issuer and the key among them, and counting a facet over a broad query fetched each
matching row's value from there. Storage PLAIN keeps them in the row; rows written before are rewritten
here so that theirs come back (an unchanged value would keep pointing to TOAST, hence the concatenation).
"""

from django.db import migrations

from search.backends import fulltext


def keep_in_row(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    fulltext.install(connection)
    rewritten = ", ".join(f'"{column}" = "{column}" || \'\'' for column in fulltext.IN_ROW)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE search_searchentry SET {rewritten}")  # noqa: S608 - constant column names


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0010_search_vector_written"),
    ]

    operations = [migrations.RunPython(keep_in_row, migrations.RunPython.noop)]

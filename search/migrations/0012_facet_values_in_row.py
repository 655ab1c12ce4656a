"""Each entry keeps its multi-valued facets' values in its own row (`SearchEntry.facet_values`).

A search counted a facet such as topics by joining its tags to every match: 73 ms per such facet for a broad
search at 100,000 records, 50 ms from the row the search has read already. Existing
entries get theirs from their tags here: no rebuild needed. On PostgreSQL the column stays in the row, as
the short fields of `fulltext.IN_ROW` do (storage MAIN).
"""

from django.db import migrations, models

from search.backends import fulltext

FROM_TAGS = {
    "postgresql": """
        UPDATE search_searchentry e SET facet_values = x.values
        FROM (
            SELECT entry_id, jsonb_object_agg(facet, names) AS values
            FROM (SELECT entry_id, facet, jsonb_agg(value ORDER BY value COLLATE "C") AS names
                  FROM search_searchtag GROUP BY entry_id, facet) per_facet
            GROUP BY entry_id
        ) x
        WHERE x.entry_id = e.id""",
    "sqlite": """
        UPDATE search_searchentry SET facet_values = (
            SELECT json_group_object(facet, json(names))
            FROM (SELECT facet, json_group_array(value) AS names
                  FROM (SELECT facet, value FROM search_searchtag t
                        WHERE t.entry_id = search_searchentry.id ORDER BY facet, value)
                  GROUP BY facet)
        )
        WHERE EXISTS (SELECT 1 FROM search_searchtag t WHERE t.entry_id = search_searchentry.id)""",
}


def from_tags(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor not in FROM_TAGS:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # In the row, like the short fields (`fulltext.IN_ROW`), before the rows are written again; MAIN rather
            # than PLAIN, since the number of values has no bound: a row that cannot fit a page moves it out.
            cursor.execute("ALTER TABLE search_searchentry ALTER COLUMN facet_values SET STORAGE MAIN")
        cursor.execute(FROM_TAGS[connection.vendor])
    fulltext.install(connection)  # SQLite: the triggers the table lost when Django rebuilt it to add the column


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0011_short_fields_in_row"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="facet_values",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(from_tags, migrations.RunPython.noop),
    ]

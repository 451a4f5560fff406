"""An index for the site search on PostgreSQL.

Wagtail's PostgreSQL search matches `title || body` of each index entry against the
query; its own indexes cover the title and the body apart, so each search read every
entry. This index on the same expression lets PostgreSQL find the matching entries
directly. SQLite searches through its own full-text table and needs nothing.
"""

from django.db import migrations

INDEX = "opstap_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING GIN ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_undelivered_mail"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]

"""Indexes for the queries Wagtail's PostgreSQL search backend makes.

It matches `title || body` against the query (its own indexes cover title and body apart), and
joins the matches to pages on the page's id as text. Without these, every search reads every
entry's vectors and every page, whatever the number of matches.
"""

from django.db import migrations

INDEXES = {
    "search_indexentry_title_body_gin": (
        "wagtailsearch_indexentry USING gin ((title || body))"
    ),
    "search_contentpage_id_as_text": (
        "healthsite_contentpage (((page_ptr_id::varchar(50))::text))"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("healthsite", "0007_index_newest_first"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]

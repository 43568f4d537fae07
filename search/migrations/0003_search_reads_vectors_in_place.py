"""Storage for the queries the site search makes (search/backend.py, IndexSearch).

- Each entry's body vector stays in its row. PostgreSQL moves a row's largest value out of line
  once the row passes 2 kB, and the body vector (not its compressible text, `body_text`) was
  the one moved: ranking then read each match's vector through the TOAST index, half of the
  time of a search for a common word. Kept in place (`STORAGE MAIN`), the text goes out of line
  instead. Existing entries are rewritten to follow.
- An index of the pages that are not live: the site search names them to leave them out, and
  without it would read every page to find the few.
"""

from django.db import migrations

FORWARDS = [
    "ALTER TABLE wagtailsearch_indexentry ALTER COLUMN body SET STORAGE MAIN",
    # A new value for every vector (concatenating nothing), stored by the new rule.
    "UPDATE wagtailsearch_indexentry SET body = body || ''::tsvector",
    "CREATE INDEX IF NOT EXISTS search_page_not_live ON wagtailcore_page (id) WHERE NOT live",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS search_page_not_live",
    "ALTER TABLE wagtailsearch_indexentry ALTER COLUMN body SET STORAGE EXTENDED",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0002_index_title_and_body_together")]

    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS))]

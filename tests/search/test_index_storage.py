"""The search index is stored for the site search's queries (search/migrations/0003)."""

import pytest

from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def column_storage(table, column):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = %s::regclass AND attname = %s",
            [table, column],
        )
        return cursor.fetchone()[0]


def test_body_vectors_stay_in_their_rows_and_their_text_may_leave():
    assert connection.vendor == "postgresql"
    assert column_storage("wagtailsearch_indexentry", "body") == "m"  # main: in the row
    assert column_storage("wagtailsearch_indexentry", "body_text") == "x"  # extended


def test_pages_that_are_not_live_are_found_through_an_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_page_not_live'")
        assert "WHERE (NOT live)" in cursor.fetchone()[0]

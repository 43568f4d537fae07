"""Renditions for content that was never published here (imported, or sizes changed) are made
by a command, so that a reader's visit never writes one."""

from io import StringIO

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model

from tests.site_pages import BACK_PAIN_TYPES, MUSCLE_SPASMS

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def test_the_command_makes_what_pages_show_and_readers_then_write_nothing(client):
    get_image_model().get_rendition_model().objects.all().delete()
    out = StringIO()

    call_command("prepare_renditions", stdout=out)

    assert "Done: renditions ready for" in out.getvalue()
    for url in ["/", BACK_PAIN_TYPES.url, MUSCLE_SPASMS.url, "/people/"]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert not [query for query in queries if query["sql"].startswith("INSERT")], url

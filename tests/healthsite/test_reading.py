"""Reading is read-only and cookie-free: any public page can be cached for everyone."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.loader import site_map

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
PATHS = [path for path, _model in site_map()] + ["/search/?q=back+pain", "/no-such-page/"]


@pytest.mark.parametrize("path", PATHS)
def test_a_readers_visit_sets_no_cookie_and_writes_nothing(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code in (200, 404)
    assert not response.cookies
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]
    assert writes == []

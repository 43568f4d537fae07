"""Search on PostgreSQL, as in production: suggestions for misspellings, falling back to any
word, counts by type, a fixed number of queries, and another backend through Wagtail's API.
(Which pages come first, on any database: test_ranking.py.)"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.generator import generate
from tests.search.test_search import hits
from tests.site_pages import CHAIRS, MATTRESSES, RELIEF_PRODUCTS, SCIATICA, SHOES

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def needs_postgres():
    assert connection.vendor == "postgresql", "relevance tests run on PostgreSQL (DATABASE_URL)"


def test_a_misspelling_gets_a_suggestion(client):
    html = client.get("/search/", {"q": "sciatca"}).content.decode()
    assert "Did you mean" in html and "?q=sciatica" in html


def test_a_word_missing_from_every_page_falls_back_to_any_word(client):
    html = client.get("/search/", {"q": "sciatica zebra"}).content.decode()
    assert "these have some of them" in html
    assert hits(client, "sciatica zebra")[0] == SCIATICA.url


def test_the_type_filter_shows_counts_and_filters(client):
    guides = {
        CHAIRS.url,
        MATTRESSES.url,
        SHOES.url,
        RELIEF_PRODUCTS.url,
    }
    html = client.get("/search/", {"q": "back pain", "type": "product"}).content.decode()
    assert "Product guides (4)" in html and "Conditions (" in html
    assert set(hits(client, "back pain", type="product")) == guides


def search_queries(client, query):
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/search/", {"q": query}).status_code == 200
    return len(captured)


def test_a_search_costs_the_same_number_of_queries_however_many_pages_match(client):
    client.get("/search/", {"q": "warm up"})  # fill caches: synonyms, vocabulary, site root
    before = search_queries(client, "back pain")
    generate(300, log=lambda message: None)
    assert search_queries(client, "back pain") == before


def test_another_search_backend_is_asked_through_wagtails_api(client, settings):
    """When another backend takes over (OpenSearch, README), the site search stops reading the
    database backend's own index entries and asks the backend."""
    with CaptureQueriesContext(connection) as ours:
        first = hits(client, "sciatica")
    assert any("WITH found AS" in query["sql"] for query in ours)
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "modelsearch.backends.database", "SEARCH_CONFIG": "english"}
    }
    with CaptureQueriesContext(connection) as theirs:
        assert hits(client, "sciatica") == first
    assert not any("WITH found AS" in query["sql"] for query in theirs)

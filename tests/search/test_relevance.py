"""Readers find what they meant on the demo site: PostgreSQL full-text search with stemming,
synonyms and title boosts."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from healthsite.demo.generator import generate
from tests.search.test_search import hits

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def needs_postgres():
    assert connection.vendor == "postgresql", "relevance tests run on PostgreSQL (DATABASE_URL)"


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("sciatica", "/specific-back-pain/sciatica/"),
        ("spasm", "/back-pain-types/muscle-spasms/"),
        ("muscle spasms", "/back-pain-types/muscle-spasms/"),
        ("slipped disc", "/specific-back-pain/herniated-disc/"),
        ("chair", "/back-pain-products/chairs/"),
        ("lumbago", "/back-pain-types/lower-back-pain/"),
        ("trapped nerve", "/specific-back-pain/sciatica/"),
        ("crick in the neck", "/back-pain-types/neck-pain/"),
        ("Spinal Stenosis", "/specific-back-pain/spinal-stenosis/"),
        ("mattress", "/back-pain-products/mattresses/"),
        ("whiplash", "/specific-back-pain/whiplash/"),
        ("lifting", "/back-pain-management/lifting-technique/"),
        ("SCIATICA", "/specific-back-pain/sciatica/"),
    ],
)
def test_the_page_readers_mean_comes_first(client, query, first):
    assert hits(client, query)[0] == first


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("exercising", "/back-pain-management/exercises/"),  # stemming
        ("sciatica exercises", "/specific-back-pain/sciatica/"),
        ("stiff neck at work", "/back-pain-types/neck-pain/"),
        ("shoes", "/back-pain-products/shoes/"),
        ("pregnant back pain", "/specific-back-pain/pregnancy/"),
    ],
)
def test_the_page_is_in_the_top_three(client, query, page):
    assert page in hits(client, query)[:3]


def test_a_misspelling_gets_a_suggestion(client):
    html = client.get("/search/", {"q": "sciatca"}).content.decode()
    assert "Did you mean" in html and "?q=sciatica" in html


def test_a_word_missing_from_every_page_falls_back_to_any_word(client):
    html = client.get("/search/", {"q": "sciatica zebra"}).content.decode()
    assert "these have some of them" in html
    assert hits(client, "sciatica zebra")[0] == "/specific-back-pain/sciatica/"


def test_the_type_filter_shows_counts_and_filters(client):
    guides = {
        "/back-pain-products/chairs/",
        "/back-pain-products/mattresses/",
        "/back-pain-products/shoes/",
        "/back-pain-management/relief-products/",
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

"""Readers find what they meant on the demo site, on whichever database it runs: PostgreSQL
(production) and SQLite (`make run`). Full-text search with stemming, synonyms and titles
weighing more than the text."""

import pytest

from tests.search.test_search import hits

pytestmark = pytest.mark.django_db


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
        # A long title is no handicap (it was on SQLite: search/sqlite_backend.py).
        ("back pain when sleeping", "/back-pain-types/back-pain-while-sleeping/"),
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

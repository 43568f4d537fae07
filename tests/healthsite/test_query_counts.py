"""Flat costs: a reader's page takes the same few SQL queries on the demo site and with 2,000
archive pages more, the menu keeps within its limits, and reading never writes to the
database. (The archive is built once for the module: the costliest fixture of the suite.)

Each count is of a cold render: per-process caches (content types, templates) warmed by a first
request, the shared cache (page cache, menu, renditions, site root paths) emptied before the
second. The numbers are exact, so that a change of cost shows, whether meant or not.

One page is also counted with no cache at all (every cache a DummyCache, the page cache's code
running but keeping nothing), as bench/probe.py --uncached times it.
"""

import re
from dataclasses import dataclass

import pytest

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from demo.generator import generate
from healthsite.models import ContentPage
from healthsite.navigation import MENU_LIMIT
from tests.conftest import page_at
from tests.site_pages import (
    A_TO_Z,
    ABOUT,
    BACK_PAIN_TYPES,
    CHAIRS,
    CONTACT,
    MUSCLE_SPASMS,
    NEWSLETTER,
    PILATES_EXERCISES,
    SUBSCRIBE,
    TELL_YOUR_STORY,
    WHATS_NEW,
)

ARCHIVE_PAGES = 2000
QUERIES = {
    "/": 12,
    BACK_PAIN_TYPES.url: 15,
    # Its content shows a drawing beside its hero: StreamField reads the image (one query).
    MUSCLE_SPASMS.url: 19,
    # No drawing in its content since it repeated the hero: no image read for it.
    PILATES_EXERCISES.url: 16,
    CHAIRS.url: 21,
    ABOUT.url: 16,
    CONTACT.url: 17,
    TELL_YOUR_STORY.url: 19,
    "/back-pain-overview/tell-your-story/back-to-the-allotment/": 17,
    NEWSLETTER.url: 13,
    WHATS_NEW.url: 13,
    SUBSCRIBE.url: 13,
    A_TO_Z.url: 13,
    "/site-map/": 6,
    "/people/alex-morgan/": 8,
    "/search/autocomplete/?q=sci": 6,
    "/feed/": 7,
    "/feed/atom/": 7,
    "/feed/json/": 7,
    "/back-pain-types/feed/": 7,
}
# The muscle spasms page with every cache a DummyCache: what the menu, the fragments, the site's
# lookups and the page cache would have kept is read again. Being lowered: keep it in step.
UNCACHED_URL = MUSCLE_SPASMS.url
UNCACHED_QUERIES = 19  # 20 until the newsletter and Subscribe pages were read together
# seo.sitemaps.PageSitemap reads all pages in one query (Wagtail's reads each type), with the
# newest page's date for What's New; the people and the site's views are read in one more.
SITEMAP = pytest.param("/sitemap.xml", 6)
# Search is counted on PostgreSQL, whose full-text search production uses: the pages readers
# may not see (one query, by the site's one rule), the counts with the first page of hits in
# one pass, and for a later page its hits.
SEARCH_QUERIES = {
    "/search/?q=sciatica": 14,
    "/search/?q=sciatica&page=2": 15,
}
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)

pytestmark = pytest.mark.django_db


@dataclass
class Reading:
    """An anonymous GET of a URL: its status and the SQL it ran."""

    status: int
    statements: list
    html: str


def read(url):
    client = Client()
    client.get(url)  # warms the per-process caches
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    statements = [query["sql"] for query in captured.captured_queries]
    return Reading(response.status_code, statements, response.content.decode())


def read_uncached(url):
    dummy = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in settings.CACHES
    }
    # The page cache on, as in production, so that its code runs too.
    with override_settings(CACHES=dummy, PAGE_CACHE_SECONDS=300):
        return read(url)


def read_all():
    urls = [*QUERIES, "/sitemap.xml"]
    if connection.vendor == "postgresql":
        urls += SEARCH_QUERIES
    readings = {url: read(url) for url in urls}
    readings[f"uncached {UNCACHED_URL}"] = read_uncached(UNCACHED_URL)
    return readings


@pytest.fixture(scope="module")
def readings(django_db_setup, django_db_blocker):
    """{url: (reading on the demo site, reading with the archive added)}. One transaction,
    rolled back at the end: the archive leaves nothing behind for other modules."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            before = read_all()
            generate(ARCHIVE_PAGES, log=lambda message: None)
            # Checked once here: otherwise every test's teardown checks the archive's deferred
            # constraints again (seconds each on PostgreSQL).
            connection.check_constraints()
            after = read_all()
            yield {url: (before[url], after[url]) for url in before}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def listing(reading):
    return "\n".join(reading.statements)


def check_flat(readings, url, expected):
    before, after = readings[url]
    assert before.status == after.status == 200
    counts = (len(before.statements), len(after.statements))
    assert counts == (expected, expected), f"{url}: {counts}, with the archive:\n{listing(after)}"


@pytest.mark.parametrize(("url", "expected"), [*QUERIES.items(), SITEMAP])
def test_a_page_costs_the_same_few_queries_at_any_size(readings, url, expected):
    check_flat(readings, url, expected)


def test_a_page_with_no_cache_at_all_costs_the_same_queries_at_any_size(readings):
    check_flat(readings, f"uncached {UNCACHED_URL}", UNCACHED_QUERIES)


@pytest.mark.postgres
@pytest.mark.parametrize(("url", "expected"), SEARCH_QUERIES.items())
def test_search_costs_the_same_few_queries_at_any_size(readings, url, expected):
    assert connection.vendor == "postgresql", "search is counted on PostgreSQL (DATABASE_URL)"
    check_flat(readings, url, expected)


def main_menu(html):
    return html.split('aria-label="Main"')[1].split("</nav>")[0]


def test_the_menu_stays_within_its_limits_with_the_archive(readings, client):
    """Archive pages stay out of the menus; shown there, a section lists MENU_LIMIT of them
    and a link to the rest."""
    before, after = readings["/"]
    assert main_menu(after.html) == main_menu(before.html)

    section = page_at(BACK_PAIN_TYPES.url)
    children = ContentPage.objects.child_of(section).filter(owner__username="content-generator")
    ContentPage.objects.filter(pk__in=children.values("pk")[:40]).update(show_in_menus=True)
    menu = main_menu(client.get("/").content.decode())
    part = menu.split('href="/back-pain-types/"', 1)[1].split('href="/back-pain-management/"')[0]
    assert part.count("<li>") == MENU_LIMIT + 1  # 15 pages and the "more" link
    assert "More in Back Pain Types" in part


def test_reading_writes_nothing(readings):
    writes = {
        url: [sql for reading in pair for sql in reading.statements if WRITE.match(sql)]
        for url, pair in readings.items()
    }
    assert {url: found for url, found in writes.items() if found} == {}

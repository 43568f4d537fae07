"""Links to pages in rich text: wherever they sit in a page's content (a paragraph, a list
item, a callout, any of a condition page's sections), readers get each page's address, and the
pages are fetched at once whatever the number of links."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from tests.conftest import page_at
from tests.site_pages import ABOUT, CHAIRS, HIP_PAIN, MUSCLE_SPASMS, SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
TARGETS = [SCIATICA, CHAIRS, HIP_PAIN, ABOUT]


def link(target, text):
    """A link to a page as the editor stores it."""
    return f'<a id="{page_at(target.url).pk}" linktype="page">{text}</a>'


def show(targets):
    """Muscle spasms, published with a link to each of `targets`: in a paragraph of its
    overview, in list items and a callout of its causes. The page as a reader gets it."""
    page = page_at(MUSCLE_SPASMS.url)
    first, *rest = targets
    page.overview = [("paragraph", f"<p>See {link(first, first.title)}.</p>")]
    page.causes = [
        ("numbered_list", [f"<p>{link(target, target.title)}</p>" for target in rest[:2]]),
        (
            "callout",
            {
                "kind": "tip",
                "title": "",
                "text": "".join(f"<p>{link(t, t.title)}</p>" for t in rest[2:]),
            },
        ),
    ]
    page.save_revision().publish()


def links_in(client):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(MUSCLE_SPASMS.url).content.decode()
    main = BeautifulSoup(html, "html.parser").main
    return {a.get_text(): a["href"] for a in main.find_all("a", href=True)}, len(queries)


def test_links_anywhere_in_the_content_take_each_page_address(client):
    show(TARGETS)
    found, _ = links_in(client)
    for target in TARGETS:
        assert found[target.title] == target.url


def test_the_pages_linked_are_fetched_at_once_however_many(client, settings):
    settings.CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in settings.CACHES
    }
    show(TARGETS[:1])
    _, one = links_in(client)
    show(TARGETS)
    _, four = links_in(client)
    assert four == one


def test_a_page_type_that_makes_its_own_urls_is_asked_for_them(client, monkeypatch):
    """Links read pages as plain pages, except those of a type that says how its URL is made
    (Wagtail's get_url_parts)."""
    show(TARGETS)

    def get_url_parts(self, request=None):
        site_id, root_url, path = Page.get_url_parts(self, request)
        return site_id, root_url, "/elsewhere" + path

    monkeypatch.setattr(type(page_at(ABOUT.url)), "get_url_parts", get_url_parts, raising=False)
    found, _ = links_in(client)
    assert found[ABOUT.title] == "/elsewhere" + ABOUT.url
    assert found[SCIATICA.title] == SCIATICA.url

"""A page behind a login or a password is left out of everything that lists pages for readers
(the section's listing, the menu, the home page, What's New, the site map, the feeds), by the
one rule of what readers may see (`.live().public()`), not only of search."""

import re

import pytest

from wagtail.models import PageViewRestriction

from tests.conftest import page_at
from tests.site_pages import ABOUT, BACK_PAIN_TYPES, MUSCLE_SPASMS, WHATS_NEW

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

PRIVATE = MUSCLE_SPASMS.url
WHERE_LISTED = [
    BACK_PAIN_TYPES.url,
    "/",
    WHATS_NEW.url,
    "/site-map/",
    "/feed/",
    ABOUT.url,
]


def listed(client, path):
    """The addresses `path` lists: its menus, cards and lists of pages (not links an editor
    wrote in the text)."""
    html = client.get(path).content.decode()
    if path == "/feed/":
        return "".join(re.findall(r"<link>[^<]*</link>", html))
    if path == "/site-map/":
        return html
    parts = re.findall(r"<nav\b.*?</nav>", html, re.S)
    parts += re.findall(r'class="card__title"><a href="[^"]+"', html)
    return "".join(parts)


@pytest.mark.parametrize("restriction", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_a_private_page_is_listed_nowhere_for_readers(client, restriction):
    shown_before = {path: PRIVATE in listed(client, path) for path in WHERE_LISTED}
    assert all(shown_before.values()), shown_before

    PageViewRestriction.objects.create(
        page=page_at(PRIVATE), restriction_type=restriction, password="a long secret"
    )

    for path in WHERE_LISTED:
        assert PRIVATE not in listed(client, path), path
    assert client.get(PRIVATE).status_code in (200, 302)  # the login or password form

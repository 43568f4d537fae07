"""What's New lists what changed; Subscribe and every page lead feed readers to the feeds."""

import re

import pytest

from tests.conftest import page_at
from tests.site_pages import ABOUT, BACK_PAIN_TYPES, BURSITIS, MUSCLE_SPASMS, SUBSCRIBE, WHATS_NEW

pytestmark = pytest.mark.django_db


def alternates(client, path):
    html = client.get(path).content.decode()
    return re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">', html)


def test_whats_new_lists_the_newest_pages_with_dates_and_notes(client):
    html = client.get(WHATS_NEW.url).content.decode()
    items = html.split('class="whats-new__item"')[1:]
    assert len(items) == 20  # then the next page
    assert 'href="/back-pain-management/lifting-technique/"' in items[0]
    assert "Published" in items[0]
    updated = next(item for item in items if BURSITIS.url in item)
    assert "Updated" in updated and "infected bursa" in updated
    assert "Page 1 of 2" in html
    assert client.get(WHATS_NEW.url, {"page": 2}).status_code == 200


def test_whats_new_links_the_feeds_and_the_subscribe_page(client):
    html = client.get(WHATS_NEW.url).content.decode()
    for url in ("/feed/", "/feed/atom/", "/feed/json/", SUBSCRIBE.url):
        assert f'href="{url}"' in html


@pytest.mark.parametrize(
    ("page", "answer"), [("-1", 301), ("abc", 301), ("1", 301), ("0002", 301), ("99999", 404)]
)
def test_whats_new_answers_odd_page_numbers_at_its_canonical_address_or_not_at_all(
    client, page, answer
):
    response = client.get(WHATS_NEW.url, {"page": page})
    assert response.status_code == answer
    if answer == 301:
        assert response["Location"] in (WHATS_NEW.url, "/whats-new/?page=2")
        assert client.get(response["Location"]).status_code == 200


def test_every_page_announces_the_site_feeds(client):
    for path in ("/", ABOUT.url, "/search/?q=back", "/no-such-page/"):
        assert ("application/rss+xml", "/feed/") in alternates(client, path)
        assert ("application/atom+xml", "/feed/atom/") in alternates(client, path)
        assert ("application/feed+json", "/feed/json/") in alternates(client, path)


def test_section_pages_and_their_pages_announce_the_section_feeds(client):
    for path in (BACK_PAIN_TYPES.url, MUSCLE_SPASMS.url):
        assert ("application/rss+xml", "/back-pain-types/feed/") in alternates(client, path)
    assert ("application/rss+xml", "/back-pain-types/feed/") not in alternates(client, "/")


def test_subscribe_offers_every_feed_with_one_click_readers(client):
    html = client.get(SUBSCRIBE.url).content.decode()
    assert "feed reader" in html
    assert "http://testserver/feed/" in html and "http://testserver/back-pain-types/feed/" in html
    assert "https://feedly.com/i/subscription/feed/http%3A%2F%2Ftestserver%2Ffeed%2F" in html
    assert "https://www.inoreader.com/?add_feed=" in html


def test_the_footer_links_the_subscribe_page_while_it_is_live(client):
    assert 'href="/subscribe/">Subscribe to this site' in client.get("/").content.decode()
    page_at(SUBSCRIBE.url).unpublish()
    assert "Subscribe to this site" not in client.get("/").content.decode()

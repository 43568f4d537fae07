"""What feed readers see of a change: a significant update is an item of its own, a typo fix
is no news, and a feed's date follows its content so that "has it changed?" is answered right."""

import json
import re
from datetime import timedelta
from email.utils import parsedate_to_datetime

import feedparser
import pytest

from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from wagtail.models import Page

from healthsite.models import ContentPage
from tests.articles.test_significant_update import edit
from tests.conftest import page_at
from tests.site_pages import ABOUT, HEADACHES, LEARN_MORE, SUBSCRIBE, WHATS_NEW

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    """A reader (admin_client signs in pytest-django's own client): answered by the page
    cache as readers are."""
    return Client()


PATH = HEADACHES.url  # first published in 2024, never updated
SECTION = "/specific-back-pain"
NOTE = "Added advice on driving."
XML_FEEDS = ["/feed/", "/feed/atom/", f"{SECTION}/feed/", f"{SECTION}/feed/atom/"]


def entries(client, url):
    response = client.get(url, {"limit": 50})
    assert response.status_code == 200
    if url.endswith("json/"):
        return [
            {**item, "published": item["date_published"], "link": item["url"]}
            for item in json.loads(response.content)["items"]
        ]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return [
        {**entry, "published": entry.published, "content_html": entry.content[0].value}
        for entry in feed.entries
    ]


def items_of(client, url, path=PATH):
    """(id, title, date) of the items about the page at `path`."""
    return {
        (entry["id"], entry["title"], entry["published"])
        for entry in entries(client, url)
        if entry["link"].endswith(path)
    }


@pytest.mark.parametrize("url", [*XML_FEEDS, "/feed/json/", f"{SECTION}/feed/json/"])
def test_a_significant_update_is_a_new_item_and_the_first_one_stays(admin_client, client, url):
    before = items_of(client, url)
    (first_id, title, _date) = next(item for item in before if not item[1].startswith("Updated"))
    page = page_at(PATH)

    assert edit(admin_client, page, significant=True, note=NOTE).status_code == 302

    after = entries(client, url)
    update = after[0]
    assert update["title"] == f"Updated: {title}" and update["link"].endswith(PATH)
    assert update["id"].startswith(first_id + "/update-")
    assert update["id"] not in {item[0] for item in before}
    assert NOTE in update["summary"] and NOTE in update["content_html"]
    assert "What it is." in update["content_html"]  # the text as published now
    assert (first_id, title) in {(item[0], item[1]) for item in items_of(client, url)}
    assert [item for item in before if item[0] == first_id] == [
        item for item in items_of(client, url) if item[0] == first_id
    ]  # the first item keeps its date too
    # Published again as it is (a review's stamp, say): no news.
    ContentPage.objects.get(pk=page.pk).specific.save_revision().publish()
    assert entries(client, url)[0]["id"] == update["id"]
    # A second significant update is new again; the first update's item makes way for it.
    edit(admin_client, page_at(PATH), significant=True, note="More.")
    newest = entries(client, url)[0]
    assert newest["id"].startswith(first_id + "/update-") and newest["id"] != update["id"]


@pytest.mark.parametrize("url", [*XML_FEEDS, "/feed/json/"])
def test_a_typo_fix_or_a_review_is_no_news(admin_client, client, url):
    before = [(entry["id"], entry["title"], entry["published"]) for entry in entries(client, url)]
    page = page_at(PATH)

    edit(admin_client, page, significant=False, summary="Headaches, without the typo.")
    page = page_at(PATH)
    page.last_reviewed = timezone.localdate()
    page.save_revision().publish()  # a routine review: stamped, not significant

    after = entries(client, url)
    assert [(entry["id"], entry["title"], entry["published"]) for entry in after] == before
    fixed = next(entry for entry in after if entry["link"].endswith(PATH))
    assert "Headaches, without the typo." in fixed["summary"]  # the text is the published one


def test_an_update_soon_after_publication_shows_its_note(admin_client, client):
    page = page_at(PATH)
    days_ago = timezone.now() - timedelta(days=10)
    Page.objects.filter(pk=page.pk).update(first_published_at=days_ago)
    ContentPage.objects.filter(pk=page.pk).update(last_updated=days_ago)

    edit(admin_client, page_at(PATH), significant=True, note=NOTE)

    html = client.get(PATH).content.decode()
    assert f"What changed: {NOTE}" in html
    whats_new = client.get(WHATS_NEW.url).content.decode()
    first = whats_new.split('class="whats-new__item"')[1].split("</li>")[0]
    assert f'href="{PATH}"' in first and NOTE in first
    update = entries(client, "/feed/")[0]
    assert update["title"].startswith("Updated: ") and NOTE in update["summary"]


def test_a_draft_update_reaches_no_feed(admin_client, client):
    before = entries(client, "/feed/atom/")
    page = page_at(PATH)
    page.significant_update, page.change_note = True, "Not reviewed yet."
    page.save_revision()  # a draft, never published
    assert entries(client, "/feed/atom/") == before


def http_date(response):
    return parsedate_to_datetime(response["Last-Modified"])


@pytest.mark.parametrize("url", [*XML_FEEDS, "/feed/json/", f"{SECTION}/feed/json/"])
def test_if_modified_since_alone_gets_the_routine_edit(admin_client, client, url):
    first = client.get(url)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    edit(admin_client, page_at(PATH), significant=False, summary="Headaches, without the typo.")

    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert "Headaches, without the typo." in again.content.decode()
    assert http_date(again) > http_date(first) and again["ETag"] != first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=again["Last-Modified"]).status_code == 304


def test_a_page_taken_away_moves_the_feeds_date(client):
    first = client.get("/feed/")
    page_at(PATH).unpublish()
    again = client.get("/feed/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200 and PATH not in again.content.decode()


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/feed/json/"])
def test_the_feed_is_dated_by_its_content_in_the_header_and_the_body(client, url):
    response = client.get(url)
    body = response.content.decode()
    modified = http_date(response)
    newest = max(page.last_published_at for page in ContentPage.objects.newest()[:20]).replace(
        microsecond=0
    )
    assert modified == newest
    if url == "/feed/":
        assert f"<lastBuildDate>{response['Last-Modified'].replace('GMT', '+0000')}" in body


def test_an_empty_section_feed_is_valid_dated_by_its_section_and_not_advertised(client):
    section = page_at(LEARN_MORE.url)
    dates = set()
    for url in ("/learn-more/feed/", "/learn-more/feed/atom/", "/learn-more/feed/json/"):
        for _ in range(2):
            cache.clear()  # its entry expired: made again, with the same date
            response = client.get(url)
            assert response.status_code == 200
            dates.add(response["Last-Modified"])
        if not url.endswith("json/"):
            feed = feedparser.parse(response.content)
            assert not feed.bozo and not feed.entries
    assert len(dates) == 1
    assert http_date(response) == section.last_published_at.replace(microsecond=0)

    head = client.get(ABOUT.url).content.decode().split("</head>")[0]
    assert "/learn-more/feed/" not in head and 'href="/feed/"' in head
    assert "/learn-more/feed/" not in client.get(LEARN_MORE.url).content.decode()
    subscribe = client.get(SUBSCRIBE.url).content.decode()
    assert "/learn-more/feed/" not in subscribe and "/back-pain-types/feed/" in subscribe


def test_the_rss_self_link_says_its_type(client):
    for url in ("/feed/", f"{SECTION}/feed/"):
        body = client.get(url).content.decode()
        links = re.findall(r"<atom:link [^>]*>", body)
        assert len(links) == 1
        assert 'rel="self"' in links[0] and 'type="application/rss+xml"' in links[0]
        assert f'href="http://testserver{url}"' in links[0]

"""RSS, Atom and JSON feeds that strict feed readers accept: valid, stable, full, cacheable."""

import json
from pathlib import Path

import feedparser
import pytest

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from demo.generator import generate
from healthsite.models import ContentPage
from tests.conftest import page_at
from tests.site_pages import LIFTING_TECHNIQUE, MUSCLE_SPASMS, SPECIFIC_BACK_PAIN

pytestmark = pytest.mark.django_db
XML_FEEDS = ["/feed/", "/feed/atom/", "/back-pain-types/feed/", "/back-pain-types/feed/atom/"]
ALL_FEEDS = [*XML_FEEDS, "/feed/json/", "/back-pain-types/feed/json/"]


def parse(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    if url.endswith("json/"):
        return json.loads(response.content)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def entry_for(feed, title):
    return next(entry for entry in feed.entries if entry.title == title)


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/feed/", "application/rss+xml; charset=utf-8"),
        ("/feed/atom/", "application/atom+xml; charset=utf-8"),
        ("/feed/json/", "application/feed+json; charset=utf-8"),
        ("/back-pain-types/feed/", "application/rss+xml; charset=utf-8"),
    ],
)
def test_feeds_have_the_right_content_type_and_caching_headers(client, url, content_type):
    response = client.get(url)
    assert response["Content-Type"] == content_type
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert not response.cookies


@pytest.mark.parametrize("url", XML_FEEDS)
def test_xml_feeds_parse_cleanly_with_authors_dates_and_full_content(client, url):
    feed = parse(client, url)
    assert len(feed.entries) >= 5
    for entry in feed.entries:
        assert entry.title and entry.link.startswith("http://testserver/")
        assert entry.author == "Alex Morgan"
        assert entry.published_parsed and entry.updated_parsed
        assert entry.id.startswith("tag:testserver,")
        assert entry.content[0].value.strip()
    dates = [entry.updated_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_the_site_feed_holds_the_newest_twenty_pages_in_full(client):
    feed = parse(client, "/feed/")
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Lifting Technique"  # published days ago
    muscle = page_at(MUSCLE_SPASMS.url)
    # Its latest significant update (2025) is in the newest 50 items; its first publication
    # is not.
    entry = entry_for(parse(client, "/feed/", limit=50), "Updated: Muscle Spasms")
    html = entry.content[0].value
    assert "When to seek medical help" in html and "Get emergency help now" in html
    assert 'href="/' not in html and 'src="/' not in html  # every link absolute
    assert 'href="http://testserver/pilates-exercises/"' in html
    assert entry.summary.endswith(muscle.summary)
    assert {tag.term for tag in entry.tags} >= {"Back Pain Types"}


def test_items_carry_the_content_without_wrappers_or_indentation(client):
    html = entry_for(parse(client, "/feed/", limit=50), "Updated: Muscle Spasms").content[0].value
    assert "<h2" in html and "<ol" in html  # the content's own markup
    assert "w-block-" not in html  # no wrapper around each block
    assert "\n " not in html  # nor the templates' indentation


def test_a_section_feed_holds_only_that_section(client):
    feed = parse(client, "/specific-back-pain/feed/")
    assert feed.entries
    assert all(SPECIFIC_BACK_PAIN.url in entry.link for entry in feed.entries)
    assert feed.feed.title.startswith("Specific Back Pain")


def test_hero_images_travel_as_enclosures_with_length_and_type(client):
    entry = entry_for(parse(client, "/feed/"), "Lifting Technique")
    enclosure = entry.enclosures[0]
    assert enclosure.href.startswith("http://testserver/media/")
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 1000
    assert client.get(enclosure.href.removeprefix("http://testserver")).status_code == 200


def test_a_missing_image_file_leaves_its_item_without_an_enclosure(client):
    enclosure = entry_for(parse(client, "/feed/"), "Lifting Technique").enclosures[0]
    image = Path(settings.MEDIA_ROOT) / enclosure.href.removeprefix("http://testserver/media/")
    kept = image.read_bytes()
    image.unlink()
    try:
        for url in ("/feed/", "/feed/atom/", "/feed/json/"):
            assert client.get(url).status_code == 200
        assert not entry_for(parse(client, "/feed/"), "Lifting Technique").enclosures
    finally:
        image.write_bytes(kept)  # for the other tests


def test_json_feed_has_the_fields_its_spec_requires(client):
    feed = parse(client, "/feed/json/")
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] and feed["feed_url"].endswith("/feed/json/")
    assert len(feed["items"]) == 20
    for item in feed["items"]:
        assert item["id"] and item["url"].startswith("http://testserver/")
        assert item["content_html"] and item["title"]
        assert item["date_published"] and item["date_modified"]
        assert item["authors"] == [{"name": "Alex Morgan"}]
    with_image = [item for item in feed["items"] if "attachments" in item]
    assert with_image and with_image[0]["attachments"][0]["mime_type"] == "image/jpeg"


def test_the_id_survives_a_new_title_and_slug(client):
    before = entry_for(parse(client, "/feed/atom/"), "Lifting Technique").id
    page = page_at(LIFTING_TECHNIQUE.url)
    page.title, page.slug = "Lifting Safely", "lifting-safely"
    page.save_revision().publish()
    after = entry_for(parse(client, "/feed/atom/"), "Lifting Safely")
    assert after.id == before and after.link.endswith("/lifting-safely/")


def test_a_conditional_request_gets_304(client):
    response = client.get("/feed/")
    again = client.get("/feed/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and not again.content
    since = client.get("/feed/atom/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304


@pytest.mark.parametrize("character", ["\x0b", "\x1b", "\x0c"])
def test_control_characters_pasted_from_a_word_processor_keep_the_feed_valid(client, character):
    page = page_at(LIFTING_TECHNIQUE.url)
    page.title = f"Lifting{character} Technique"
    page.summary = f"Lift{character} well."
    page.save_revision().publish()
    for url in XML_FEEDS[:2]:
        assert entry_for(parse(client, url), "Lifting Technique")
    assert parse(client, "/feed/json/")["items"][0]["title"] == "Lifting Technique"


def test_an_unpublished_page_leaves_the_feed(client):
    page_at(LIFTING_TECHNIQUE.url).unpublish()
    titles = [entry.title for entry in parse(client, "/feed/", limit=50).entries]
    assert "Lifting Technique" not in titles


def test_a_page_in_a_private_section_never_appears(client):
    section = page_at(SPECIFIC_BACK_PAIN.url)
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    links = [entry.link for entry in parse(client, "/feed/", limit=50).entries]
    assert not [link for link in links if SPECIFIC_BACK_PAIN.url in link]
    assert client.get("/specific-back-pain/feed/").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "5"},
        {"limit": "100000"},
        {"limit": "-3"},
        {"limit": "abc"},
        {"limit": ""},
        {"page": "2", "format": "xml", "q": "<script>"},
        {"callback": "evil"},
    ],
)
@pytest.mark.parametrize("url", ALL_FEEDS)
def test_odd_parameters_never_break_a_feed(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    count = len(parse(client, url, **params)["items" if url.endswith("json/") else "entries"])
    assert count == (5 if params.get("limit") == "5" else count) and count <= 50


def test_unknown_sections_are_not_found(client):
    assert client.get("/no-such-section/feed/").status_code == 404
    assert client.get("/learn-more/about/feed/").status_code == 404


def feed_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, {"limit": 50}).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/feed/", "/feed/json/", "/back-pain-types/feed/atom/"])
def test_a_feed_costs_the_same_number_of_queries_however_many_items(client, url):
    client.get(url)  # fills the caches every request shares (the sites' root paths)
    few = feed_queries(client, url + "?limit=2")
    many = feed_queries(client, url)
    assert few == many
    generate(120, log=lambda message: None)
    assert ContentPage.objects.count() > 150
    assert feed_queries(client, url) == many

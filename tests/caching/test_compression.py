"""Readers' pages, feeds, JSON and XML go out compressed, brotli where the reader asks for it and
gzip otherwise, with `Vary: Accept-Encoding`; the admin and signed-in editors get them as they
are (BREACH). The page cache keeps at most three copies of an address (brotli, gzip, plain),
whatever Accept-Encoding headers readers send, and conditional requests keep working."""

import gzip
import re

import brotli
import pytest
import redis

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site_pages import MUSCLE_SPASMS

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

SPASMS = MUSCLE_SPASMS.url
BROWSER = "gzip, deflate, br, zstd"  # Chromium's
# The signed time a form was shown at, different in every page made (privacy/public_forms.py).
# Signed values carry the second they were made in: two renders differ there alone.
FORM_STARTED = re.compile(rb'(name="newsletter-(?:form_started|wording)" value=")[^"]*"')
# Twenty ways clients word Accept-Encoding, and the coding each is answered in.
HEADERS = {
    "gzip, deflate, br, zstd": "br",
    "gzip, deflate, br": "br",
    "br, gzip": "br",
    "br;q=1.0, gzip;q=0.8, *;q=0.1": "br",
    "BR": "br",
    "br": "br",
    "*": "br",
    "gzip, br;q=0.5": "gzip",
    "gzip, deflate": "gzip",
    "deflate, gzip": "gzip",
    "gzip": "gzip",
    "x-gzip, gzip;q=0.9": "gzip",
    "br;q=0, gzip": "gzip",
    "gzip ; q=0.7, identity": "gzip",
    "": None,
    "identity": None,
    "deflate": None,
    "compress, zstd": None,
    "gzip;q=0, br;q=0": None,
    "br;q=abc, gzip;q=2": None,
}


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def decoded(response):
    """The body as the reader's client reads it."""
    coding = response.get("Content-Encoding")
    if coding == "br":
        return brotli.decompress(response.content)
    if coding == "gzip":
        return gzip.decompress(response.content)
    assert coding is None, coding
    return response.content


def same_page(body):
    return FORM_STARTED.sub(rb"\1-\"", body)


def get(client, url, coding_header, **headers):
    """The response, and whether it came from the page cache (no SQL at all)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_ACCEPT_ENCODING=coding_header, **headers)
    return response, len(queries) == 0


@pytest.mark.parametrize(
    "url",
    [
        SPASMS,
        "/",
        "/feed/",
        "/feed/atom/",
        "/feed/json/",
        "/back-pain-types/feed/",
        "/sitemap.xml",
        "/search/autocomplete/?q=back",
    ],
)
def test_readers_get_pages_feeds_json_and_xml_compressed_as_their_client_asks(client, url):
    plain = client.get(url)
    assert plain.status_code == 200 and not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in plain["Vary"]
    for header, coding in [(BROWSER, "br"), ("gzip, deflate", "gzip")]:
        response = client.get(url, HTTP_ACCEPT_ENCODING=header)
        assert response.status_code == 200
        assert response["Content-Encoding"] == coding
        assert "Accept-Encoding" in response["Vary"]
        assert int(response["Content-Length"]) == len(response.content)
        assert same_page(decoded(response)) == same_page(plain.content)
        if len(plain.content) > 5000:
            assert len(response.content) < len(plain.content) / 3, (url, coding)


@pytest.mark.parametrize(("header", "coding"), HEADERS.items())
def test_the_coding_follows_what_the_client_accepts_and_prefers(client, header, coding):
    response = client.get("/feed/", HTTP_ACCEPT_ENCODING=header)
    assert response.get("Content-Encoding") == coding
    assert b"<rss" in decoded(response)


def test_signed_in_editors_and_the_admin_get_answers_uncompressed(admin_client):
    for url in [SPASMS, "/admin/"]:
        response = admin_client.get(url, HTTP_ACCEPT_ENCODING=BROWSER)
        assert response.status_code == 200, url
        assert not response.has_header("Content-Encoding"), url


def test_the_admins_sign_in_page_is_never_compressed(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")


def test_a_page_from_the_cache_comes_compressed_as_kept_and_answers_conditional_requests(
    client, page_cache_on
):
    first, from_cache = get(client, SPASMS, BROWSER)
    assert not from_cache and first["Content-Encoding"] == "br"
    again, from_cache = get(client, SPASMS, BROWSER)
    assert from_cache
    assert again.content == first.content and again["Content-Encoding"] == "br"
    assert "Accept-Encoding" in again["Vary"]
    # Weak: the same validator for the page in every coding (RFC 9110, 8.8.1).
    assert again["ETag"].startswith('W/"')

    not_modified, from_cache = get(client, SPASMS, BROWSER, HTTP_IF_NONE_MATCH=again["ETag"])
    assert not_modified.status_code == 304 and from_cache
    assert "Accept-Encoding" in not_modified["Vary"]
    head = client.head(SPASMS, HTTP_ACCEPT_ENCODING=BROWSER)
    assert head["ETag"] == again["ETag"] and head["Content-Length"] == again["Content-Length"]
    assert head["Content-Encoding"] == "br" and head.content == b""


def test_a_feeds_validator_outlives_its_cached_copy_in_every_coding(client, page_cache_on):
    etags = {
        header: client.get("/feed/", HTTP_ACCEPT_ENCODING=header)["ETag"] for header in HEADERS
    }
    assert etags[BROWSER] == etags["gzip"] == "W/" + etags["identity"]
    cache.clear()  # the feed's copies expired: made and compressed again

    for header, etag in etags.items():
        response = client.get("/feed/", HTTP_ACCEPT_ENCODING=header, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304, header


def test_the_page_cache_keeps_at_most_three_copies_of_an_address(client, page_cache_on):
    made = set()
    for header, coding in HEADERS.items():
        response, from_cache = get(client, SPASMS, header)
        assert response.status_code == 200
        assert response.get("Content-Encoding") == coding, header
        if not from_cache:
            made.add(coding)
    assert made == {"br", "gzip", None}  # each made once, then served from the cache


def test_in_redis_too_the_page_cache_keeps_three_copies_of_an_address(
    client, page_cache_on, settings, redis_server
):
    _process, port = redis_server
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        },
    }
    for header in HEADERS:
        for url in (SPASMS, "/feed/"):
            assert client.get(url, HTTP_ACCEPT_ENCODING=header).status_code == 200

    keys = redis.Redis(port=port).scan_iter("*page-cache:response:*")
    kept = sorted(key.decode() for key in keys)
    assert len(kept) == 6, kept
    for url in (SPASMS, "/feed/"):
        codings = {
            re.search(r"page-cache:response:(\w+):", key)[1]
            for key in kept
            if key.endswith(f"testserver{url}")
        }
        assert codings == {"br", "gzip", "identity"}


def test_a_head_request_made_afresh_gets_the_validator_and_length_get_has(client):
    for header in (BROWSER, "gzip", ""):
        page = client.get("/feed/atom/", HTTP_ACCEPT_ENCODING=header)
        head = client.head("/feed/atom/", HTTP_ACCEPT_ENCODING=header)
        assert head.content == b""
        assert head["ETag"] == page["ETag"], header
        if header != "gzip":  # gzip's output varies in length (Django's BREACH mitigation)
            assert head["Content-Length"] == page["Content-Length"], header
        assert head.get("Content-Encoding") == page.get("Content-Encoding"), header

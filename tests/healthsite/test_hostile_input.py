"""Hostile input gets a clear answer, never a 500: odd digits, junk query strings and junk
addresses in X-Forwarded-For, over every public URL pattern and every public form."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model

from healthsite.models import ContentPage
from tests.conftest import page_at
from tests.site_pages import CONTACT, NEWSLETTER, SCIATICA, TELL_YOUR_STORY

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

# Values that break naive parsing: Unicode digits (str.isdigit() takes them, int() does not),
# huge and negative numbers, NUL and other control characters, markup, paths, floods.
HOSTILE = [
    "²",
    "١٢",
    "-1",
    "0",
    "99999999999999999999999",
    "1e9",
    "NaN",
    "\x00",
    "\x1b[31m",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%",
    "\"'\\",
    "💥" * 50,
    " ",
    "word " * 300,
]
PARAMETERS = ["q", "page", "limit", "type", "next"]
ADDRESSES = [
    "garbage",
    "1.2.3.4:5678",
    "[::1]",
    "[2001:db8::1]:443",
    "999.1.1.1",
    "",
    ", ,",
    "1.2.3.4, garbage",
    "\x00",
    "::ffff:1.2.3.4",
    "1" * 500,
]


def public_urls():
    """One URL of each public pattern: pages of every type, feeds, search, people, policies,
    machine-readable files, newsletter links and documents."""
    pages = {}
    for page in ContentPage.objects.live().specific():
        pages.setdefault(type(page), page.url)
    document = get_document_model().objects.first()
    return [
        *pages.values(),
        "/feed/",
        "/feed/atom/",
        "/feed/json/",
        "/back-pain-types/feed/",
        "/back-pain-types/feed/atom/",
        "/back-pain-types/feed/json/",
        "/search/",
        "/search/autocomplete/",
        "/people/",
        reverse("site_map"),
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        "/newsletter/confirm/a-token/",
        "/newsletter/unsubscribe/a-token/",
        document.url,
    ]


def answers(client, method, url, **kwargs):
    response = getattr(client, method)(url, **kwargs)
    return response.status_code


@pytest.fixture
def client_without_raising():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("name", PARAMETERS)
def test_hostile_query_strings_on_every_public_url(client_without_raising, name):
    failures = []
    for url in public_urls():
        for value in HOSTILE:
            status = answers(client_without_raising, "get", url, data={name: value})
            if status >= 500:
                failures.append((url, value, status))
    assert failures == []


def public_forms():
    """(URL, fields) of every public form, filled with something."""
    return [
        (NEWSLETTER.url, {"email": "sam@example.com", "first_name": "Sam", "source": "/"}),
        (
            TELL_YOUR_STORY.url,
            {"title": "A title", "story": "A story.", "teller": "Sam", "consent": "on"},
        ),
        (
            CONTACT.url,
            {"your_name": "Sam", "your_e_mail_address": "s@example.com", "your_message": "Hi"},
        ),
    ]


@pytest.mark.parametrize("address", ADDRESSES)
def test_junk_forwarded_addresses_on_every_form_and_the_sign_in(
    client_without_raising, settings, address
):
    settings.TRUSTED_PROXY_COUNT = 1
    headers = {"HTTP_X_FORWARDED_FOR": address, "HTTP_ORIGIN": "http://testserver"}
    for url, fields in public_forms():
        assert answers(client_without_raising, "post", url, data=fields, **headers) < 500, url
        assert answers(client_without_raising, "get", url, **headers) < 500, url
    login = {"username": "nobody", "password": "wrong"}
    assert answers(client_without_raising, "post", "/admin/login/", data=login, **headers) < 500


def test_hostile_values_in_every_field_of_every_form(client_without_raising):
    origin = {"HTTP_ORIGIN": "http://testserver"}
    failures = []
    for url, fields in public_forms():
        for value in HOSTILE:
            for name in [*fields, "form_started", "website", "wording"]:
                data = {**fields, name: value}
                status = answers(client_without_raising, "post", url, data=data, **origin)
                if status >= 500:
                    failures.append((url, name, value, status))
    assert failures == []


def test_a_feed_limit_in_other_digits_is_ignored(client):
    page = page_at(SCIATICA.url)
    for url in ["/feed/", "/feed/atom/", "/feed/json/", f"/{page.get_parent().slug}/feed/"]:
        response = client.get(url, {"limit": "²"})
        assert response.status_code == 200, url


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("fake.gif", b"GIF89a" + b"\x00not a picture" * 20),
        ("broken.avif", b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1" + b"\x00" * 40),
        ("truncated.png", b"\x89PNG\r\n\x1a\n" + b"junk" * 10),
    ],
)
def test_a_broken_image_upload_is_refused_with_the_forms_answer(admin_client, name, content):
    for url, field in [("/admin/images/add/", "file"), ("/admin/images/multiple/add/", "files[]")]:
        data = {"title": name, field: SimpleUploadedFile(name, content), "collection": 1}
        response = admin_client.post(url, data)
        assert response.status_code in (200, 400), (url, response.status_code)
        assert "valid image" in response.content.decode(), url

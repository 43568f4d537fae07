"""The site's public address (SITE_URL) is set in one place: `manage.py set_site_address`
records it on the default Wagtail Site, and every absolute link readers are given, in pages,
feeds, the sitemap and e-mails, leads there, whatever address the request came in on."""

import io
import shutil
import subprocess
import urllib.request

import pytest

from django.core import mail
from django.core.management import CommandError, call_command

from wagtail.models import Site

from tests.conftest import ROOT
from tests.newsletter.conftest import sign_up
from tests.site_pages import MUSCLE_SPASMS, WHATS_NEW

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

ADDRESS = "https://backpain.example.org"
SPASMS = MUSCLE_SPASMS.url


def set_address(*url):
    out = io.StringIO()
    call_command("set_site_address", *url, stdout=out)
    return out.getvalue()


def test_pages_feeds_and_the_sitemap_link_to_the_address_set(client):
    assert "is now https://backpain.example.org" in set_address(ADDRESS)

    page = client.get(SPASMS).content.decode()
    assert f'<link rel="canonical" href="{ADDRESS}{SPASMS}">' in page
    for url in ("/feed/", "/feed/atom/", "/feed/json/", "/sitemap.xml", SPASMS, WHATS_NEW.url):
        text = client.get(url).content.decode()
        assert f"{ADDRESS}/" in text, url
        # The address the request came in on, which the site's record held before.
        assert "//testserver" not in text, url
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{ADDRESS}/</loc>" in sitemap
    assert f"<loc>{ADDRESS}/people/" in sitemap  # the people sitemap, on the default site
    feed = client.get("/feed/").content.decode()
    assert f"<link>{ADDRESS}/</link>" in feed


def test_emails_link_to_the_address_set(client):
    set_address("http://127.0.0.1:8123")
    assert sign_up(client).status_code in (200, 302)
    (message,) = mail.outbox
    assert "http://127.0.0.1:8123/newsletter/confirm/" in message.body
    assert "testserver" not in message.body


def test_setting_the_same_address_again_changes_nothing():
    set_address("http://127.0.0.1:8123")
    assert "was already http://127.0.0.1:8123" in set_address("http://127.0.0.1:8123/")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://backpain.example.org:8443", "443"),
        ("ftp://backpain.example.org", "not an address"),
        ("backpain.example.org", "not an address"),
        ("https://backpain.example.org/health/", "scheme, host and port only"),
        ("http://backpain.example.org:99999", "not an address"),
    ],
)
def test_an_address_a_site_cannot_hold_is_refused_saying_why(url, reason):
    before = Site.objects.get(is_default_site=True).root_url
    with pytest.raises(CommandError, match=reason):
        set_address(url)
    assert Site.objects.get(is_default_site=True).root_url == before


def test_without_an_address_the_command_takes_site_url(settings):
    settings.SITE_URL = "http://localhost:8765"
    assert "is now http://localhost:8765" in set_address()


def test_make_run_serves_on_the_port_given_and_records_its_address():
    result = subprocess.run(
        [shutil.which("make"), "-n", "run", "PORT=8011"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "manage.py set_site_address" in result.stdout
    assert "manage.py runserver 127.0.0.1:8011" in result.stdout
    assert "Serving http://127.0.0.1:8011" in result.stdout


def test_a_site_served_on_another_address_links_there_once_it_is_set(demo_site):
    """The demo site as `make run` serves it, over HTTP: its record said one address; the
    operator sets another (here the same server by another name) and every link follows."""
    other = demo_site.url.replace("127.0.0.1", "localhost")
    try:
        demo_site.manage("set_site_address", other)
        for url in (SPASMS, "/feed/", "/sitemap.xml"):
            with urllib.request.urlopen(demo_site.url + url, timeout=10) as response:
                text = response.read().decode()
            assert f"{other}/" in text and f"{demo_site.url}/" not in text, url
    finally:
        demo_site.manage("set_site_address", demo_site.url)
    with urllib.request.urlopen(demo_site.url + "/sitemap.xml", timeout=10) as response:
        assert f"<loc>{demo_site.url}/" in response.read().decode()

"""gunicorn serving the site directly (no proxy in front) sends readers' pages and feeds
compressed as each client asks, and answers conditional requests for them."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.caching.test_compression import BROWSER, same_page
from tests.caching.test_varnish import fetch_coded, spare_port
from tests.conftest import ROOT
from tests.site_pages import SCIATICA

pytestmark = pytest.mark.fixture_site


@pytest.fixture(scope="module")
def gunicorn(demo_site):
    """gunicorn, as gunicorn.conf.py runs it, on the demo site's database; its URL."""
    port = spare_port()
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "healthsite.wsgi"]
    server = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env={**demo_site.env, "DJANGO_SETTINGS_MODULE": "healthsite.settings.dev"},
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=20)


@pytest.mark.parametrize("path", [SCIATICA.url, "/feed/", "/feed/json/"])
def test_gunicorn_sends_pages_and_feeds_compressed_as_the_client_asks(gunicorn, path):
    bodies = {}
    for header, coding in [(BROWSER, "br"), ("gzip", "gzip"), ("", None)]:
        _cache, response, body = fetch_coded(gunicorn + path, header)
        assert response.status == 200
        assert response.headers["Content-Encoding"] == coding
        assert "Accept-Encoding" in response.headers["Vary"]
        bodies[coding] = same_page(body)
    assert bodies["br"] == bodies["gzip"] == bodies[None]


def test_gunicorn_answers_conditional_and_head_requests_for_compressed_pages(gunicorn):
    url = gunicorn + SCIATICA.url
    _cache, page, _body = fetch_coded(url, BROWSER)
    head = urllib.request.Request(url, method="HEAD", headers={"Accept-Encoding": BROWSER})
    with urllib.request.urlopen(head, timeout=10) as response:
        assert response.headers["ETag"] == page.headers["ETag"]
        assert response.headers["Content-Length"] == page.headers["Content-Length"]
    asking = {"Accept-Encoding": BROWSER, "If-None-Match": page.headers["ETag"]}
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(urllib.request.Request(url, headers=asking), timeout=10)
    assert answer.value.status == 304

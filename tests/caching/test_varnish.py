"""Through Varnish (deploy/varnish/default.vcl) in front of the demo site: readers get cached
pages, and a change an editor publishes shows on the next request, purged or banned by the
app through Wagtail's frontend cache."""

import gzip
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from tests.caching.test_compression import BROWSER, HEADERS, same_page
from tests.site_pages import ABOUT, HIP_PAIN, SCIATICA, USEFUL_LINKS

pytestmark = pytest.mark.fixture_site

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"


def spare_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def varnish(demo_site, tmp_path_factory):
    """Varnish of our own on a spare port, in front of the demo site; its URL."""
    binary = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(binary).exists():
        pytest.fail("Varnish is needed: apt-get install -y varnish (make test does it as root)")
    folder = tmp_path_factory.mktemp("varnish")
    backend_port = urlsplit(demo_site.url).port
    vcl = folder / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"'))
    port = spare_port()
    log = (folder / "varnishd.log").open("w")
    process = subprocess.Popen(
        # -j none: run as whoever runs the tests, in a private working folder.
        [binary, "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-f", str(vcl)]
        + ["-n", str(folder / "work"), "-s", "malloc,32m"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        pytest.fail(f"Varnish did not start: see {log.name}")
    yield url
    process.terminate()
    process.wait(timeout=10)
    log.close()


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers["X-Cache"], response.read().decode()


def publish(demo_site, varnish, path, code):
    """Publishes a change to the page at `path` as the admin would, in another process."""
    demo_site.manage(
        "shell",
        "-c",
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(url_path='/home{path}').specific\n"
        f"{code}\n"
        "page.save_revision().publish()\n",
        VARNISH_URL=varnish,
    )


def test_a_published_change_shows_through_varnish(demo_site, varnish):
    fetch(varnish + ABOUT.url)
    assert fetch(varnish + ABOUT.url)[0] == "HIT"

    publish(
        demo_site,
        varnish,
        ABOUT.url,
        "page.body.append(('paragraph', '<p>Clinic hours change in spring.</p>'))",
    )

    cache, page = fetch(varnish + ABOUT.url)
    assert cache == "MISS"
    assert "Clinic hours change in spring." in page


def test_a_new_title_shows_in_the_menu_of_every_page_through_varnish(demo_site, varnish):
    other = varnish + USEFUL_LINKS.url
    fetch(other)
    assert fetch(other)[0] == "HIT"

    publish(demo_site, varnish, HIP_PAIN.url, "page.title = 'Sore hips'")

    assert ">Sore hips<" in fetch(other)[1]


def test_editors_pass_through_varnish(varnish):
    request = urllib.request.Request(varnish + ABOUT.url, headers={"Cookie": "sessionid=abc"})
    for _ in range(2):
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["X-Cache"] == "MISS"


def fetch_coded(url, accept, **headers):
    """(X-Cache, the response, its body as the reader's client reads it)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept, **headers})
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:  # 304 Not Modified
        return error.headers["X-Cache"], error, b""
    with response:
        body = response.read()
    coding = response.headers["Content-Encoding"]
    if coding == "br":
        body = brotli.decompress(body)
    elif coding == "gzip":
        body = gzip.decompress(body)
    else:
        assert coding is None, coding
    return response.headers["X-Cache"], response, body


def test_readers_get_brotli_gzip_or_plain_through_varnish_one_copy_each(varnish):
    expected = {header: coding for header, coding in HEADERS.items() if "q=abc" not in header}
    # Varnish takes any q above 0 as yes, where the app weighs them.
    expected["gzip, br;q=0.5"] = "br"
    for url in (SCIATICA.url, "/feed/atom/"):
        bodies, misses = set(), []
        for header, coding in expected.items():
            cache, response, body = fetch_coded(varnish + url, header)
            assert response.status == 200
            assert response.headers["Content-Encoding"] == coding, (url, header)
            assert "Accept-Encoding" in response.headers["Vary"]
            bodies.add(same_page(body))
            if cache == "MISS":
                misses.append(coding)
        assert len(bodies) == 1, url
        assert sorted(misses, key=str) == sorted(["br", "gzip", None], key=str), url


def test_varnish_answers_conditional_requests_for_compressed_copies(varnish):
    url = varnish + SCIATICA.url
    _cache, first, _body = fetch_coded(url, BROWSER)
    assert first.headers["ETag"].startswith('W/"')
    cache, not_modified, _body = fetch_coded(
        url, BROWSER, **{"If-None-Match": first.headers["ETag"]}
    )
    assert not_modified.status == 304 and cache == "HIT"

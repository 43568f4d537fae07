"""Every page of the site map answers, with its title, in the markup readers and tools rely on."""

from html.parser import HTMLParser

import pytest

from demo.loader import content_file, site_map
from tests.site_pages import MUSCLE_SPASMS, SCIATICA

PATHS = [path for path, _model in site_map()]
pytestmark = pytest.mark.django_db


class Outline(HTMLParser):
    """Records the tags a page opens, with their attributes and whether they sit in <main>."""

    def __init__(self):
        super().__init__()
        self.depth_in_main = 0
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), self.depth_in_main > 0))
        if tag == "main":
            self.depth_in_main += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth_in_main -= 1

    def find(self, tag, **attrs):
        return [
            (found, inside)
            for name, found, inside in self.tags
            if name == tag and all(found.get(k) == v for k, v in attrs.items())
        ]


def outline(response):
    parser = Outline()
    parser.feed(response.content.decode())
    return parser


def test_the_site_map_lists_every_page_of_the_publication():
    assert len(PATHS) == 58
    assert MUSCLE_SPASMS.url in PATHS
    assert SCIATICA.url in PATHS


@pytest.mark.parametrize("path", PATHS)
def test_every_page_answers_with_its_title(client, path):
    response = client.get(path)
    assert response.status_code == 200
    title = content_file(path).meta["title"]
    assert "<h1" in response.content.decode()
    assert title.replace("'", "&#x27;") in response.content.decode()


@pytest.mark.parametrize("path", PATHS)
def test_pages_follow_the_markup_contract(client, path):
    page = outline(client.get(path))
    assert len(page.find("main")) == 1
    navs = page.find("nav", **{"aria-label": "Main"})
    assert navs and not navs[0][1], "the site navigation sits outside <main>"
    if path != "/":
        assert page.find("nav", **{"aria-label": "Breadcrumb"})


def test_breadcrumbs_read_home_section_page(client):
    html = client.get(MUSCLE_SPASMS.url).content.decode()
    crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert (
        crumbs.index(">Home<") < crumbs.index(">Back Pain Types<") < crumbs.index(">Muscle Spasms<")
    )
    assert 'aria-current="page">Muscle Spasms' in crumbs

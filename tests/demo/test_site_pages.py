"""The demo pages the tests name (tests/site_pages.py) are the demo's own, and the fixture
site is a whole part of it: each page's parent is in it too."""

from demo.loader import content_file, site_map
from tests import site_pages


def named_pages():
    return [value for value in vars(site_pages).values() if isinstance(value, site_pages.DemoPage)]


def test_each_named_page_is_a_demo_page_with_its_title():
    demo = {path for path, _model in site_map()}
    for page in named_pages():
        assert page.url in demo, page
        assert content_file(page.url).meta["title"] == page.title, page


def test_the_fixture_site_holds_the_parent_of_each_of_its_pages():
    urls = {page.url for page in site_pages.FIXTURE_SITE}
    for url in urls - {"/"}:
        assert url.rstrip("/").rsplit("/", 1)[0] + "/" in urls, url

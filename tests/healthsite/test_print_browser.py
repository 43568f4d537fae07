"""A condition page printed to hand to someone: the site's name and the page's address head
it, the menus and forms are left out, and no heading is left alone at a page's foot."""

import re

import pytest
from playwright.sync_api import expect

from tests.site_pages import MUSCLE_SPASMS

pytestmark = pytest.mark.browser


def test_a_printed_condition_page_says_where_it_came_from_and_keeps_headings_with_text(
    page, site_url
):
    page.goto(site_url + MUSCLE_SPASMS.url)
    expect(page.locator(".print-only")).to_be_hidden()  # on screen the address bar says it
    page.emulate_media(media="print")

    expect(page.locator(".site-header__brand")).to_be_visible()
    expect(page.locator(".print-only")).to_have_text(
        re.compile(r"^Printed from http.*/muscle-spasms/$")
    )
    expect(page.locator(".page-header__summary")).to_be_visible()
    for hidden in [".site-nav", ".search-form", ".toc", ".newsletter-signup", ".related"]:
        expect(page.locator(hidden).first).to_be_hidden()
    heading = page.get_by_role("heading", name="Causes", level=2)
    assert heading.evaluate("h => getComputedStyle(h).breakAfter") == "avoid"
    paragraph = page.locator(".prose p").first
    assert paragraph.evaluate("p => getComputedStyle(p).orphans") == "3"

    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 5

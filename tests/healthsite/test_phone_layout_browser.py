"""On a 320 px phone the page's own words come first: a short header and menu, "On this page"
before the drawing, What's New's list near the top, and nothing wider than the screen."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.site_pages import MUSCLE_SPASMS, WHATS_NEW

pytestmark = pytest.mark.browser
PHONE = {"width": 320, "height": 640}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE}


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_condition_page_puts_its_words_before_the_site_around_it(page, site_url):
    page.goto(site_url + MUSCLE_SPASMS.url)
    menu = page.locator(".site-nav").bounding_box()
    assert menu["y"] + menu["height"] <= 200  # a third of the screen at most
    assert top(page, ".toc") < top(page, ".page-header__image")
    assert fits_the_screen(page)


def test_whats_new_lists_its_pages_on_the_first_screens(page, site_url):
    page.goto(site_url + WHATS_NEW.url)
    assert top(page, ".whats-new") < 2 * PHONE["height"]
    assert fits_the_screen(page)


def test_a_long_email_address_wraps_in_the_signup_answer(page, site_url):
    address = f"a-long-address-{uuid.uuid4().hex}@example.com"
    page.goto(site_url + MUSCLE_SPASMS.url)
    signup = page.get_by_role("region", name=re.compile("by e-mail"))
    signup.get_by_label("Your e-mail address").fill(address)
    signup.get_by_label("Your first name").fill("Alex")
    signup.get_by_role("button", name="Sign up").click()
    answer = page.get_by_role("region", name=re.compile("by e-mail")).get_by_role("status")
    expect(answer).to_contain_text(address)
    assert fits_the_screen(page)
    assert answer.bounding_box()["width"] <= PHONE["width"]

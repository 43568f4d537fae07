"""Search as you type in a real browser: a keyboard- and screen-reader-friendly combobox on
every search box, and a plain search form without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def browser_context_args(browser_context_args):
    """Readers on a phone-sized screen."""
    return {**browser_context_args, "viewport": PHONE}


def header_search(page):
    return page.locator("#header-search")


def suggestions(page, form="header-search"):
    return page.locator(f"#{form}-suggestions")


def type_into(box, text):
    box.click()
    box.press_sequentially(text, delay=40)


def test_typing_suggests_pages_and_the_keyboard_opens_one(page, site_url):
    page.goto(site_url + "/")
    box = header_search(page)
    type_into(box, "scia")

    listbox = suggestions(page)
    expect(listbox).to_be_visible()
    expect(listbox).to_have_attribute("role", "listbox")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    expect(box).to_have_attribute("aria-controls", "header-search-suggestions")
    expect(box).to_have_attribute("aria-expanded", "true")
    sciatica = listbox.get_by_role("option").filter(has_text="Sciatica").first
    expect(sciatica).to_contain_text("Condition")
    count = listbox.get_by_role("option").count()
    announcement = f"{count} suggestion" if count == 1 else f"{count} suggestions"
    expect(page.get_by_role("status")).to_have_text(announcement)

    options = listbox.get_by_role("option").all_inner_texts()
    for _step in range(next(i for i, text in enumerate(options) if "Sciatica" in text) + 1):
        box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", sciatica.get_attribute("id"))
    expect(sciatica).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    page.wait_for_url("**/specific-back-pain/sciatica/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sciatica"


def test_a_readers_word_offers_the_page_it_means(page, site_url):
    page.goto(site_url + "/")
    type_into(header_search(page), "slipped")
    option = suggestions(page).get_by_role("option").filter(has_text="Herniated Disc")
    expect(option).to_contain_text("(slipped disc)")


def test_clicking_a_suggestion_opens_it(page, site_url):
    page.goto(site_url + "/")
    type_into(header_search(page), "scia")
    suggestions(page).get_by_role("option").filter(has_text="Sciatica").first.click()
    page.wait_for_url("**/specific-back-pain/sciatica/")


def test_escape_closes_the_list_and_a_second_escape_clears_the_box(page, site_url):
    page.goto(site_url + "/")
    box = header_search(page)
    type_into(box, "scia")
    expect(suggestions(page)).to_be_visible()
    box.press("ArrowDown")

    box.press("Escape")
    expect(suggestions(page)).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(box).to_have_value("scia")

    box.press("Escape")
    expect(box).to_have_value("")


def test_leaving_the_box_closes_the_list(page, site_url):
    page.goto(site_url + "/")
    box = header_search(page)
    type_into(box, "scia")
    expect(suggestions(page)).to_be_visible()
    box.press("Tab")
    expect(suggestions(page)).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")


def test_enter_without_a_chosen_suggestion_submits_the_search(page, site_url):
    page.goto(site_url + "/")
    box = header_search(page)
    type_into(box, "sciatica")
    expect(suggestions(page)).to_be_visible()
    box.press("Enter")
    page.wait_for_url("**/search/?q=sciatica")


def test_nothing_found_is_announced(page, site_url):
    page.goto(site_url + "/")
    type_into(header_search(page), "zqxw")
    expect(page.get_by_role("status")).to_have_text("No suggestions")
    expect(suggestions(page)).to_be_hidden()


def test_short_text_and_fast_typing_send_few_requests(page, site_url):
    requests = []
    page.on(
        "request",
        lambda request: "/search/autocomplete/" in request.url and requests.append(request.url),
    )
    page.goto(site_url + "/")
    box = header_search(page)
    type_into(box, "s")
    page.wait_for_timeout(400)
    assert requests == []

    box.press_sequentially("ciatica", delay=10)
    expect(suggestions(page)).to_be_visible()
    assert len(requests) < len("ciatica")
    assert requests[-1].endswith("q=sciatica")


def test_each_search_box_has_its_own_list(page, site_url):
    page.goto(site_url + "/search/")
    type_into(page.locator("#page-search"), "scia")
    expect(suggestions(page, "page-search")).to_be_visible()
    expect(suggestions(page, "page-search").get_by_role("option").first).to_be_visible()
    expect(suggestions(page)).to_be_hidden()
    expect(header_search(page)).to_have_attribute("aria-expanded", "false")


def test_the_form_still_works_when_suggestions_fail(page, site_url):
    page.route("**/search/autocomplete/**", lambda route: route.abort())
    page.goto(site_url + "/")
    box = header_search(page)
    type_into(box, "sciatica")
    page.wait_for_timeout(400)
    expect(suggestions(page)).to_be_hidden()
    box.press("Enter")
    page.wait_for_url("**/search/?q=sciatica")
    expect(page.locator("ol.search-results")).to_be_visible()


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_form_searches(page, site_url):
    page.goto(site_url + "/")
    box = header_search(page)
    assert box.get_attribute("role") is None  # the combobox exists only with the script
    box.fill("sciatica")
    box.press("Enter")
    page.wait_for_url("**/search/?q=sciatica")
    results = page.locator("ol.search-results")
    expect(results.locator('a[href="/specific-back-pain/sciatica/"]')).to_be_visible()


def test_the_script_logs_no_errors(page, site_url):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path, form in [("/", "header-search"), ("/search/?q=back", "page-search")]:
        page.goto(site_url + path)
        box = page.locator(f"#{form}")
        box.fill("")
        type_into(box, "scia")
        expect(suggestions(page, form)).to_be_visible()
        box.press("ArrowDown")
        box.press("Escape")
    assert errors == []

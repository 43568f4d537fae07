"""A reader on a phone, from the home page to the page they need: through the menu to a
condition, then by search as you type, then through the search results."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_context_args(browser_context_args):
    """A phone-sized screen."""
    return {**browser_context_args, "viewport": {"width": 360, "height": 740}}


def test_a_reader_on_a_phone_browses_to_a_condition_then_searches_and_opens_a_result(
    page, site_url
):
    page.goto(site_url + "/")

    # The menu is folded away on a phone; opened, it leads to a condition page.
    menu = page.get_by_role("navigation", name="Main")
    muscle_spasms = menu.get_by_role("link", name="Muscle Spasms")
    expect(muscle_spasms).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    muscle_spasms.click()
    page.wait_for_url("**/back-pain-types/muscle-spasms/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscle Spasms")
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumb.get_by_role("link", name="Back Pain Types")).to_be_visible()

    # Search as you type: suggestions appear under the box; the keyboard picks one.
    search = page.get_by_role("search", name="Site search")
    box = search.get_by_role("combobox", name="Search the site")
    box.click()
    box.press_sequentially("stenos", delay=40)
    suggestions = page.get_by_role("listbox")
    stenosis = suggestions.get_by_role("option").filter(has_text="Spinal Stenosis").first
    expect(stenosis).to_be_visible()
    for _option in suggestions.get_by_role("option").all():
        box.press("ArrowDown")
        if stenosis.get_attribute("aria-selected") == "true":
            break
    expect(box).to_have_attribute("aria-activedescendant", stenosis.get_attribute("id"))
    box.press("Enter")
    page.wait_for_url("**/specific-back-pain/spinal-stenosis/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Spinal Stenosis")

    # Not sure what to call it: Enter without choosing a suggestion lists every match.
    box = page.get_by_role("search", name="Site search").get_by_role("combobox")
    box.click()
    box.press_sequentially("sleeping", delay=40)
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Enter")
    page.wait_for_url("**/search/?q=sleeping")
    results = page.locator("main ol.search-results")
    results.get_by_role("link", name="Back Pain While Sleeping").click()
    page.wait_for_url("**/back-pain-types/back-pain-while-sleeping/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Back Pain While Sleeping")

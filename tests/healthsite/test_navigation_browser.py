"""A reader on a phone finds their way with the menu, with and without JavaScript."""

import pytest

from tests.site_pages import BACK_PAIN_TYPES

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_reader_on_a_phone_opens_the_menu_and_reaches_a_condition(browser, site_url, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url + "/")
    sciatica = page.get_by_role("navigation", name="Main").get_by_role("link", name="Sciatica")
    assert not sciatica.is_visible()  # collapsed on a phone

    page.get_by_text("Menu", exact=True).click()
    sciatica.click()
    page.wait_for_url("**/specific-back-pain/sciatica/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sciatica"
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    assert breadcrumb.get_by_role("link", name="Specific Back Pain").is_visible()
    context.close()


def test_the_menu_is_open_beside_the_content_on_a_desktop(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + BACK_PAIN_TYPES.url)
    menu = page.get_by_role("navigation", name="Main")
    assert menu.get_by_role("link", name="Muscle Spasms").is_visible()
    assert not page.get_by_text("Menu", exact=True).is_visible()
    context.close()

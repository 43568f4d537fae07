"""An editor cites a source in the real admin; the reader gets a numbered link to it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PASSWORD = "cite-sources-in-the-browser"
# A condition page of its own, with an overview and no sources yet.
MAKE_PAGE = """
from wagtail.models import Page
from wagtail.rich_text import RichText
from articles.models import ConditionPage

page = ConditionPage.objects.filter(slug="jaw-clicking").first()
if page is None:
    page = Page.objects.get(url_path="/home/specific-back-pain/").add_child(
        instance=ConditionPage(
            title="Jaw Clicking",
            slug="jaw-clicking",
            summary="A click or pop when you open your mouth.",
            overview=[("paragraph", RichText("<p>Most jaw clicking settles on its own.</p>"))],
            live=False,
        )
    )
    page.save_revision().publish()
print(page.pk)
"""


@pytest.fixture(scope="module")
def condition_page_id(demo_site):
    demo_site.manage("create_admin", ADMIN_PASSWORD=PASSWORD)
    return int(demo_site.manage("shell", stdin=MAKE_PAGE).split()[-1])


def cite_in_overview(page):
    page.locator(".DraftEditor-root").first.get_by_text("settles").dblclick()
    page.get_by_role("button", name="Cite a source").click()
    return page.get_by_role("dialog", name="Cite a source")


def test_an_editor_cites_a_new_source_and_the_reader_follows_the_link(
    page, site_url, condition_page_id
):
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    page.goto(f"{site_url}/admin/pages/{condition_page_id}/edit/")

    # No sources yet: the dialog says where to add one.
    dialog = cite_in_overview(page)
    expect(dialog).to_contain_text("Add one in the Sources field first")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    sources = page.locator("[data-contentpath=sources]")
    sources.get_by_role("button", name="Insert a block").click()
    sources.get_by_label("Title").fill("Temporomandibular disorders")
    sources.get_by_label("Publisher").fill("NHS website")

    dialog = cite_in_overview(page)
    dialog.get_by_role("button", name="[1] Temporomandibular disorders (NHS website)").click()
    expect(dialog).to_be_hidden()
    mark = page.locator(".DraftEditor-root .citation-mark").first
    expect(mark).to_have_text("[1]")
    expect(mark).to_have_attribute("title", "Source 1: Temporomandibular disorders (NHS website)")
    # The editor writes its content into the form a moment after a change.
    stored = page.locator('input[name="overview-0-value"]')
    expect(stored).to_have_value(re.compile('"type": ?"CITATION"'))

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(lambda url: "/edit/" not in url)

    page.goto(f"{site_url}/specific-back-pain/jaw-clicking/")
    link = page.locator("main sup.citation a")
    expect(link).to_have_text("[1]")
    target = link.get_attribute("href")
    assert target.startswith("#source-")
    link.click()
    page.wait_for_url(f"**/jaw-clicking/{target}")
    source = page.locator(target)
    expect(source).to_contain_text("Temporomandibular disorders. NHS website.")
    source.get_by_role("link", name="Back to citation 1 in the text").click()
    page.wait_for_url(f"**/jaw-clicking/#{link.get_attribute('id')}")

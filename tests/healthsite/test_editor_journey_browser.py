"""A new condition page from the editor's first click to the reader, through the real admin:
the demo's editor writes it and submits it for medical review, the demo's reviewer approves it,
and readers find it on the site, in search and in the feed."""

import re

import feedparser
import pytest
from playwright.sync_api import expect

from tests.demo_team import sign_in
from tests.site_pages import BACK_PAIN_TYPES

pytestmark = pytest.mark.browser
TITLE = "Rib Pain"
URL = "/back-pain-types/rib-pain/"
# A word no demo page uses, to find the new page by.
WORD = "intercostal"
CLEAN_UP = """
from wagtail.models import Page

for page in Page.objects.filter(url_path="/home/back-pain-types/rib-pain/"):
    page.delete()
"""


@pytest.fixture(scope="module")
def demo_team(demo_team, demo_site):
    """The editor and the medical reviewer `make run` creates; the new page goes afterwards."""
    yield
    demo_site.manage("shell", stdin=CLEAN_UP)


def sign_out(page, username):
    page.get_by_role("button", name=username, exact=True).click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/admin/login/**")


def insert_block(page, stream, kind):
    """Adds a block of `kind` at the end of `stream` with its "+" inserter; returns the block."""
    stream.get_by_role("button", name="Insert a block").last.click()
    # Each rich text editor has a menu of its own: the one open is the inserter's.
    page.get_by_role("option", name=kind, exact=True).filter(visible=True).click()
    return stream.get_by_role("region", name=re.compile(f"^{kind}")).last


def write(page, editor, text):
    """Types into a rich text editor as a person does (it is not a plain form field)."""
    editor.click()
    expect(editor).to_be_focused()
    page.keyboard.type(text)


def write_the_page(page):
    page.get_by_role("textbox", name="Title*").fill(TITLE)
    page.get_by_role("textbox", name="Summary*").fill(
        "Pain around the ribs is usually a strained muscle. What helps, and when to see a doctor."
    )
    body = page.get_by_role("region", name="More information")

    heading = insert_block(page, body, "Heading")
    heading.get_by_role("textbox", name="Text*").fill("Why the ribs hurt")

    paragraph = insert_block(page, body, "Paragraph")
    write(page, paragraph.get_by_role("textbox"), f"Most rib pain is a strained {WORD} muscle.")

    steps = insert_block(page, body, "Numbered list")
    write(page, steps.get_by_role("textbox").first, "Keep gently moving")
    steps.get_by_role("button", name="Add").last.click()
    write(page, steps.get_by_role("textbox").nth(1), "Breathe deeply every hour")

    image = insert_block(page, body, "Image")
    image.get_by_role("button", name="Choose an image").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("textbox", name="Search term").fill("spine")
    chooser.get_by_role("link", name=re.compile("Illustration: spine")).click()
    expect(chooser).to_be_hidden()
    image.get_by_role("textbox", name="Alt text").fill("Drawing of the spine from the side")


def feed_links(page, site_url):
    """The pages in the site's RSS feed, as a feed reader (not logged in) gets it."""
    feed = feedparser.parse(page.request.get(site_url + "/feed/").body())
    assert not feed.bozo
    return [entry.link for entry in feed.entries]


def test_an_editor_writes_a_condition_a_reviewer_approves_it_and_readers_find_it(
    page, site_url, demo_team
):
    # The editor starts from the section on the site, with Wagtail's quick actions.
    sign_in(page, site_url, "editor")
    page.goto(site_url + BACK_PAIN_TYPES.url)
    page.get_by_role("button", name="View Wagtail quick actions").click()
    page.get_by_role("menuitem", name="Add a child page").click()
    # Each type is offered with its one-line description: "Condition. A condition, such as…".
    page.get_by_role("link", name=re.compile(r"^Condition\b(?!s)")).click()
    write_the_page(page)
    # The admin autosaves the new page as a draft, which gives it its own address. Submitted
    # before that, while the first autosave is still on its way, the page would be created
    # twice: Wagtail 8 answers the second with a 500 (its form does not wait for the autosave).
    page.wait_for_url("**/admin/pages/*/edit/")
    actions = page.get_by_role("navigation", name="Actions (footer)")
    actions.get_by_role("button", name="More actions").click()
    actions.get_by_role("button", name="Submit to Medical review").click()
    expect(page.get_by_text(f"Page '{TITLE}' has been submitted")).to_be_visible()
    sign_out(page, "editor")

    # Not yet for readers, who may have the section and the feed in the cache already.
    assert page.request.get(site_url + URL).status == 404
    page.goto(site_url + BACK_PAIN_TYPES.url)
    expect(page.get_by_role("main").get_by_role("link", name=TITLE)).to_have_count(0)
    assert site_url + URL not in feed_links(page, site_url)

    sign_in(page, site_url, "reviewer")
    awaiting = page.get_by_role("region", name="Awaiting your review")
    awaiting.get_by_role("link", name=TITLE).click()
    actions = page.get_by_role("navigation", name="Actions (footer)")
    actions.get_by_role("button", name="More actions").click()
    actions.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.get_by_text(f"Page '{TITLE}' has been updated.")).to_be_visible()
    sign_out(page, "reviewer")

    page.goto(site_url + URL)
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(main).to_contain_text("Medically reviewed by Dr Sam Okafor")
    expect(main.get_by_role("heading", name="Why the ribs hurt")).to_be_visible()
    expect(main).to_contain_text(f"Most rib pain is a strained {WORD} muscle.")
    expect(
        main.get_by_role("listitem").filter(has_text="Breathe deeply every hour")
    ).to_be_visible()
    expect(main.get_by_role("img", name="Drawing of the spine from the side")).to_be_visible()

    page.goto(site_url + BACK_PAIN_TYPES.url)
    page.get_by_role("main").get_by_role("link", name=TITLE).click()
    page.wait_for_url("**" + URL)

    page.goto(f"{site_url}/search/?q={WORD}")
    page.locator("ol.search-results").get_by_role("link", name=TITLE).click()
    page.wait_for_url("**" + URL)

    assert site_url + URL in feed_links(page, site_url)

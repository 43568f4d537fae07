"""The plain-English checks in a real browser: the demo's editor pastes clinical jargon into a
new condition page and, before saving, sees its reading age, each medical word with its
everyday alternative and the missing "seek help" section in the Checks side panel."""

import pytest
from playwright.sync_api import expect

from tests.demo_team import sign_in

pytestmark = pytest.mark.browser
JARGON = (
    "Lumbar radiculopathy is characterised by bilateral paraesthesia radiating to the lower "
    "extremities, secondary to compression of the nerve root. Conservative management with "
    "analgesia is indicated."
)


SECTION_ID = """
from wagtail.models import Page

print(Page.objects.get(url_path="/home/back-pain-types/").pk)
"""


def test_the_editor_sees_the_checks_of_the_draft_as_they_type(page, site_url, demo_site, demo_team):
    section_id = demo_site.manage("shell", stdin=SECTION_ID).split()[-1]
    sign_in(page, site_url, "editor")
    page.goto(f"{site_url}/admin/pages/add/articles/conditionpage/{section_id}/")
    page.get_by_role("textbox", name="Title*").fill("Radicular pain")
    page.get_by_role("textbox", name="Summary*").fill("Leg pain from the back.")
    summary = page.locator("[data-plain-english-summary]")
    expect(summary).to_contain_text("Reading age")

    # The Overview section's stream: it has no blocks yet, so its only inserter is there.
    overview = page.locator("[data-contentpath='overview']")
    overview.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph", exact=True).filter(visible=True).click()
    editor = overview.locator("[contenteditable=true]").first
    editor.click()
    page.keyboard.insert_text(JARGON)
    expect(summary).to_contain_text("hard for many readers", timeout=15000)

    page.get_by_role("button", name="Toggle checks").click()
    panel = page.locator("[data-side-panel='checks'] .plain-english-side")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Reading age")
    expect(panel).to_contain_text("too short for SMOG")
    expect(
        panel.locator("[data-kind=medical_term]").filter(has_text="Lumbar radiculopathy")
    ).to_contain_text("Say: sciatica")
    expect(panel.locator("[data-kind=medical_term]").filter(has_text="analgesia")).to_contain_text(
        "Say: painkillers"
    )
    expect(panel.locator("[data-kind=seek_help]")).to_contain_text(
        'No "When to seek medical help" section'
    )

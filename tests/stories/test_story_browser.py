"""Tried as a new reader would, on a phone: tell a story, and see it published once an editor
has corrected it and a moderator has approved it in the admin."""

import re

import pytest
from playwright.sync_api import expect

from tests.site_pages import TELL_YOUR_STORY

pytestmark = pytest.mark.browser
PASSWORD = "moderate-stories-in-the-browser"
URL = TELL_YOUR_STORY.url
PHONE = {"width": 360, "height": 740}
TITLE = "Quiet mornings with Pippa"
EDITED = "Quiet mornings with Pippa the spaniel"
MAKE_EDITOR = f"""
from django.contrib.auth.models import Group, User

for name, group in [("story-editor", "Editors"), ("story-moderator", "Moderators")]:
    user = User.objects.filter(username=name).first() or User(username=name)
    user.set_password("{PASSWORD}")
    user.save()
    user.groups.add(Group.objects.get(name=group))
"""
CLEAN_UP = f"""
from stories.models import StoryPage, StorySubmission

for title in ["{TITLE}", "{EDITED}"]:
    for page in StoryPage.objects.filter(title=title):
        page.delete()
    StorySubmission.objects.filter(title=title).delete()
"""


def signed_in(browser, site_url, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    return page


@pytest.fixture
def editor_account(demo_site):
    demo_site.manage("shell", stdin=MAKE_EDITOR)
    yield
    demo_site.manage("shell", stdin=CLEAN_UP)


def test_a_reader_tells_a_story_and_sees_it_published_once_approved(
    browser, site_url, editor_account
):
    reader = browser.new_context(viewport=PHONE).new_page()
    reader.goto(site_url + URL)
    form = reader.locator("#story-form")
    form.get_by_label("Give your story a title").fill(TITLE)
    form.get_by_role("textbox", name="Your story (required)", exact=True).fill(
        "I could not bend to put her lead on.\n\nNow we walk by the river every morning."
    )
    form.get_by_label("Your first name or initials").fill("Robin")
    form.get_by_role("checkbox", name=re.compile("I agree")).check()
    form.get_by_role("button", name="Send my story").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Thank you for sharing your story")
    assert reader.context.cookies() == []

    # The editor corrects the title; approving is not theirs.
    editor = signed_in(browser, site_url, "story-editor")
    editor.goto(site_url + "/admin/reader-stories/")
    editor.get_by_role("link", name=TITLE).click()
    expect(editor.get_by_role("button", name="Approve and publish")).to_have_count(0)
    editor.get_by_role("textbox", name="Title").fill(EDITED)
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.get_by_text(f"'{EDITED}' updated.")).to_be_visible()

    # A moderator sees that the reader's words were changed, and approves.
    moderator = signed_in(browser, site_url, "story-moderator")
    moderator.goto(site_url + "/admin/reader-stories/")
    moderator.get_by_role("link", name=EDITED).click()
    expect(moderator.get_by_text("The reader's words were changed by story-editor")).to_be_visible()
    moderator.get_by_role("button", name="Approve and publish").click()
    expect(moderator.get_by_text(f"Story '{EDITED}' published.")).to_be_visible()

    reader.goto(site_url + URL)
    reader.locator("#story-list").get_by_role("link", name=EDITED).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(EDITED)
    expect(reader.locator("main")).to_contain_text("Now we walk by the river every morning.")
    expect(reader.locator("main")).to_contain_text("Shared by Robin")

"""A reader signs up in the browser from a page they are reading, gets the e-mail, follows its
link, confirms and downloads the free gift."""

import email
import re
import uuid
from email import policy

import pytest
from playwright.sync_api import expect

from tests.site_pages import MUSCLE_SPASMS

pytestmark = pytest.mark.browser
# What the demo's newsletter settings offer on confirmation.
GIFT = "Top 10 Tips for Managing Your Back Pain"


@pytest.fixture
def browser_context_args(browser_context_args):
    """On a phone, as most readers are."""
    return {**browser_context_args, "viewport": {"width": 360, "height": 740}}


def mail_to(demo_site, address):
    """The e-mails the demo site has written (file backend) to `address`, oldest first."""
    messages = []
    for path in sorted(demo_site.mail.glob("*.log")):
        # The file backend ends each message with a line of 79 dashes.
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if raw.strip():
                message = email.message_from_bytes(raw, policy=policy.default)
                if message["To"] == address:
                    messages.append(message)
    return messages


def test_a_reader_signs_up_confirms_from_the_email_and_gets_the_gift(page, demo_site):
    address = f"reader-{uuid.uuid4().hex[:8]}@example.com"
    page.goto(demo_site.url + MUSCLE_SPASMS.url)
    signup = page.get_by_role("region", name=re.compile("by e-mail"))
    expect(signup).to_contain_text(GIFT)
    signup.get_by_label("Your e-mail address").fill(address)
    signup.get_by_label("Your first name").fill("Alex")
    signup.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/newsletter/#newsletter-signup")
    answer = page.get_by_role("region", name=re.compile("by e-mail")).get_by_role("status")
    expect(answer).to_contain_text(f"Check your inbox. We have sent an e-mail to {address}")
    assert page.context.cookies() == []

    [message] = mail_to(demo_site, address)
    assert message["Subject"] == "Please confirm your subscription to Healthy Back - Healthy Life"
    # The reader's mail program shows the e-mail; its link leads to the site.
    page.set_content(message.get_body(preferencelist=("html",)).get_content())
    page.get_by_role("link", name="Confirm my subscription").click()

    # The link alone confirms nothing (mail scanners open links): the reader presses a button.
    page.wait_for_url(f"{demo_site.url}/newsletter/confirm/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your subscription")
    page.get_by_role("button", name="Yes, subscribe me").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: you are subscribed")
    expect(page.get_by_role("heading", name="Your free gift")).to_be_visible()

    gift = page.get_by_role("link", name=f"Download {GIFT}")
    with page.expect_response(f"**{gift.get_attribute('href')}") as download:
        gift.click()
    assert download.value.ok
    assert download.value.header_value("Content-Type") == "application/pdf"
    # Chromium shows it in its PDF viewer; the file it fetched is the demo's PDF.
    assert page.request.get(download.value.url).body().startswith(b"%PDF")

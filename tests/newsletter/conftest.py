import re
import time

import pytest

from django.core import mail, signing

from healthsite.counting import counters
from newsletter.forms import WORDING_SALT
from newsletter.models import NewsletterSettings
from privacy import public_forms
from tests.site_pages import NEWSLETTER, SCIATICA

URL = NEWSLETTER.url
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
LINK = re.compile(r"http://testserver(/newsletter/(?:confirm|unsubscribe)/[^/\s\"]+/)")


@pytest.fixture(autouse=True)
def fresh_counts():
    """Rate limits count in the `counters` cache: each test starts with none."""
    counters.clear()
    yield
    counters.clear()


def started(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=public_forms.SALT)


def wording(version=None):
    return signing.dumps(version or NewsletterSettings().privacy_version, salt=WORDING_SALT)


def signup(email="sam@example.com", first_name="Sam", source=SCIATICA.url, **fields):
    """What a signup box sends (its fields are prefixed, as on the page)."""
    data = {
        "email": email,
        "first_name": first_name,
        "source": source,
        "wording": wording(),
        "form_started": started(),
        "website": "",
        **fields,
    }
    return {f"newsletter-{name}": value for name, value in data.items()}


def sign_up(client, address="203.0.113.5", **fields):
    return client.post(URL, signup(**fields), REMOTE_ADDR=address, **ORIGIN)


def links(message):
    """The newsletter links (paths) in an e-mail's text and HTML."""
    html = message.alternatives[0][0] if message.alternatives else ""
    return LINK.findall(message.body), LINK.findall(html)


def link(message):
    text_links, html_links = links(message)
    assert text_links and html_links and text_links[0] == html_links[0]
    return text_links[0]


def outbox_to(address):
    return [message for message in mail.outbox if message.to == [address]]

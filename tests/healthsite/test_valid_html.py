"""Every kind of page a reader can see is valid HTML for the Nu HTML checker (vnu.jar, the
checker behind validator.w3.org, from npm's vnu-jar)."""

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from django.core import signing
from django.test import RequestFactory
from django.views.defaults import server_error

from editorial.models import Person
from newsletter import tokens
from newsletter.models import Subscriber
from privacy import public_forms
from stories.models import StoryPage
from tests.conftest import page_at
from tests.site_pages import (
    A_TO_Z,
    ABOUT,
    BACK_PAIN_OVERVIEW,
    BACK_PAIN_PRODUCTS,
    BACK_PAIN_TYPES,
    CHAIRS,
    CONTACT,
    EDITORIAL_POLICY,
    LEARN_MORE,
    MUSCLE_SPASMS,
    NEWSLETTER,
    PILATES_EXERCISES,
    PRIVACY,
    SCIATICA,
    SUBSCRIBE,
    TELL_YOUR_STORY,
    WHATS_NEW,
)

pytestmark = pytest.mark.django_db
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
# The checker from npm (package.json), which `make test` installs with axe-core.
VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def started():
    """A form's signed timestamp from half a minute ago: not too quick, not expired."""
    return signing.dumps(time.time() - 30, salt=public_forms.SALT)


def pages(client):
    """(name, response, expected status) for each kind of page, and each state of a form."""
    story = StoryPage.objects.live().child_of(page_at(TELL_YOUR_STORY.url))
    person = Person.objects.order_by("pk").first()
    gets = {
        "home": "/",
        "section-conditions": BACK_PAIN_TYPES.url,
        "section-conditions-page-2": "/specific-back-pain/?page=2",
        "section-products": BACK_PAIN_PRODUCTS.url,
        "section-mixed": BACK_PAIN_OVERVIEW.url,
        "section-learn-more": LEARN_MORE.url,
        "condition": MUSCLE_SPASMS.url,
        "condition-with-red-flags-and-images": SCIATICA.url,
        "article": PILATES_EXERCISES.url,
        "product-guide": CHAIRS.url,
        "standard-about": ABOUT.url,
        "standard-editorial-policy": EDITORIAL_POLICY.url,
        "standard-privacy": PRIVACY.url,
        "contact": CONTACT.url,
        "newsletter": NEWSLETTER.url,
        "tell-your-story": TELL_YOUR_STORY.url,
        "story": story.first().url,
        "people": "/people/",
        "person": person.get_absolute_url(),
        "site-map": "/site-map/",
        "search-form": "/search/",
        "search-results": "/search/?q=sciatica",
        "search-results-by-type": "/search/?q=back&type=condition",
        "search-nothing-found": "/search/?q=zqxw",
        "whats-new": WHATS_NEW.url,
        "subscribe": SUBSCRIBE.url,
        "a-z": A_TO_Z.url,
    }
    for name, url in gets.items():
        yield name, client.get(url), 200
    yield "not-found", client.get("/no-such-page/"), 404
    yield "newsletter-confirm-bad-token", client.get("/newsletter/confirm/bad/"), 400
    yield "newsletter-unsubscribe-bad-token", client.get("/newsletter/unsubscribe/bad/"), 400

    # Forms sent back with mistakes, then sent right.
    contact = {
        "your_name": "Sam",
        "your_e_mail_address": "not an address",
        "your_message": "",
        "form_started": started(),
        "website": "",
    }
    yield "contact-errors", client.post(CONTACT.url, contact, **ORIGIN), 200
    contact |= {"your_e_mail_address": "sam@example.com", "your_message": "Posture at work?"}
    yield "contact-thanks", client.post(CONTACT.url, contact, **ORIGIN), 200
    story_form = {"title": "", "story": "", "teller": "Sam", "form_started": started()}
    tell = TELL_YOUR_STORY.url
    yield "story-errors", client.post(tell, story_form | {"website": ""}, **ORIGIN), 200
    story_form |= {
        "title": "Back to the allotment",
        "story": "A physio showed me how to dig again.",
        "email": "sam@example.com",
        "consent": "on",
        "website": "",
    }
    yield "story-thanks", client.post(tell, story_form, **ORIGIN), 200
    signup = {
        "email": "not an address",
        "first_name": "Sam",
        "source": NEWSLETTER.url,
        "form_started": started(),
        "website": "",
    }
    signup = {f"newsletter-{field}": value for field, value in signup.items()}
    yield "newsletter-errors", client.post(NEWSLETTER.url, signup, **ORIGIN), 200

    subscriber = Subscriber.objects.create(email="jo@example.com", first_name="Jo")
    confirm = f"/newsletter/confirm/{tokens.for_confirming(subscriber.key)}/"
    unsubscribe = f"/newsletter/unsubscribe/{tokens.for_unsubscribing(subscriber.key)}/"
    yield "newsletter-confirm", client.get(confirm), 200
    yield "newsletter-confirmed", client.post(confirm, **ORIGIN), 200
    yield "newsletter-unsubscribe", client.get(unsubscribe), 200
    yield "newsletter-unsubscribed", client.post(unsubscribe), 200
    # The static page Django shows when the site itself fails.
    yield "server-error", server_error(RequestFactory().get("/")), 500


def vnu_errors(folder):
    """The checker's errors for every file in `folder`, from one run of Java."""
    if not shutil.which("java"):
        pytest.fail("The HTML checker needs Java: apt-get install default-jre-headless")
    if not VNU.exists():
        pytest.fail("The HTML checker is missing: `make test` installs it (npm ci)")
    # One short run: the quick (C1) compiler alone halves Java's CPU time for it.
    # The checker's schema needs a deeper stack than that compiler gives by default.
    command = ["java", "-XX:TieredStopAtLevel=1", "-Xss8m", "-jar", str(VNU), "--errors-only"]
    run = subprocess.run(
        [*command, "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # vnu writes its report to stderr, and exits 1 when it found errors.
    try:
        messages = json.loads(run.stderr)["messages"]
    except ValueError:
        pytest.fail(f"The HTML checker did not run (exit {run.returncode}):\n{run.stderr}")
    return [message for message in messages if message["type"] != "info"]


def test_every_kind_of_page_is_valid_html(client, tmp_path):
    for name, response, status in pages(client):
        assert response.status_code == status, f"{name}: {response.status_code}"
        (tmp_path / f"{name}.html").write_bytes(response.content)

    errors = vnu_errors(tmp_path)

    report = "\n".join(
        f"{Path(error.get('url', '')).name}:{error.get('lastLine', '?')}: {error['message']}"
        f"\n    {error.get('extract', '').strip()}"
        for error in errors
    )
    assert not errors, f"{len(errors)} HTML errors:\n{report}"

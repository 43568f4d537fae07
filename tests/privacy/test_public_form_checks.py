"""Every public form checks Origin, honeypot, timestamp and fields first; refused posts count
only toward a separate, higher ceiling per address, and only accepted posts toward the hourly
limit, so an attacker's page can never use up a reader's allowance."""

import time

import pytest

from django.core import signing

from privacy import public_forms
from tests.healthsite.test_contact_form import message
from tests.newsletter.conftest import signup
from tests.site_pages import CONTACT, NEWSLETTER, TELL_YOUR_STORY
from tests.stories.conftest import story as story_form

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

READER = "203.0.113.20"
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def started(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=public_forms.SALT)


def newsletter(**overrides):
    return signup(**overrides)  # its fields carry the box's prefix


def story(**overrides):
    return story_form(**overrides)


def contact(**overrides):
    return message(**overrides)


FORMS = {
    "newsletter": (NEWSLETTER.url, newsletter),
    "story": (TELL_YOUR_STORY.url, story),
    "contact": (CONTACT.url, contact),
}


@pytest.fixture(params=list(FORMS))
def form(request):
    return FORMS[request.param]


def post(client, url, data, **headers):
    return client.post(url, data, REMOTE_ADDR=READER, **headers)


def test_cross_site_posts_never_use_up_a_readers_allowance(client, form):
    url, fields = form
    for _ in range(10):
        refused = post(client, url, fields(), HTTP_ORIGIN="https://evil.example")
        assert refused.status_code == 403
    response = post(client, url, fields(), **ORIGIN)
    assert response.status_code == 200
    assert "Too many" not in response.content.decode()


def test_robots_refused_by_honeypot_or_timestamp_never_use_up_the_allowance(client, form):
    url, fields = form
    for _ in range(5):
        post(client, url, fields(website="http://spam.example"), **ORIGIN)
        post(client, url, fields(form_started=started(seconds_ago=0)), **ORIGIN)
    response = post(client, url, fields(), **ORIGIN)
    assert response.status_code == 200
    assert "Too many" not in response.content.decode()


def test_refused_posts_meet_a_higher_ceiling(client, form):
    url, fields = form
    statuses = [
        post(client, url, fields(), HTTP_ORIGIN="https://evil.example").status_code
        for _ in range(31)
    ]
    assert statuses == [403] * 30 + [429]
    # From another address, readers are not affected.
    other = client.post(url, fields(), REMOTE_ADDR="203.0.113.99", **ORIGIN)
    assert other.status_code == 200


def test_a_post_quicker_than_people_type_is_refused(client, settings, form):
    url, fields = form
    assert settings.PUBLIC_FORM_MIN_SECONDS == 3  # the default
    quick = post(client, url, fields(form_started=started(seconds_ago=2)), **ORIGIN)
    assert "very quick" in quick.content.decode()

    settings.PUBLIC_FORM_MIN_SECONDS = 0  # as the browser tests' demo site has it
    at_once = post(client, url, fields(form_started=started(seconds_ago=0)), **ORIGIN)
    assert "very quick" not in at_once.content.decode()

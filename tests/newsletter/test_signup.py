"""Signing up from the box under every content page: the same answer whatever the state of the
address, the right e-mail to its owner, consent recorded, robots and floods refused."""

import re

import pytest

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletter.models import NewsletterSettings, Subscriber
from tests.conftest import page_at
from tests.newsletter.conftest import (
    ORIGIN,
    URL,
    link,
    outbox_to,
    sign_up,
    signup,
    started,
    wording,
)
from tests.site_pages import ABOUT, SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
ANSWER = "Check your inbox."


def visible_text(response):
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize("path", [SCIATICA.url, URL, ABOUT.url])
def test_the_box_is_on_content_pages_without_a_cookie_or_a_write(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert not response.cookies
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")
    ]
    assert writes == []
    box = html[html.index('id="newsletter-signup"') :]
    assert f'action="{URL}#newsletter-signup"' in box
    assert 'name="newsletter-email"' in box and 'autocomplete="email"' in box
    assert 'name="newsletter-first_name"' in box and 'autocomplete="given-name"' in box
    assert 'name="newsletter-website"' in box  # the honeypot, hidden from people
    assert 'name="newsletter-form_started"' in box
    assert NewsletterSettings().privacy_promise in box
    assert f'name="newsletter-source" value="{path}"' in box
    # Inside the article, after the disclaimer when there is one.
    assert html.index('id="newsletter-signup"') < html.index("</article>")


def test_a_new_address_gets_a_confirmation_and_consent_is_recorded(client):
    response = sign_up(client, email="Sam@Example.com")

    assert response.status_code == 200
    assert not response.cookies
    assert ANSWER in visible_text(response)
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Sam@Example.com"
    assert subscriber.first_name == "Sam"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_source == Subscriber.Source.PAGE_BOX
    assert subscriber.consent_page == SCIATICA.url
    assert subscriber.consent_wording == NewsletterSettings().privacy_version
    assert subscriber.consent_at is not None
    [message] = mail.outbox
    assert message.to == ["Sam@Example.com"]
    assert message.subject == "Please confirm your subscription to Healthy Back - Healthy Life"
    assert link(message).startswith("/newsletter/confirm/")
    assert "Sam" not in message.body  # whoever typed the address may not own it
    assert "List-Unsubscribe" not in message.extra_headers


def test_the_newsletter_page_is_recorded_as_the_source(client):
    sign_up(client, source=URL)
    assert Subscriber.objects.get().consent_source == Subscriber.Source.NEWSLETTER_PAGE


def test_the_wording_shown_is_the_wording_recorded(client):
    # A page cached before the promise changed showed the old version.
    sign_up(client, wording=wording("2025-01"))
    assert Subscriber.objects.get().consent_wording == "2025-01"


def test_signing_up_twice_gives_the_same_answer_and_a_new_link(client):
    first = sign_up(client)
    second = sign_up(client, email="SAM@example.com", first_name="")

    assert visible_text(first).count(ANSWER) == visible_text(second).count(ANSWER) == 1
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().first_name == "Sam"
    assert [link(message).split("/")[2] for message in mail.outbox] == ["confirm", "confirm"]


def test_a_subscribed_address_is_told_so_and_nothing_changes(client):
    sign_up(client)
    subscriber = Subscriber.objects.get()
    subscriber.confirm()
    consent = subscriber.consent_at
    mail.outbox.clear()

    response = sign_up(client, first_name="Mallory", source=URL)

    assert ANSWER in visible_text(response)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert (subscriber.first_name, subscriber.consent_at) == ("Sam", consent)
    [message] = mail.outbox
    assert message.subject == "You are already subscribed to Healthy Back - Healthy Life"
    assert link(message).startswith("/newsletter/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_signing_up_after_unsubscribing_asks_for_a_new_confirmation(client):
    sign_up(client)
    subscriber = Subscriber.objects.get()
    subscriber.confirm()
    Subscriber.objects.update(status=Subscriber.Status.UNSUBSCRIBED)
    mail.outbox.clear()

    response = sign_up(client, source=URL)

    assert ANSWER in visible_text(response)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.unsubscribed_at is None
    assert subscriber.consent_source == Subscriber.Source.NEWSLETTER_PAGE
    [message] = mail.outbox
    assert link(message).startswith("/newsletter/confirm/")


def test_one_address_gets_a_limited_number_of_emails_whatever_the_connections(client):
    for number in range(8):
        response = sign_up(client, address=f"198.51.100.{number}")
        assert ANSWER in visible_text(response)
    assert len(outbox_to("sam@example.com")) == 5


@pytest.mark.parametrize(
    ("fields", "complaint"),
    [
        ({"website": "http://spam.example"}, "could not accept"),
        ({"form_started": lambda: started(seconds_ago=0)}, "very quick"),
        ({"form_started": lambda: started(seconds_ago=3 * 24 * 3600)}, "expired"),
        ({"form_started": "forged"}, "expired"),
        ({"wording": "forged"}, "expired"),
        ({"email": ""}, "Please enter your e-mail address."),
        ({"email": "not an address"}, "like name@example.com"),
        ({"email": "a" * 250 + "@example.com"}, "at most 254 characters"),
        ({"email": "sam@example.com\x00"}, "like name@example.com"),
        ({"email": "sam@example.com\nBcc: victim@example.org"}, "like name@example.com"),
        ({"email": "sam@example.com\r\nSubject: hi"}, "like name@example.com"),
        ({"email": '"sam\x01"@example.com'}, "like name@example.com"),
        ({"first_name": "S" * 61}, "60 characters or fewer"),
        ({"first_name": "Sam\x00"}, "without special characters"),
        ({"first_name": "Sam\u202eevil"}, "without special characters"),
        ({"first_name": "Visit http://spam.example"}, "only your first name"),
    ],
)
def test_robots_and_mistakes_get_a_clear_answer_and_keep_what_was_typed(client, fields, complaint):
    fields = {name: value() if callable(value) else value for name, value in fields.items()}
    response = sign_up(client, **fields)

    html = response.content.decode()
    assert response.status_code == 200
    assert complaint in html
    assert ANSWER not in html
    # What the reader typed in the other box is still there.
    kept = 'value="sam@example.com"' if "first_name" in fields else 'value="Sam"'
    assert kept in html
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_corrected_form_goes_through_even_if_it_had_expired(client):
    response = sign_up(client, form_started=started(seconds_ago=3 * 24 * 3600))
    html = response.content.decode()
    fresh = re.search(r'name="newsletter-form_started" value="([^"]+)"', html).group(1)
    assert fresh != started(seconds_ago=3 * 24 * 3600)

    # The reader takes a few seconds to look again, then sends the form as it was re-rendered.
    data = signup()
    data["newsletter-form_started"] = started(seconds_ago=10)
    response = client.post(URL, data, REMOTE_ADDR="203.0.113.5", **ORIGIN)
    assert ANSWER in visible_text(response)


def test_emoji_and_accents_in_a_first_name_are_welcome(client):
    sign_up(client, first_name="Zoë 🌸")
    assert Subscriber.objects.get().first_name == "Zoë 🌸"


def test_a_post_from_another_site_is_refused(client):
    response = client.post(URL, signup(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = client.post(URL, signup())  # neither Origin nor Referer
    assert response.status_code == 403
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_replayed_form_is_accepted_until_the_limit_then_refused_cheaply(client):
    form = signup()
    answers = [
        client.post(URL, form, REMOTE_ADDR="192.0.2.7", **ORIGIN).status_code for _ in range(5)
    ]
    assert answers == [200] * 5

    with CaptureQueriesContext(connection) as queries:
        flood = client.post(URL, form, REMOTE_ADDR="192.0.2.7", **ORIGIN)
    assert flood.status_code == 429
    assert not any("newsletter_subscriber" in q["sql"] for q in queries.captured_queries)
    # Someone else is not held back.
    assert client.post(URL, form, REMOTE_ADDR="192.0.2.8", **ORIGIN).status_code == 200


def test_a_flood_of_robots_is_refused_then_stopped_at_a_higher_ceiling(client):
    statuses = [
        client.post(URL, signup(website="spam"), REMOTE_ADDR="192.0.2.9").status_code
        for _ in range(32)
    ]
    assert statuses == [403] * 30 + [429] * 2


def test_the_box_is_not_shown_while_the_newsletter_page_is_not_live(client):
    page_at(URL).unpublish()
    assert 'id="newsletter-signup"' not in client.get(ABOUT.url).content.decode()

"""The links in newsletter e-mails: opening one shows a button (mail scanners open links),
pressing it acts; a changed or stale link gets a friendly page, never an error."""

import time
from unittest import mock

import pytest

from django.core import mail, signing
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletter import tokens
from newsletter.models import Subscriber
from tests.newsletter.conftest import ORIGIN, link, sign_up

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


@pytest.fixture
def subscriber(client):
    sign_up(client)
    return Subscriber.objects.get()


def confirm_link(subscriber):
    return f"/newsletter/confirm/{tokens.for_confirming(subscriber.key)}/"


def unsubscribe_link(subscriber):
    return f"/newsletter/unsubscribe/{tokens.for_unsubscribing(subscriber.key)}/"


def made_ago(seconds, make, subscriber):
    """A token as made `seconds` ago."""
    with mock.patch("time.time", return_value=time.time() - seconds):
        return make(subscriber.key)


def writes_during(action):
    with CaptureQueriesContext(connection) as queries:
        response = action()
    sql = [q["sql"] for q in queries.captured_queries]
    return response, [q for q in sql if q.split()[0] in ("INSERT", "UPDATE", "DELETE")]


def test_opening_the_confirmation_link_only_shows_a_button(client, subscriber):
    response, writes = writes_during(lambda: client.get(link(mail.outbox[0])))

    assert response.status_code == 200
    assert not response.cookies and writes == []
    html = response.content.decode()
    assert '<form class="newsletter-link__form" method="post">' in html
    assert "Yes, subscribe me" in html
    assert '<meta name="robots" content="noindex">' in html
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_pressing_the_button_confirms_once_and_offers_the_gift(client, subscriber):
    path = link(mail.outbox[0])
    first = client.post(path, **ORIGIN)
    subscriber.refresh_from_db()
    confirmed_at = subscriber.confirmed_at
    again = client.post(path, **ORIGIN)

    assert first.status_code == again.status_code == 200
    assert "you are subscribed" in first.content.decode()
    assert not first.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at == confirmed_at


def test_the_button_is_pressed_on_our_page_only(client, subscriber):
    response = client.post(confirm_link(subscriber), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert "Yes, subscribe me" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_a_confirmation_link_works_for_a_week(client, subscriber):
    token = made_ago(tokens.CONFIRM_FOR.total_seconds() - 60, tokens.for_confirming, subscriber)
    assert client.post(f"/newsletter/confirm/{token}/", **ORIGIN).status_code == 200


def test_an_expired_confirmation_link_says_so_and_offers_the_form(client, subscriber):
    token = made_ago(tokens.CONFIRM_FOR.total_seconds() + 60, tokens.for_confirming, subscriber)
    opened = client.get(f"/newsletter/confirm/{token}/")
    pressed = client.post(f"/newsletter/confirm/{token}/", **ORIGIN)

    for response in (opened, pressed):
        assert response.status_code == 410
        html = response.content.decode()
        assert "This link has expired" in html
        assert 'id="newsletter-signup"' in html
        assert not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "x" * 5000,
        "%00",
        "IjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMCI:1xWKuC:forged",
        # Signed for unsubscribing, not for confirming.
        lambda subscriber: tokens.for_unsubscribing(subscriber.key),
        # Properly signed, but not a subscriber's key.
        lambda subscriber: signing.dumps({"a": 1}, salt=tokens.CONFIRM_SALT),
    ],
)
def test_a_changed_confirmation_link_gets_a_friendly_page(client, subscriber, token):
    token = token(subscriber) if callable(token) else token
    for response in (
        client.get(f"/newsletter/confirm/{token}/"),
        client.post(f"/newsletter/confirm/{token}/", **ORIGIN),
    ):
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_a_confirmation_link_does_not_bring_back_someone_who_left(client, subscriber):
    subscriber.confirm()
    client.post(unsubscribe_link(subscriber))
    response = client.post(confirm_link(subscriber), **ORIGIN)
    assert response.status_code == 410
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribing_shows_a_button_then_acts(client, subscriber):
    subscriber.confirm()
    response, writes = writes_during(lambda: client.get(unsubscribe_link(subscriber)))
    assert response.status_code == 200 and writes == [] and not response.cookies
    assert "<button" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED

    response = client.post(unsubscribe_link(subscriber), **ORIGIN)

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_a_mail_program_unsubscribes_with_one_click(client, subscriber):
    """RFC 8058: the provider POSTs this body to the link, with no Origin of ours."""
    subscriber.confirm()
    response = client.post(
        unsubscribe_link(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribe_links_never_expire(client, subscriber):
    subscriber.confirm()
    token = made_ago(5 * 365 * 24 * 3600, tokens.for_unsubscribing, subscriber)
    response = client.post(f"/newsletter/unsubscribe/{token}/")
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_a_changed_unsubscribe_link_gets_a_friendly_page(client, subscriber):
    subscriber.confirm()
    token = tokens.for_unsubscribing(subscriber.key)
    for changed in (token[:-2] + "xx", tokens.for_confirming(subscriber.key)):
        response = client.post(f"/newsletter/unsubscribe/{changed}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_unsubscribing_someone_already_erased_still_answers_kindly(client, subscriber):
    path = unsubscribe_link(subscriber)
    subscriber.delete()
    assert client.post(path).status_code == 200


def test_links_accept_only_get_and_post(client, subscriber):
    assert client.put(unsubscribe_link(subscriber)).status_code == 405

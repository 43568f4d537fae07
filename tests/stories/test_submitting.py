"""A reader sends a story from Tell Your Story: it waits for an editor, the editors are told by
e-mail, and nothing is published. Reading the page stays cookie-free and read-only."""

import re

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.setup import EDITORS, MODERATORS, REVIEWERS
from stories import notifications
from stories.models import StoryPage, StorySubmission

from .conftest import URL, member, send

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


@pytest.fixture
def team(django_user_model):
    """Who is told about new stories (and who is not)."""
    member(django_user_model, "writer", EDITORS)
    member(django_user_model, "chief", MODERATORS)
    member(django_user_model, "doctor", REVIEWERS)
    member(django_user_model, "gone", EDITORS, is_active=False)
    member(django_user_model, "nomail", MODERATORS, email="")
    both = member(django_user_model, "both", EDITORS).user
    both.groups.add(Group.objects.get(name=MODERATORS))


def writes(queries):
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]


def test_reading_the_page_sets_no_cookie_and_writes_nothing(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    assert not response.cookies
    assert writes(queries) == []
    html = response.content.decode()
    assert re.search(r'name="form_started" value="[^"]+"', html)
    assert "csrfmiddlewaretoken" not in html
    assert '<div class="form__field" hidden>' in html  # the honeypot, out of sight
    assert 'action="/back-pain-overview/tell-your-story/#story-form"' in html


def test_a_story_waits_for_an_editor_and_the_editors_are_told(client, team):
    response = send(client)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you for sharing your story" in html
    assert "An editor reads every story before anything appears on the site" in html
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    kept = StorySubmission.objects.get()
    assert kept.status == StorySubmission.Status.PENDING
    assert (kept.title, kept.teller, kept.email, kept.consent) == (
        "Back to the allotment",
        "Sam",
        "sam@example.com",
        True,
    )
    assert kept.story == "My back went in March.\n\nA physio showed me how to dig again."
    assert not StoryPage.objects.exists()

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["both@example.com", "chief@example.com", "writer@example.com"]
    message = mail.outbox[0]
    assert message.subject == notifications.SUBJECT
    assert "Back to the allotment" in message.body and "Sam" in message.body
    assert "http://testserver/admin/reader-stories/" in message.body
    assert f"http://testserver/admin/reader-stories/edit/{kept.pk}/" in message.body
    assert "sam@example.com" not in message.body  # no need to copy it into mailboxes


def test_sending_the_same_story_again_keeps_it_once(client, team):
    send(client)
    response = send(client)  # the thank-you page reloaded
    assert response.status_code == 200
    assert StorySubmission.objects.count() == 1
    assert len(mail.outbox) == 3


def test_the_story_is_kept_when_the_mail_server_fails(client, team, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", broken)
    response = send(client)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert StorySubmission.objects.filter(status="pending").count() == 1


def test_the_thank_you_mentions_the_address_only_when_one_was_given(client):
    assert "e-mail address you gave" in send(client).content.decode()
    assert "e-mail address you gave" not in send(client, email="", title="Other").content.decode()

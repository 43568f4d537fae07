"""Whatever a reader types stays text: escaped on pages and in the admin, plain text in
e-mails, and never a formula in a spreadsheet."""

import csv
import io

import pytest

from django.core import mail
from django.urls import reverse

from stories.models import StorySubmission

from .conftest import QUEUE, URL, edit_url, moderation_form, send, submission

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

TITLE = '<script>alert("title")</script>'
STORY = "<b>bold</b> and <img src=x onerror=alert(\"story\")>\n\n=cmd|' /C calc'!A0"
TELLER = "=cmd|' /C calc'!A0"
EMAIL = "=1+2@example.com"  # a valid address, and a formula to a spreadsheet
RAW = ["<script>alert(", "<b>bold</b>", "<img src=x"]
ESCAPED = [
    "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;",
    "&lt;b&gt;bold&lt;/b&gt;",
    "&lt;img src=x onerror=alert(&quot;story&quot;)&gt;",
]


@pytest.fixture
def sent(client, editor):
    response = send(client, title=TITLE, story=STORY, teller=TELLER, email=EMAIL)
    assert response.status_code == 200
    return StorySubmission.objects.get()


def shows_as_text(html, escaped=ESCAPED):
    assert not [raw for raw in RAW if raw in html]
    assert [text for text in escaped if text not in html] == []


def test_it_is_kept_exactly_as_typed(sent):
    assert (sent.title, sent.story, sent.teller, sent.email) == (TITLE, STORY, TELLER, EMAIL)


def test_it_stays_text_in_the_form_sent_back_with_a_mistake(client):
    response = send(client, title=TITLE, story=STORY, teller=TELLER, consent="")
    shows_as_text(response.content.decode())


def test_it_stays_text_on_the_published_story_and_the_listing(sent, moderator, client):
    approved = moderator.post(edit_url(sent), moderation_form(sent, "approve"), follow=True)
    shows_as_text(approved.content.decode(), escaped=ESCAPED[:1])  # "Story '…' published."
    page = StorySubmission.objects.get().page

    story = client.get(page.url).content.decode()
    shows_as_text(story)
    assert "=cmd|&#x27; /C calc&#x27;!A0" in story
    assert '<h1 class="page-header__title" dir="auto">&lt;script&gt;' in story
    # The title also goes into the page's JSON-LD, escaped for a <script> element.
    assert "\\u003Cscript\\u003E" in story
    listing = client.get(URL).content.decode()
    shows_as_text(listing, escaped=ESCAPED[:1])


def test_it_stays_plain_text_in_the_e_mail(sent):
    message = mail.outbox[0]
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", [])
    assert f"Title: {TITLE}" in message.body  # as the reader wrote it, not as HTML entities
    headers = message.message()
    assert "script" not in headers["Subject"] and "cmd" not in str(headers["To"])
    assert headers["Reply-To"] is None


def test_it_stays_text_in_the_admin(sent, editor):
    shows_as_text(editor.get(reverse(QUEUE)).content.decode(), escaped=ESCAPED[:1])
    shows_as_text(editor.get(edit_url(sent)).content.decode())


def test_it_is_never_a_formula_in_the_csv_export(sent, editor):
    response = editor.get(reverse(QUEUE), {"export": "csv", "status": "all"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, row = rows
    cells = dict(zip(header, row, strict=True))
    assert cells["First name or initials"] == "'=cmd|' /C calc'!A0"
    assert cells["E-mail address"] == "'=1+2@example.com"
    assert cells["Title"] == TITLE
    assert cells["Story"].startswith("<b>bold</b>") and "\n\n=cmd" in cells["Story"]
    assert not [cell for cell in row if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start, editor):
    submission(title=f"{start}SUM(1,2)", email="")
    response = editor.get(reverse(QUEUE), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][rows[0].index("Title")] == f"'{start}SUM(1,2)"

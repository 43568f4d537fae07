"""Robots, floods and mistakes: each gets a clear answer, the reader keeps what they typed, and
nothing is kept or e-mailed that should not be."""

import re

import pytest

from django.core import mail

from stories import submissions
from stories.models import StorySubmission

from .conftest import ORIGIN, URL, send, started, story

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def nothing_kept():
    return not StorySubmission.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    ("overrides", "complaint"),
    [
        ({"website": "http://spam.example"}, "could not accept"),
        ({"form_started": lambda: started(seconds_ago=0)}, "very quick"),
        ({"form_started": lambda: started(seconds_ago=3 * 24 * 3600)}, "expired"),
        ({"form_started": "forged"}, "expired"),
        ({"form_started": ""}, "expired"),
    ],
    ids=["honeypot", "too-fast", "too-old", "forged-timestamp", "no-timestamp"],
)
def test_robots_are_refused_with_a_clear_answer(client, overrides, complaint):
    overrides = {key: value() if callable(value) else value for key, value in overrides.items()}
    response = send(client, **overrides)
    assert response.status_code == 200
    html = response.content.decode()
    assert complaint in html
    assert "Back to the allotment" in html and "A physio showed me" in html  # still typed
    assert nothing_kept()


def test_a_refused_form_can_be_sent_again_once_checked(client):
    response = send(client, form_started=started(seconds_ago=3 * 24 * 3600))
    again = re.search(r'name="form_started" value="([^"]+)"', response.content.decode())[1]
    # The reader takes a moment to check, then sends it again.
    assert send(client, form_started=again).status_code == 200
    assert not StorySubmission.objects.exists()  # too quick: the clock started again
    assert send(client, form_started=started(seconds_ago=10)).status_code == 200
    assert StorySubmission.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "http://testserver.evil.example"},
        {"HTTP_REFERER": "https://evil.example/tell-your-story/"},
        {},
    ],
    ids=["other-origin", "lookalike-origin", "other-referer", "no-origin"],
)
def test_a_post_from_another_site_is_refused(client, headers):
    response = client.post(URL, story(), **headers)
    assert response.status_code == 403
    assert nothing_kept()


def test_a_referer_from_the_site_itself_is_enough(client):
    response = client.post(URL, story(), HTTP_REFERER=f"http://testserver{URL}")
    assert response.status_code == 200
    assert StorySubmission.objects.count() == 1


def test_a_flood_from_one_address_is_refused_after_the_limit(client):
    limit = int(submissions.RATE.split("/")[0])
    for number in range(limit):
        assert send(client, title=f"Story {number}").status_code == 200
    response = send(client, title="One too many")
    assert response.status_code == 429
    assert "Please wait a little" in response.content.decode()
    assert StorySubmission.objects.count() == limit
    # Another reader, on another address, is not held up.
    other = client.post(URL, story(title="Someone else"), REMOTE_ADDR="203.0.113.9", **ORIGIN)
    assert other.status_code == 200


def test_a_reader_who_corrects_a_few_mistakes_stays_within_the_limit(client):
    limit = int(submissions.RATE.split("/")[0])
    for _attempt in range(limit - 1):
        send(client, title="")
    assert send(client).status_code == 200
    assert StorySubmission.objects.count() == 1


TOO_LONG = "Please shorten this"


@pytest.mark.parametrize(
    ("field", "value", "complaint"),
    [
        ("title", "", "Please give your story a title."),
        ("title", " \t\r\n ", "Please give your story a title."),
        ("title", "x" * 101, f"{TOO_LONG} to 100 characters or fewer (it has 101)"),
        ("title", "\x00\x01\x1f", "Please give your story a title."),
        ("story", "", "Please write your story."),
        ("story", "\r\n\r\n", "Please write your story."),
        ("story", "x" * 5001, f"{TOO_LONG} to 5,000 characters or fewer (it has 5001)"),
        ("teller", "", "Please tell us your first name or initials."),
        ("teller", "S" * 41, f"{TOO_LONG} to 40 characters or fewer (it has 41)"),
        ("teller", "sam@example.com", "Please give only your first name or initials here"),
        ("email", "not an address", "Please enter an e-mail address like name@example.com"),
        ("email", "sam\x00@example.com", "Please enter an e-mail address like name@example.com"),
        ("email", "sam@example.com\r\nBcc: all@example.com", "Please enter an e-mail address"),
        ("email", "😀@example.com", "Please enter an e-mail address like name@example.com"),
        ("email", "a" * 250 + "@example.com", "longer than any e-mail address can be"),
        ("consent", "", "Please tick the box so that we may publish your story."),
    ],
)
def test_bad_input_gets_a_friendly_message_and_keeps_what_was_typed(
    client, field, value, complaint
):
    data = story(**{field: value})
    if field == "consent":
        del data["consent"]
    response = client.post(URL, data, **ORIGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your story has not been sent yet" in html
    assert complaint in html
    assert 'aria-invalid="true"' in html
    for other, typed in [("title", "Back to the allotment"), ("teller", 'value="Sam"')]:
        if other != field:
            assert typed in html
    if field != "story":
        assert "A physio showed me how to dig again." in html
    assert nothing_kept()


def test_control_characters_are_dropped_and_line_ends_made_plain(client):
    send(
        client,
        title="Back\x00 to the\x1b allotment",
        teller="Sam\r\nK",
        story="First\x07 part.\r\n\r\n\r\n\r\nSecond\x00 part.\x85\rThird line.",
    )
    kept = StorySubmission.objects.get()
    assert kept.title == "Back to the allotment"
    assert kept.teller == "Sam K"
    assert kept.story == "First part.\n\nSecond part.\nThird line."


def test_emoji_and_right_to_left_text_are_kept_as_written(client):
    title = "שלום 👋 مرحبا"
    teller = "נועה"
    text = "כאב גב 💪🏽 تحسنت كثيرا\n\nThen English again."
    send(client, title=title, teller=teller, story=text)
    kept = StorySubmission.objects.get()
    assert (kept.title, kept.teller, kept.story) == (title, teller, text)


def test_the_longest_allowed_story_is_accepted(client):
    send(client, title="t" * 100, story="s" * 5000, teller="T" * 40, email="")
    kept = StorySubmission.objects.get()
    assert (len(kept.title), len(kept.story), len(kept.teller), kept.email) == (100, 5000, 40, "")


def test_line_ends_sent_by_browsers_do_not_count_twice(client):
    text = "\r\n".join(["x" * 99] * 50)  # 4,999 characters once line ends are one character
    assert len(text) > 5000
    send(client, story=text)
    assert len(StorySubmission.objects.get().story) == 4999

import time
from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editorial.setup import EDITORS, MODERATORS, REVIEWERS
from healthsite.counting import counters
from privacy import public_forms
from stories.models import StoryPage, StorySubmission
from tests.site_pages import TELL_YOUR_STORY

URL = TELL_YOUR_STORY.url
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
QUEUE = "story_submissions:index"


@pytest.fixture(autouse=True)
def no_stories_yet(db):
    """Each test starts with no stories, waiting or published: the demo's are taken away (in
    the test's transaction, so they come back after it)."""
    StorySubmission.objects.all().delete()
    StoryPage.objects.all().delete()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits are counted in the `counters` cache, which outlives a test."""
    counters.clear()
    yield
    counters.clear()


def started(seconds_ago):
    return signing.dumps(time.time() - seconds_ago, salt=public_forms.SALT)


def story(**overrides):
    """The fields of the form as a reader sends them."""
    data = {
        "title": "Back to the allotment",
        "story": "My back went in March.\r\n\r\nA physio showed me how to dig again.",
        "teller": "Sam",
        "email": "sam@example.com",
        "consent": "on",
        "form_started": started(seconds_ago=30),
        "website": "",
    }
    return {**data, **overrides}


def send(client, **overrides):
    return client.post(URL, story(**overrides), **ORIGIN)


def member(django_user_model, username, group, **fields):
    """A logged-in client for a new user in `group` (client.user is the user)."""
    user = django_user_model.objects.create_user(
        username, fields.pop("email", f"{username}@example.com"), "pw", **fields
    )
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def editor(django_user_model):
    return member(django_user_model, "writer", EDITORS)


@pytest.fixture
def moderator(django_user_model):
    return member(django_user_model, "chief", MODERATORS)


@pytest.fixture
def reviewer(django_user_model):
    return member(django_user_model, "doctor", REVIEWERS)


def submission(**fields):
    """A story waiting for an editor, as the form keeps it."""
    data = {
        "title": "Walking the dog again",
        "story": "It took six weeks.\n\nNow we walk every morning.",
        "teller": "J. P.",
        "email": "jp@example.com",
        "consent": True,
    }
    return StorySubmission.objects.create(**{**data, **fields})


def edit_url(submission):
    return reverse("story_submissions:edit", args=[submission.pk])


def moderation_form(submission, action=None, **changes):
    """The moderation form as the admin posts it, with `changes` made and `action` pressed."""
    data = {
        "title": submission.title,
        "teller": submission.teller,
        "story": submission.story,
        "note": submission.note,
        **changes,
    }
    if action:
        data[f"action-{action}"] = action
    return data


def days_ago(days):
    return timezone.now() - timedelta(days=days)

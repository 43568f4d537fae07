"""What is kept from readers' stories, and for how long: the retention purge deletes what it
should and nothing else, and an editor can export or erase everything about one address."""

import pytest

from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision

from privacy import personal_data
from stories import moderation
from stories.models import StoryPage, StorySubmission
from stories.personal_data import STORY_SUBMISSIONS

from .conftest import days_ago, submission

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
NAME = STORY_SUBMISSIONS.name


def published(received_days_ago, published_days_ago, **fields):
    """An approved submission, published `published_days_ago`."""
    story = submission(received=days_ago(received_days_ago), **fields)
    moderation.approve(story, user=None)
    StorySubmission.objects.filter(pk=story.pk).update(decided_at=days_ago(published_days_ago))
    story.refresh_from_db()
    return story


def test_it_is_registered_with_the_privacy_tools():
    assert NAME in {holder.name for holder in personal_data.holders()}
    assert "90 days" in STORY_SUBMISSIONS.kept_for and "30 days" in STORY_SUBMISSIONS.kept_for


def test_the_purge_deletes_what_it_should_and_nothing_else(client):
    stale_pending = submission(title="Old, never decided", received=days_ago(91))
    fresh_pending = submission(title="Still waiting", received=days_ago(89))
    stale_rejected = submission(title="Old rejection", received=days_ago(91), status="rejected")
    fresh_rejected = submission(title="Recent rejection", received=days_ago(10), status="rejected")
    old_story = published(received_days_ago=120, published_days_ago=31, title="Old story")
    new_story = published(received_days_ago=40, published_days_ago=29, title="New story")
    no_email = published(received_days_ago=200, published_days_ago=100, email="", title="Anon")
    taken_down = published(received_days_ago=5, published_days_ago=4, title="Taken down")
    taken_down.page.delete()
    log(fresh_pending, moderation.REJECT)  # a history that must stay
    log(stale_pending, moderation.REJECT)  # one that must go with it

    changed = personal_data.purge(timezone.now())[NAME]

    assert changed == 3 + 1  # three submissions deleted, one e-mail address blanked
    left = {story.title: story for story in StorySubmission.objects.all()}
    assert set(left) == {
        fresh_pending.title,
        fresh_rejected.title,
        old_story.title,
        new_story.title,
        no_email.title,
    }
    assert stale_pending.title not in left and stale_rejected.title not in left
    assert left["Old story"].email == "" and left["Old story"].status == "approved"
    assert left["New story"].email == "jp@example.com"
    assert left["Still waiting"].email == "jp@example.com"
    # The published stories themselves stay on the site.
    for story in (old_story, new_story, no_email):
        assert client.get(story.page.url).status_code == 200
    logged = ModelLogEntry.objects.filter(content_type__model="storysubmission")
    assert set(logged.values_list("object_id", flat=True)) >= {str(fresh_pending.pk)}
    assert not logged.filter(object_id=str(stale_pending.pk)).exists()

    assert personal_data.purge(timezone.now())[NAME] == 0  # nothing more to do


def test_an_editor_exports_everything_about_one_address():
    submission(email="Reader@Example.com", title="Mine")
    published(received_days_ago=10, published_days_ago=9, email="reader@example.com")
    submission(email="someone.else@example.com", title="Not mine")

    found = personal_data.export(" reader@example.com ")[NAME]

    assert sorted(item["title"] for item in found) == ["Mine", "Walking the dog again"]
    item = next(item for item in found if item["title"] == "Walking the dog again")
    assert item["story"].startswith("It took six weeks.")
    assert item["first name or initials"] == "J. P."
    assert item["status"] == "Published"
    assert item["published at"].endswith(
        "/back-pain-overview/tell-your-story/walking-the-dog-again/"
    )
    assert STORY_SUBMISSIONS.export("") == []


def test_erasing_an_address_deletes_its_stories_and_nothing_else(client):
    mine = published(received_days_ago=10, published_days_ago=9, email="reader@example.com")
    waiting = submission(email="READER@example.com", title="Another of mine")
    other = published(
        received_days_ago=10, published_days_ago=9, email="other@example.com", title="Not mine"
    )
    anonymous = submission(email="", title="No address")
    page_id, url = mine.page.pk, mine.page.url

    erased = personal_data.erase("reader@example.com")[NAME]

    assert erased == 3  # two submissions and the story published from one of them
    assert set(StorySubmission.objects.values_list("pk", flat=True)) == {other.pk, anonymous.pk}
    assert not Page.objects.filter(pk=page_id).exists()
    assert not Revision.objects.filter(object_id=str(page_id)).exists()
    assert not PageLogEntry.objects.filter(page_id=page_id).exists()
    assert client.get(url).status_code == 404
    assert client.get(other.page.url).status_code == 200
    assert not ModelLogEntry.objects.filter(object_id=str(waiting.pk)).exists()
    assert StoryPage.objects.count() == 1


def test_erasing_no_address_erases_nothing():
    submission(email="")
    assert STORY_SUBMISSIONS.erase("") == 0
    assert StorySubmission.objects.count() == 1

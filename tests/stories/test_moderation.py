"""Editors and moderators read each story in the admin, correct it, or reject it; a moderator
who did not change the reader's words approves it (which publishes it under Tell Your Story at
once, without the medical review)."""

import pytest

from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, WorkflowState

from editorial.setup import MODERATORS
from healthsite.models import ContentPage
from stories.models import StoryIndexPage, StoryPage, StorySubmission
from tests.conftest import page_at
from tests.site_pages import BACK_PAIN_OVERVIEW

from .conftest import QUEUE, URL, days_ago, edit_url, member, moderation_form, submission

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def approve(client, waiting, **changes):
    return client.post(edit_url(waiting), moderation_form(waiting, "approve", **changes))


def test_the_queue_opens_on_the_stories_waiting(editor):
    waiting = submission(title="Waiting story")
    submission(title="Published story", status="approved")
    submission(title="Rejected story", status="rejected")

    html = editor.get(reverse(QUEUE)).content.decode()
    assert "Waiting story" in html
    assert "Published story" not in html and "Rejected story" not in html
    assert edit_url(waiting) in html

    everything = editor.get(reverse(QUEUE), {"status": "all"}).content.decode()
    assert all(title in everything for title in ["Waiting", "Published story", "Rejected story"])
    rejected = editor.get(reverse(QUEUE), {"status": "rejected"}).content.decode()
    assert "Rejected story" in rejected and "Waiting story" not in rejected


def test_an_editor_corrects_and_a_moderator_approves_and_the_story_is_published(
    editor, moderator, client
):
    waiting = submission(received=days_ago(3))
    assert editor.get(edit_url(waiting)).status_code == 200
    corrections = {
        "title": "Walking the dog, six weeks on",
        "story": "It took six weeks.\r\n\r\nNow we walk every morning, slowly.",
        "note": "Shortened the title.",
    }

    # Approving is publishing: not the editor's, with or without corrections.
    refused = approve(editor, waiting, **corrections)
    assert refused.status_code == 200
    assert "a Moderator approves it" in refused.content.decode()
    assert "Approve and publish" not in editor.get(edit_url(waiting)).content.decode()
    waiting.refresh_from_db()
    assert waiting.is_pending and waiting.title == "Walking the dog again"

    saved = editor.post(edit_url(waiting), moderation_form(waiting, **corrections))
    assert saved.status_code == 302
    waiting.refresh_from_db()
    shown = moderator.get(edit_url(waiting)).content.decode()
    assert "words were changed by writer" in shown and "Approve and publish" in shown

    response = approve(moderator, waiting)
    assert response.status_code == 302
    assert response["Location"] == reverse(QUEUE)
    waiting.refresh_from_db()
    assert waiting.status == StorySubmission.Status.APPROVED
    assert waiting.decided_by == moderator.user and waiting.decided_at is not None
    assert waiting.note == "Shortened the title."
    page = waiting.page
    assert page.live and not page.has_unpublished_changes
    assert page.get_parent().specific_class is StoryIndexPage
    assert page.url == "/back-pain-overview/tell-your-story/walking-the-dog-six-weeks-on/"
    assert page.title == "Walking the dog, six weeks on"
    assert page.story == "It took six weeks.\n\nNow we walk every morning, slowly."
    assert page.teller == "J. P."
    assert page.received == timezone.localdate(days_ago(3))
    assert page.owner == moderator.user
    assert page.latest_revision.user == moderator.user
    # Personal experience, not health advice: no medical review, not in What's New.
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    assert not page.is_health_page
    assert page not in ContentPage.objects.newest()
    assert ModelLogEntry.objects.filter(action="stories.approve", user=moderator.user).exists()
    assert ModelLogEntry.objects.filter(action="stories.change", user=editor.user).exists()

    story = client.get(page.url).content.decode()
    assert "<p>It took six weeks.</p>\n\n<p>Now we walk every morning, slowly.</p>" in story
    assert "Shared by <bdi>J. P.</bdi>" in story
    assert "not medical advice" in story
    assert "Walking the dog, six weeks on" in client.get(URL).content.decode()


def test_a_moderator_who_changed_the_words_leaves_the_approval_to_another(
    moderator, django_user_model
):
    waiting = submission()
    refused = approve(moderator, waiting, title="A tidier title")
    assert refused.status_code == 200
    assert "another Moderator approves them" in refused.content.decode()

    moderator.post(edit_url(waiting), moderation_form(waiting, title="A tidier title"))
    waiting.refresh_from_db()
    assert approve(moderator, waiting).status_code == 200
    assert StorySubmission.objects.get().is_pending

    other = member(django_user_model, "deputy", MODERATORS)
    assert approve(other, waiting).status_code == 302
    assert StorySubmission.objects.get().page.title == "A tidier title"


def test_a_moderator_approves_a_story_as_the_reader_wrote_it(moderator):
    waiting = submission(story="First paragraph.\n\nSecond paragraph.")
    # A browser sends a textarea's line breaks as CRLF: the same words, not a change.
    as_sent = approve(moderator, waiting, story="First paragraph.\r\n\r\nSecond paragraph.")
    assert as_sent.status_code == 302
    assert StorySubmission.objects.get().page.live
    assert not ModelLogEntry.objects.filter(action="stories.change").exists()


def test_published_stories_are_listed_newest_first_and_paginated(moderator, client):
    for number in range(13):
        approve(moderator, submission(title=f"Story {number:02}", received=days_ago(30 - number)))

    first = client.get(URL).content.decode()
    titles = [f"Story {number:02}" for number in range(12, 0, -1)]
    positions = [first.index(f">{title}<") for title in titles]
    assert positions == sorted(positions)
    assert "Story 00" not in first
    assert "Page 1 of 2" in first
    assert ">Story 00<" in client.get(URL, {"page": 2}).content.decode()


def test_slugs_of_stories_with_the_same_title_or_none_in_latin_letters(moderator):
    for title in ["Good days", "Good days", "שלום 👋"]:
        approve(moderator, submission(title=title))
    slugs = sorted(StoryPage.objects.values_list("slug", flat=True))
    assert slugs == ["good-days", "good-days-1", "story"]


def test_a_story_is_rejected_with_a_note(editor, client):
    waiting = submission()

    without_note = editor.post(edit_url(waiting), moderation_form(waiting, "reject"))
    assert without_note.status_code == 200
    assert "Say in a few words why" in without_note.content.decode()
    assert StorySubmission.objects.get().is_pending

    response = editor.post(
        edit_url(waiting), moderation_form(waiting, "reject", note="Names a clinic.")
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == StorySubmission.Status.REJECTED
    assert waiting.note == "Names a clinic." and waiting.decided_by == editor.user
    assert waiting.page is None and not StoryPage.objects.exists()
    assert "Walking the dog again" not in client.get(URL).content.decode()


def test_edits_are_saved_without_deciding(editor):
    waiting = submission()
    editor.post(edit_url(waiting), moderation_form(waiting, title="A better title"))
    waiting.refresh_from_db()
    assert waiting.title == "A better title" and waiting.is_pending
    assert not StoryPage.objects.exists()


def test_a_decided_story_is_not_decided_again(editor, moderator):
    waiting = submission()
    approve(moderator, waiting)
    response = editor.post(
        edit_url(waiting), moderation_form(waiting, "reject", note="Changed my mind")
    )
    assert response.status_code == 200
    assert "This story was already published" in response.content.decode()
    response = approve(moderator, waiting, title="Another title")
    assert StoryPage.objects.count() == 1
    waiting.refresh_from_db()
    assert waiting.status == "approved" and waiting.decided_by == moderator.user
    assert waiting.title == "Walking the dog again"  # published: edited as a page now


def test_someone_without_the_permission_cannot_moderate(reviewer, client):
    waiting = submission()

    assert reviewer.get(reverse(QUEUE)).status_code == 302  # sent back to the dashboard
    assert reviewer.get(edit_url(waiting)).status_code == 302
    assert approve(reviewer, waiting).status_code == 302
    delete = reverse("story_submissions:delete", args=[waiting.pk])
    assert reviewer.post(delete).status_code == 302
    assert "Reader stories" not in reviewer.get(reverse("wagtailadmin_home")).content.decode()

    assert approve(client, waiting).status_code == 302  # not logged in: to the login page
    waiting.refresh_from_db()
    assert waiting.is_pending and not StoryPage.objects.exists()


def test_the_permission_alone_lets_a_user_correct_and_reject_not_approve(django_user_model):
    user = django_user_model.objects.create_user("helper", "helper@example.com", "pw")
    for codename in ["access_admin", "moderate_storysubmission"]:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    helper = Client()
    helper.force_login(user)
    assert "Reader stories" in helper.get(reverse("wagtailadmin_home")).content.decode()
    waiting = submission()
    assert approve(helper, waiting).status_code == 200  # approving publishes: not theirs
    assert not StoryPage.objects.exists()
    rejected = helper.post(edit_url(waiting), moderation_form(waiting, "reject", note="Spam."))
    assert rejected.status_code == 302
    assert StorySubmission.objects.get().status == StorySubmission.Status.REJECTED


def test_no_one_adds_submissions_in_the_admin(admin_client):
    assert admin_client.get(reverse("story_submissions:add")).status_code == 302
    html = admin_client.get(reverse(QUEUE)).content.decode()
    assert reverse("story_submissions:add") not in html


def test_an_approved_story_is_corrected_later_as_a_page(admin_client, moderator, client):
    approve(moderator, submission())
    page = StorySubmission.objects.get().page
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert admin_client.get(edit).status_code == 200

    response = admin_client.post(
        edit,
        {
            "title": page.title,
            "slug": page.slug,
            "teller": "J.",
            "received": page.received.isoformat(),
            "story": "It took six weeks.\n\nThe reader asked us to leave out the rest.",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    html = client.get(page.url).content.decode()
    assert "The reader asked us to leave out the rest." in html
    assert "Now we walk every morning." not in html and "Shared by <bdi>J.</bdi>" in html


def test_story_pages_live_only_under_tell_your_story():
    index = page_at(URL)
    assert StoryPage.parent_page_types == ["stories.StoryIndexPage"]
    assert StoryPage in index.specific_class.allowed_subpage_models()
    assert not StoryPage.can_create_at(page_at(BACK_PAIN_OVERVIEW.url))
    # Not by hand in the page tree: each story comes with the reader's consent.
    assert StoryPage not in index.creatable_subpage_models()

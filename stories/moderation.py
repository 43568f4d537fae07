"""What an editor's decision on a submission does.

Approving publishes the story straight away, in the name of the editor who approved it: a
reader's experience is not health advice, so it skips the medical review that every other
page goes through. The moderation permission is the permission to publish it (as an approved
medical review is in healthsite/workflows.py).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log

from .models import StoryIndexPage, StoryPage, StorySubmission

APPROVE = "stories.approve"
REJECT = "stories.reject"


class AlreadyDecided(Exception):
    """Another editor approved or rejected the submission first."""


def story_index():
    """The Tell Your Story page stories are published under, or None."""
    return StoryIndexPage.objects.first()


def publish_story(index, *, title, story, teller, received, user=None):
    """A new live story page under `index` (also used to build demo stories)."""
    page = StoryPage(
        title=title,
        slug=find_available_slug(index, slugify(title) or "story"),
        story=story,
        teller=teller,
        received=received,
        owner=user,
        live=False,
    )
    index.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def decide(submission, status, user):
    """Records the decision, unless someone else made one first."""
    decided = StorySubmission.objects.filter(
        pk=submission.pk, status=StorySubmission.Status.PENDING
    ).update(status=status, decided_by=user, decided_at=timezone.now())
    if not decided:
        raise AlreadyDecided
    submission.refresh_from_db()


@transaction.atomic
def approve(submission, user):
    """Publishes the submission (as edited) under Tell Your Story; returns the story page."""
    decide(submission, StorySubmission.Status.APPROVED, user)
    submission.page = publish_story(
        story_index(),
        title=submission.title,
        story=submission.story,
        teller=submission.teller,
        received=timezone.localdate(submission.received),
        user=user,
    )
    submission.save(update_fields=["page"])
    log(submission, APPROVE, user=user)
    return submission.page


@transaction.atomic
def reject(submission, user):
    decide(submission, StorySubmission.Status.REJECTED, user)
    log(submission, REJECT, user=user)

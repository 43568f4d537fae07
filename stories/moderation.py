"""What an editor's decision on a submission does.

Approving publishes the story straight away, in the name of the moderator who approved it: a
reader's experience is not health advice, so it skips the medical review that every other
page goes through. Editors read, correct and reject stories; approving is publishing, so it is
for those who may publish under Tell Your Story (Moderators), and never for the one who changed
the reader's words (four eyes, superusers excepted).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .models import StoryIndexPage, StoryPage, StorySubmission

APPROVE = "stories.approve"
REJECT = "stories.reject"
CHANGE = "stories.change"


class AlreadyDecided(Exception):
    """Another editor approved or rejected the submission first."""


def story_index():
    """The Tell Your Story page stories are published under, or None."""
    return StoryIndexPage.objects.first()


def changed_by(submission):
    """The users who changed the reader's words of `submission` in the admin."""
    entries = ModelLogEntry.objects.for_instance(submission).filter(action=CHANGE)
    return set(entries.values_list("user_id", flat=True))


def record_change(submission, user, fields):
    log(submission, CHANGE, user=user, data={"fields": sorted(fields)})


def why_not_approve(submission, user, changing=False):
    """None if `user` may approve `submission`; otherwise, why not and who can.
    `changing`: the user changes the reader's words in the same request."""
    if user.is_superuser:
        return None
    index = story_index()
    if index is None or not index.permissions_for_user(user).can_publish():
        return "Approving publishes the story: a Moderator approves it once you save your changes."
    if changing or user.pk in changed_by(submission):
        return (
            "You changed the reader's words, so another Moderator approves them: save your "
            "changes and ask them."
        )
    return None


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

"""What the site keeps from readers' stories, for the privacy tools (privacy/).

A story that is not published (waiting, or rejected) is deleted 90 days after it arrived. A
published one keeps only what the reader agreed to publish: the e-mail address they gave goes
30 days after publication, and the submission (the record of their consent) goes with the page.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField
from django.db.models.functions import Cast

from wagtail.models import ModelLogEntry, PageLogEntry

from privacy.personal_data import PersonalData, older_than

from .models import StorySubmission

UNPUBLISHED_DAYS = 90
EMAIL_AFTER_PUBLICATION_DAYS = 30
Status = StorySubmission.Status


def submissions_from(email):
    if not email:
        return StorySubmission.objects.none()
    return StorySubmission.objects.filter(email__iexact=email).select_related("page")


def export(email):
    return [
        {
            "title": submission.title,
            "story": submission.story,
            "first name or initials": submission.teller,
            "e-mail address": submission.email,
            "agreed to publication": submission.consent,
            "received": submission.received.isoformat(),
            "status": submission.get_status_display(),
            "published at": submission.published_url(),
        }
        for submission in submissions_from(email)
    ]


@transaction.atomic
def erase(email):
    """Deletes the reader's submissions and the stories published from them: erasing withdraws
    the consent to publish."""
    submissions = list(submissions_from(email))
    pages = [submission.page for submission in submissions if submission.page]
    page_ids = [page.pk for page in pages]
    for page in pages:
        page.delete()
    # Its history would still name the story by its title.
    PageLogEntry.objects.filter(page_id__in=page_ids).delete()
    StorySubmission.objects.filter(pk__in=[submission.pk for submission in submissions]).delete()
    forget_deleted_submissions()
    return len(submissions) + len(pages)


@transaction.atomic
def purge(now):
    """Deletes unpublished stories past their time and the submissions of deleted stories, and
    blanks e-mail addresses kept past theirs; returns how many records it changed."""
    unpublished = StorySubmission.objects.exclude(status=Status.APPROVED).filter(
        received__lt=older_than(now, UNPUBLISHED_DAYS)
    )
    taken_down = StorySubmission.objects.filter(status=Status.APPROVED, page__isnull=True)
    deleted = unpublished.delete()[0] + taken_down.delete()[0]
    blanked = (
        StorySubmission.objects.filter(
            status=Status.APPROVED, decided_at__lt=older_than(now, EMAIL_AFTER_PUBLICATION_DAYS)
        )
        .exclude(email="")
        .update(email="")
    )
    forget_deleted_submissions()
    return deleted + blanked


def forget_deleted_submissions():
    """The admin's history of deleted submissions still names them by their title."""
    kept = StorySubmission.objects.annotate(key=Cast("pk", CharField())).values("key")
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(StorySubmission)
    ).exclude(object_id__in=kept).delete()


STORY_SUBMISSIONS = PersonalData(
    name="Readers' stories",
    kept_for=f"stories not published: {UNPUBLISHED_DAYS} days after we receive them; the "
    f"e-mail address given with a published story: {EMAIL_AFTER_PUBLICATION_DAYS} days after "
    "publication; a published story and the first name or initials shown with it: while it "
    "is on the site",
    export=export,
    erase=erase,
    purge=purge,
)

"""New pages that only autosave ever saved. Wagtail autosaves a new page as a draft as soon as
its editor types, so a page opened and left stays in the tree. The admin's hooks note the pages
autosave creates and forget them once their editor saves, submits or publishes; a noted page
never published, with nothing else done to it and untouched for ABANDONED_DRAFT_HOURS, is
deleted by `remove_abandoned_drafts`, each deletion recorded in Wagtail's log."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Cast

from wagtail.actions.delete_page import DeletePageAction
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, WorkflowState

from .models import AutosavedNewPage

REMOVED = "editorial.abandoned_draft_removed"
# What autosave itself writes in a page's log: anything else is someone's deliberate act
# (moving, locking, commenting, a workflow, publishing), and keeps the page.
AUTOSAVE_ACTIONS = ("wagtail.create", "wagtail.edit")


def hours():
    return settings.ABANDONED_DRAFT_HOURS


def is_autosave(request):
    # Wagtail's own test (JsonPostResponseMixin.expects_json_response): autosave posts the
    # form asking for JSON; the editor's Save draft, Submit and Publish ask for a page.
    return not request.accepts("text/html")


def note_created(request, page):
    if is_autosave(request):
        AutosavedNewPage.objects.get_or_create(page_id=page.pk)


def forget_when_saved(request, page):
    if not is_autosave(request):
        AutosavedNewPage.objects.filter(page_id=page.pk).delete()


def candidates():
    """Pages that will be removed once untouched long enough: only autosaved, never
    published, childless, in no workflow, and nothing but autosave in their log."""
    page_type = ContentType.objects.get_for_model(Page)
    workflows = WorkflowState.objects.filter(
        base_content_type=page_type,
        object_id=Cast(OuterRef("pk"), models.CharField(max_length=255)),
    )
    other_acts = PageLogEntry.objects.filter(page=OuterRef("pk")).exclude(
        action__in=AUTOSAVE_ACTIONS
    )
    return (
        Page.objects.filter(
            pk__in=AutosavedNewPage.objects.values("page_id"),
            live=False,
            first_published_at__isnull=True,
            numchild=0,
            locked=False,
            alias_of__isnull=True,
        )
        .exclude(Exists(workflows))
        .exclude(Exists(other_acts))
        .order_by("pk")
    )


def abandoned(now):
    """Candidates that nobody has touched for ABANDONED_DRAFT_HOURS before `now`."""
    cutoff = now - timedelta(hours=hours())
    recent = PageLogEntry.objects.filter(page=OuterRef("pk"), timestamp__gte=cutoff)
    return candidates().filter(latest_revision_created_at__lt=cutoff).exclude(Exists(recent))


def notice():
    return (
        "This new page was saved automatically as you wrote, but nobody has saved it yet. "
        f"A new page left unsaved is deleted once untouched for {hours()} hours: choose "
        "Save draft to keep it."
    )


def create_notice():
    return (
        "What you write here is saved automatically as a draft. A new page that is never "
        f"saved with Save draft (or submitted, or published) is deleted once untouched for "
        f"{hours()} hours."
    )


class RemoveAbandonedDraft(DeletePageAction):
    """Wagtail's page deletion, logged as this removal rather than as someone's delete."""

    def log_deletion(self, page):
        log(instance=page, action=REMOVED, deleted=True, data={"hours": hours()})


def remove_abandoned(now, report=lambda page: None):
    """Deletes the abandoned pages one at a time, each checked again as it goes (its editor may
    have saved it meanwhile), calling `report(page)` before each; how many were deleted."""
    removed = 0
    for pk in list(abandoned(now).values_list("pk", flat=True)):
        with transaction.atomic():
            page = abandoned(now).filter(pk=pk).select_for_update().first()
            if page is None:
                continue
            report(page)
            RemoveAbandonedDraft(page.specific).execute(skip_permission_checks=True)
            removed += 1
    return removed

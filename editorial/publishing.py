"""Published means reviewed: every way a health page reaches readers goes through the Medical
review workflow (superusers excepted, and recorded).

- Only superusers publish health pages directly. Wagtail asks a page's permission tester
  everywhere a page may go live: the Publish button and action, bulk publishing, scheduling,
  reverting, creating and publishing at once, and copying a page while keeping it live.
- A revision no reviewer approved is published as not reviewed: readers see no "Medically
  reviewed by" for text no reviewer saw, and the page's history says so.
"""

from django.conf import settings
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Page, PagePermissionTester

from .models import approved_in_review

UNREVIEWED = "editorial.unreviewed"


def needs_review(page_or_model):
    """Whether pages of this type go live only through the medical review: health pages (those
    Site settings give a review interval) and the types settings.REVIEWED_PAGE_TYPES adds."""
    model = page_or_model.specific_class if isinstance(page_or_model, Page) else page_or_model
    if model is None:
        return False
    if getattr(model, "review_interval_setting", None) is not None:
        return True
    return model._meta.label in settings.REVIEWED_PAGE_TYPES


class ReviewedPagePermissionTester(PagePermissionTester):
    """Wagtail's rules, except that no one but a superuser puts a health page live outside the
    review. Taking a page down (unpublishing, unscheduling, restricting) stays with those who
    may publish other pages (Moderators): bringing it back goes through the review."""

    def can_publish(self):
        if needs_review(self.page) and not self.user.is_superuser:
            return False
        return super().can_publish()

    def can_publish_subpage(self):
        # Creating a page and publishing it at once, or keeping a copy live, under a page that
        # may hold health pages: the type is not known yet, so only superusers.
        model = self.page.specific_class
        subpage_types = model.creatable_subpage_models() if model else []
        if not self.user.is_superuser and any(needs_review(type_) for type_ in subpage_types):
            return False
        return super().can_publish_subpage()

    def may_take_down(self):
        return self.user.is_active and (self.user.is_superuser or "publish" in self.permissions)

    def can_unschedule(self):
        return self.may_take_down()

    def can_set_view_restrictions(self):
        return self.may_take_down()


def on_published(sender, instance, revision=None, **kwargs):
    """A health page published from a revision the review did not approve (a superuser's own
    publication, a revert) carries no reviewer's name, and is due for review at once."""
    page = instance
    if not (page.live and needs_review(page) and hasattr(page, "reviewed_by_id")):
        return
    if revision is not None and approved_in_review(revision):
        return
    page.reviewed_by, page.last_reviewed = None, None
    page.next_review_due = timezone.localdate()
    type(page).objects.filter(pk=page.pk).update(
        reviewed_by=None, last_reviewed=None, next_review_due=page.next_review_due
    )
    # The user comes from the admin's log context: the one who published.
    log(instance=page, action=UNREVIEWED, revision=revision)

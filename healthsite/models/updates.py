"""What changed on a page and when readers were told: "last updated" and its note move only
with a significant update; a minor change is approved without being a review
(editorial/minor_changes.py). Each tick belongs to one change."""

from datetime import timedelta

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class UpdateHistory(models.Model):
    """A content page's updates: the fields editors tick, and what publishing records."""

    last_updated = models.DateTimeField(
        null=True,
        editable=False,
        help_text="Shown to readers; moves only with a significant update.",
    )
    last_update_note = models.CharField(max_length=250, blank=True, editable=False)
    significant_update = models.BooleanField(
        "this is a significant update",
        default=False,
        help_text="Tick when the advice or facts changed: the page moves to the top of What's "
        "New and the feeds with your note. Leave it for typo fixes and routine reviews.",
    )
    minor_change = models.BooleanField(
        "this is a minor change",
        default=False,
        help_text="Tick for a typo or a broken link on a reviewed page: a medical reviewer still "
        "approves it, seeing exactly what changed, and the page's review dates stay as they are.",
    )
    change_note = models.CharField(
        "what changed",
        max_length=250,
        blank=True,
        help_text="One sentence readers will see, e.g. Added advice on driving after surgery.",
    )

    update_panel = MultiFieldPanel(
        [FieldPanel("significant_update"), FieldPanel("change_note"), FieldPanel("minor_change")],
        heading="Significant update or minor change",
    )

    class Meta:
        abstract = True

    def with_content_json(self, content):
        # "Last updated" belongs to the page, not to a revision: restoring or publishing an
        # older revision must not move it.
        page = super().with_content_json(content)
        page.last_updated = self.last_updated
        page.last_update_note = self.last_update_note
        return page

    def record_update(self, revision):
        """After publishing: a revision marked as a significant update moves "last updated"
        (with its note); any other publication leaves it alone."""
        if revision is not None and revision.content.get("minor_change"):
            # The minor change is published: the next revision is not minor unless ticked.
            self.minor_change = False
            type(self).objects.filter(pk=self.pk).update(minor_change=False)
        if revision is None or not revision.content.get("significant_update"):
            return
        self.last_updated = later_second(self.last_updated, self.last_published_at)
        self.last_update_note = revision.content.get("change_note", "")
        # The tick belongs to that one revision: a revision made from the live row later (a
        # review's, say) must not be one more update.
        self.significant_update, self.change_note = False, ""
        type(self).objects.filter(pk=self.pk).update(
            last_updated=self.last_updated,
            last_update_note=self.last_update_note,
            significant_update=False,
            change_note="",
        )

    @property
    def was_updated(self):
        """Significantly updated after it was first published (however soon after: its note
        says what changed)."""
        published = self.first_published_at
        return bool(published and self.last_updated and self.last_updated > published)


def later_second(previous, published):
    """When a significant update happened: its publication, in a later whole second than the
    update before. Feed readers know an update by its second (articles/channel.py, `guid`), so
    two updates in one second must not share it."""
    moment = published or timezone.now()
    if previous is not None and moment.replace(microsecond=0) <= previous.replace(microsecond=0):
        return previous.replace(microsecond=0) + timedelta(seconds=1)
    return moment

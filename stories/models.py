"""Readers' stories: the Tell Your Story page, the stories published under it, and the
submissions editors moderate before anything is published."""

from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Page
from wagtail.search import index

from healthsite.models import ContentPage
from healthsite.pagination import canonical_number, paginate_when_shown

from . import limits
from .forms import StoryForm

SUMMARY_WORDS = 30


class StoryIndexPage(ContentPage):
    """ "Tell Your Story": invites readers to share their experience of back pain, lists the
    published stories and takes new ones."""

    page_description = "Invites readers' stories, takes them through a form and lists them. One."
    section_kinds = ("health",)
    max_count = 1  # one place where stories are told and moderated
    parent_page_types = ["healthsite.SectionPage"]
    subpage_types = ["stories.StoryPage"]
    query_parameters = {"page": canonical_number}
    allowed_http_methods = [*ContentPage.allowed_http_methods, HTTPMethod.POST]  # its form

    def sections_for_contents(self):
        return [
            *super().sections_for_contents(),
            {"anchor": "story-list", "text": "Readers' stories"},
            {"anchor": "story-form", "text": "Share your story"},
        ]

    def published_stories(self):
        return (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by("-received", "-first_published_at", "-pk")
        )

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            # Imported here: the submission view needs these models.
            from .submissions import receive

            return receive(self, request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Counted and fetched only when the listing is not kept (a page fragment).
        context["stories"] = paginate_when_shown(request, self.published_stories())
        context["form"] = form if form is not None else StoryForm()
        return context

    class Meta:
        verbose_name = "reader stories"


class StoryPage(ContentPage):
    """One reader's story, published by an editor from a submission. Personal experience,
    not health advice: it has no medical review and stays out of What's New and the feeds."""

    content_template = "stories/story_content.html"
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    # Stories arrive through the form on Tell Your Story, with the reader's consent recorded.
    is_creatable = False

    story = models.TextField(
        max_length=limits.STORY,
        help_text="The reader's words, as plain text: a blank line starts a new paragraph.",
    )
    teller = models.CharField(
        "first name or initials",
        max_length=limits.TELLER,
        help_text="As the reader asked to be named. Never a full name.",
    )
    received = models.DateField("date received")

    search_fields = [*ContentPage.search_fields, index.SearchField("story")]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("teller"), FieldPanel("received")]),
        FieldPanel("story"),
    ]

    def full_clean(self, *args, **kwargs):
        # The summary (listings, search results, the page's description) is always the
        # story's opening: a detail taken out of the story is gone from everywhere.
        self.summary = summary_of(self.story)
        super().full_clean(*args, **kwargs)

    def get_text(self):
        yield from super().get_text()
        yield self.story

    class Meta:
        verbose_name = "reader's story"
        verbose_name_plural = "readers' stories"


def summary_of(story):
    """The opening words of a story, for listings and search results."""
    return Truncator(" ".join(story.split())).words(SUMMARY_WORDS)[:300]


class StorySubmission(models.Model):
    """A story a reader sent from Tell Your Story, and what an editor decided about it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an editor"
        APPROVED = "approved", "Published"
        REJECTED = "rejected", "Rejected"

    title = models.CharField(max_length=limits.TITLE)
    story = models.TextField(max_length=limits.STORY)
    teller = models.CharField("first name or initials", max_length=limits.TELLER)
    email = models.EmailField(
        "e-mail address",
        max_length=limits.EMAIL,
        blank=True,
        help_text="Only to write to the reader about the story; never published.",
    )
    consent = models.BooleanField("agreed to publication", default=False)
    received = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    page = models.ForeignKey(
        StoryPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        verbose_name="published as",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(
        "editor's note",
        max_length=limits.NOTE,
        blank=True,
        help_text="For the other editors (why it was rejected, what was changed). The reader "
        "never sees it.",
    )

    class Meta:
        ordering = ["-received", "-pk"]
        # One permission covers reading, editing, approving, rejecting and deleting them.
        default_permissions = ()
        permissions = [("moderate_storysubmission", "Can moderate readers' stories")]

    def __str__(self):
        return self.title

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def published_url(self):
        return self.page.full_url if self.page_id else ""

    published_url.short_description = "published at"

"""The newsletter: its page, its settings, the subscribers, the issues editors write and the
record of each e-mail sent."""

import re
import uuid
from http import HTTPMethod

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, PreviewableMixin

from healthsite.models import ContentPage

from .validators import single_line

EMAIL_LENGTH = 254  # the longest address RFC 5321 allows
NAME_LENGTH = 60
PROMISE = (
    "I use your e-mail address only to send you the newsletter, and I never sell or share it. "
    "Every e-mail has a link to unsubscribe. If you do not confirm your address within 7 days, "
    "it is deleted."
)


class NewsletterPage(ContentPage):
    """Describes the free newsletter ("Healthy Back - Healthy Life"). Every signup box on the
    site sends its form here."""

    page_description = "Describes the newsletter; every signup box posts here. A site has one."
    in_top_bar = True
    max_count = 1  # the site has one newsletter, and every signup box posts to its page
    linked_everywhere = True  # read with the footer's Subscribe page (one_of_a_kind.py)
    parent_page_types = ["healthsite.HomePage"]
    subpage_types = []
    allowed_http_methods = [*ContentPage.allowed_http_methods, HTTPMethod.POST]  # its form

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from .views import signup  # views build on this module's models

            return signup(self, request)
        return super().serve(request, *args, **kwargs)

    class Meta:
        verbose_name = "newsletter"


@register_setting(icon="mail")
class NewsletterSettings(BaseSiteSetting):
    """The newsletter's name, the privacy promise under every signup box, and the gift readers
    download once they confirm their address."""

    name = models.CharField(
        max_length=100,
        default="Healthy Back - Healthy Life",
        validators=[single_line],
        help_text="Shown in the signup box and in the subject of confirmation e-mails.",
    )
    privacy_promise = models.TextField(
        max_length=500,
        default=PROMISE,
        help_text="Plain words under every signup box saying what the address is used for. "
        "Change the version below whenever you change them.",
    )
    privacy_version = models.CharField(
        "version of the privacy promise",
        max_length=40,
        default="2026-11",
        validators=[single_line],
        help_text="Kept with each subscriber's consent, so we know which wording they agreed "
        "to. Give a new one (today's date, say) whenever the promise changes.",
    )
    gift = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Offered for download once a reader confirms their address.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("privacy_promise"),
        FieldPanel("privacy_version"),
        FieldPanel("gift"),
    ]

    def clean(self):
        super().clean()
        before = None
        if self.pk:
            before = type(self).objects.filter(pk=self.pk).first()
        before = before or type(self)()
        promise_changed = self.privacy_promise.strip() != before.privacy_promise.strip()
        if promise_changed and self.privacy_version == before.privacy_version:
            raise ValidationError(
                {
                    "privacy_version": "You changed the privacy promise: give it a new version "
                    "too, so that each subscriber's consent says which wording they saw."
                }
            )

    @classmethod
    def current(cls, site):
        """The settings of `site`, without creating them: a reader's visit writes nothing."""
        return cls.objects.filter(site=site).select_related("gift").first() or cls(site=site)

    class Meta:
        verbose_name = "newsletter settings"


class Subscriber(models.Model):
    """Someone who gave their address in a signup box: waiting to confirm it, subscribed, or
    gone. Unconfirmed and unsubscribed addresses are deleted after a while (personal_data.py)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Subscribed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    class Source(models.TextChoices):
        NEWSLETTER_PAGE = "newsletter-page", "The newsletter page"
        PAGE_BOX = "page-box", "The box under another page"

    email = models.EmailField("e-mail address", max_length=EMAIL_LENGTH)
    first_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    status = models.CharField(max_length=12, choices=Status, default=Status.PENDING, db_index=True)
    # What the links in e-mails carry (signed, see tokens.py): random, so a link names nobody.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField("first signed up", default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    consent_at = models.DateTimeField("consent given", default=timezone.now)
    consent_source = models.CharField("signed up in", max_length=20, choices=Source)
    consent_page = models.CharField("signed up on the page", max_length=255, blank=True)
    consent_wording = models.CharField("privacy promise version", max_length=40)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_unique")
        ]

    def __str__(self):
        return self.email

    def confirm(self):
        """Confirms a pending address; confirming twice changes nothing."""
        if self.status == self.Status.PENDING:
            self.status = self.Status.CONFIRMED
            self.confirmed_at = timezone.now()
            self.save(update_fields=["status", "confirmed_at"])


class IssueQuerySet(models.QuerySet):
    def with_progress(self):
        """Counts each issue's e-mails by state in the same query (for listings)."""
        return self.annotate(
            **{
                f"progress_{state}": Count("deliveries", filter=Q(deliveries__status=state))
                for state in Delivery.Status.values
            }
        )


# "Hello," "Hi everyone," "Dear readers,": a greeting word, then at most a few words and a
# comma ("Hello from the clinic." is no greeting).
GREETING = re.compile(
    r"\s*(hello|hi|dear|good (morning|afternoon|evening))\b[^,.!?\n]{0,30},", re.IGNORECASE
)


class NewsletterIssue(PreviewableMixin, ClusterableModel):
    """One issue of the newsletter: an introduction and a few pages of the site. Editors
    preview it and send a test to themselves; sending it to subscribers queues it for the
    `send_newsletter` command."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    subject = models.CharField(
        max_length=150,
        validators=[single_line],
        help_text="The e-mail's subject line, e.g. Three stretches for a stiff back.",
    )
    intro = models.TextField(
        "introduction",
        max_length=3000,
        help_text="A few short paragraphs of plain text (leave an empty line between "
        'paragraphs). The e-mail greets each reader ("Hello Sam,") before it, unless it starts '
        "with a greeting of its own. The pages below follow, each with its title, summary and "
        "a link.",
    )
    status = models.CharField(
        max_length=10, choices=Status, default=Status.DRAFT, editable=False, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    queued_at = models.DateTimeField(null=True, editable=False)
    queued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField("finished sending", null=True, editable=False)
    # Totals kept once sending is over, since the e-mail records themselves are deleted
    # after a while (personal_data.py).
    sent_count = models.PositiveIntegerField(default=0, editable=False)
    failed_count = models.PositiveIntegerField(default=0, editable=False)
    unknown_count = models.PositiveIntegerField(default=0, editable=False)

    objects = IssueQuerySet.as_manager()

    panels = [
        FieldPanel("subject"),
        FieldPanel("intro"),
        InlinePanel("pages", heading="Pages", label="Page", min_num=1, max_num=12),
    ]
    # The admin previews the e-mail itself, as HTML and as plain text.
    preview_modes = [("", "HTML e-mail"), ("text", "Plain-text e-mail")]

    class Meta:
        verbose_name = "newsletter issue"
        ordering = ["-created_at"]
        permissions = [("send_newsletterissue", "Can send newsletter issues to subscribers")]

    def __str__(self):
        return self.subject

    @property
    def greets(self):
        """Whether the introduction opens with its own greeting ("Hello all,"): the e-mail's
        own would double it."""
        return bool(GREETING.match(self.intro))

    def clean(self):
        super().clean()
        if self.pk and self.status != self.Status.DRAFT:
            raise ValidationError(
                "This issue has been sent to subscribers, so it can no longer be changed. "
                "Copy its text into a new issue instead."
            )

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    def progress(self):
        """How many of the issue's e-mails are in each state: {Delivery.Status: count}."""
        if self.status == self.Status.SENT:
            kept = {
                Delivery.Status.SENT: self.sent_count,
                Delivery.Status.FAILED: self.failed_count,
                Delivery.Status.UNKNOWN: self.unknown_count,
            }
            return {state: kept.get(state, 0) for state in Delivery.Status.values}
        if hasattr(self, "progress_sent"):
            return {state: getattr(self, f"progress_{state}") for state in Delivery.Status.values}
        counted = dict(self.deliveries.values_list("status").annotate(Count("pk")))
        return {state: counted.get(state, 0) for state in Delivery.Status.values}

    def progress_summary(self):
        if self.status in (self.Status.DRAFT, self.Status.QUEUED):
            return "–"
        counts = self.progress()
        waiting = counts[Delivery.Status.PENDING] + counts[Delivery.Status.SENDING]
        parts = [
            f"{counts[Delivery.Status.SENT]} sent",
            f"{counts[Delivery.Status.FAILED]} failed",
            f"{counts[Delivery.Status.UNKNOWN]} unknown",
        ]
        if self.status != self.Status.SENT:
            parts.append(f"{waiting} waiting")
        return " · ".join(parts)

    progress_summary.short_description = "E-mails"

    def serve_preview(self, request, mode_name):
        from .emails import preview  # e-mails are rendered from these models

        return preview(self, text=mode_name == "text")


class IssuePage(Orderable):
    """A page of the site featured in an issue, in order."""

    issue = ParentalKey(NewsletterIssue, on_delete=models.CASCADE, related_name="pages")
    page = models.ForeignKey(ContentPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]


class Delivery(models.Model):
    """One issue e-mailed to one subscriber: at most one each, so that a sender that was
    stopped resumes without sending anybody an issue twice."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        # The sender stopped while handing it to the mail server: perhaps sent, never resent.
        UNKNOWN = "unknown", "Unknown"

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_delivery_once_per_issue"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self):
        return f"{self.issue} to {self.subscriber}"

"""People who write and review the site's pages, the "Medical review" workflow task (a
registered reviewer approves a page before it goes live, and the approval is stamped into the
page), and what the plain-English checks read and keep: lay terms, targets and results."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import GroupApprovalTask, Orderable, Page, Revision
from wagtail.permissions import policy_registry
from wagtail.search import index

from . import minor_changes
from .scheduling import next_review_after


class Person(index.Indexed, models.Model):
    """Someone who writes or medically reviews pages. Readers see a public profile."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="The profile's address, /people/<slug>/. Made from the name when left empty.",
    )
    role = models.CharField(max_length=120, blank=True, help_text="E.g. Chartered physiotherapist")
    credentials = models.CharField(
        max_length=200, blank=True, help_text="Qualifications as readers should see them."
    )
    bio = models.TextField(max_length=1000, blank=True, help_text="Two or three sentences.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    profession = models.CharField(
        max_length=120, blank=True, help_text="The regulated profession, e.g. General practitioner"
    )
    registration_body = models.CharField(
        max_length=120,
        blank=True,
        help_text="Who registers them, e.g. General Medical Council, Health and Care "
        "Professions Council.",
    )
    registration_number = models.CharField(
        max_length=40, blank=True, help_text="So readers can check the register."
    )
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="A notice readers see at the top of the profile, e.g. that this person no "
        "longer reviews pages, or that a demonstration's profile is fictional.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text="Their admin account: a medical reviewer's approvals are signed with this "
        "profile.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("credentials")]),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("note"),
        MultiFieldPanel(
            [
                FieldPanel("profession"),
                FieldRowPanel([FieldPanel("registration_body"), FieldPanel("registration_number")]),
            ],
            heading="Professional registration (medical reviewers)",
        ),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:100] or "person"
            slug, number = base, 1
            while Person.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                number += 1
                slug = f"{base}-{number}"
            self.slug = slug
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("person", args=[self.slug])

    @property
    def is_registered(self):
        return bool(self.registration_body and self.registration_number)


APPROVAL_NEEDS_REGISTRATION = (
    "Approvals are signed with the reviewer's People profile: to approve, your admin account "
    "must be linked to a People profile with a registration body and number (People → your "
    "profile → Admin account). Without one you can still request changes."
)


# Written into the revision a reviewer approved, and only into it: a revision made later (an
# edit, a revert) is serialised from the page's fields and so never carries it forward.
APPROVAL = "medical_review_approval"


def record_approval(revision, person):
    """Marks `revision` as approved in the medical review by `person` (the task does it; the
    demo loader too, for the demo's own reviewed pages)."""
    revision.content[APPROVAL] = {"reviewer": person.pk}
    revision.save(update_fields=["content"])


def approved_in_review(revision):
    return APPROVAL in revision.content


def edited_since_published(user, page):
    """Whether `user` wrote any revision of `page` newer than the one readers see: then they
    may not approve it themselves (four eyes)."""
    revisions = Revision.objects.for_instance(page).filter(user=user)
    if page.live_revision_id:
        revisions = revisions.filter(pk__gt=page.live_revision_id)
    return revisions.exists()


def other_reviewers(task, page, user):
    """Who else may approve `page` in `task`: active members of its groups, signing with a
    registered People profile, who may review the page; names, sorted."""
    members = (
        get_user_model()
        .objects.filter(is_active=True, groups__in=task.groups.all())
        .exclude(pk=user.pk)
        .select_related("person")
        .distinct()
    )
    signers = {member: signing_person(member) for member in members}
    return sorted(
        str(person)
        for member, person in signers.items()
        if person is not None and may_review(member, page)
    )


def signing_person(user):
    """The People profile a reviewer's approval is signed with, when it has a registration
    readers can check; None otherwise."""
    person = getattr(user, "person", None)
    return person if person is not None and person.is_registered else None


def may_review(user, page):
    """Whether `user` may review `page`: the task's groups review only the pages those groups
    may edit, so a group an operator gives one section sees no other section's pages in review
    (Wagtail's group task alone would open every page in the workflow to them)."""
    if user.is_superuser:
        return True
    return user.is_active and "change" in page.permissions_for_user(user).permissions


class MedicalReviewTask(GroupApprovalTask):
    """Approval by a medical reviewer: stamps the reviewer and the review date (and the next
    review due) into the revision that is published."""

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) and may_review(user, obj)

    def locked_for_user(self, obj, user):
        return super().locked_for_user(obj, user) or not may_review(user, obj)

    def user_can_lock(self, obj, user):
        return super().user_can_lock(obj, user) and may_review(user, obj)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        pages = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
        page_ids = pages.annotate(text_pk=Cast("pk", models.CharField())).values("text_pk")
        return states.filter(workflow_state__object_id__in=page_ids)

    def get_actions(self, obj, user):
        if not may_review(user, obj):
            return []
        actions = super().get_actions(obj, user)
        if signing_person(user) is None or edited_since_published(user, obj):
            return [action for action in actions if action[0] != "approve"]
        if minor_changes.is_minor(minor_changes.waiting(obj)):
            # Approved in the dialog that shows exactly what changed.
            others = [action for action in actions if action[0] != "approve"]
            return [*others, ("approve", "Approve minor change", True)]
        return actions

    def get_template_for_action(self, action):
        # Every action's dialog shows the plain-English checks of the text under review, and
        # approving a minor change shows exactly what changed.
        return "editorial/workflows/review_action_modal.html"

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            person = signing_person(user)
            if person is None:
                raise PermissionDenied(APPROVAL_NEEDS_REGISTRATION)
            page = task_state.workflow_state.content_object
            if edited_since_published(user, page):
                raise PermissionDenied(self.four_eyes_message(page, user))
            self.stamp(page, person)
        return super().on_action(task_state, user, action_name, **kwargs)

    def stamp(self, page, person):
        """Writes the review into the page's latest revision: the one the workflow publishes
        when this is its last task (Wagtail publishes the latest revision). Nothing else in the
        revision changes, so a routine review does not become a significant update."""
        page = page.specific
        revision = page.get_latest_revision()
        # A minor change is approved, but is no review: the page's review dates stay.
        if getattr(page, "is_health_page", False) and not minor_changes.is_minor(revision):
            today = timezone.localdate()
            revision.content.update(
                reviewed_by=person.pk,
                last_reviewed=today.isoformat(),
                next_review_due=next_review_after(page, today).isoformat(),
            )
        record_approval(revision, person)

    def four_eyes_message(self, page, user):
        others = other_reviewers(self, page, user)
        who = ", ".join(others) if others else "another medical reviewer (none is set up yet)"
        return (
            "You changed this page since it was last published, so another reviewer must "
            f"approve it: {who}. You can still request changes."
        )

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve or request changes with a comment; an "
            "approval stamps the reviewer, the review date and the next review due into the "
            f"page. {APPROVAL_NEEDS_REGISTRATION}"
        )

    class Meta:
        verbose_name = "medical review"
        verbose_name_plural = "medical reviews"


class LayTerm(models.Model):
    """A medical word and the everyday words readers know it by ("analgesia" → "painkillers").

    The plain-English checks suggest the everyday words wherever the medical one is used
    without them nearby; ticked pairs also serve search, both ways.
    """

    term = models.CharField(
        max_length=80,
        unique=True,
        help_text="The medical word or phrase, e.g. lumbar radiculopathy.",
    )
    everyday = models.CharField(
        "everyday words",
        max_length=160,
        help_text='What readers call it, e.g. sciatica. Separate alternatives with "or": '
        "sudden or short-term.",
    )
    search_synonym = models.BooleanField(
        "also a search synonym",
        default=False,
        help_text="Searches for either also find pages using the other.",
    )

    panels = [FieldPanel("term"), FieldPanel("everyday"), FieldPanel("search_synonym")]

    class Meta:
        ordering = ["term"]
        verbose_name = "lay term"

    def __str__(self):
        return f"{self.term} → {self.everyday}"

    def clean(self):
        self.term = " ".join(self.term.lower().split())
        self.everyday = " ".join(self.everyday.split())
        if not self.term:
            raise ValidationError({"term": "Enter the medical word or phrase."})


class ExplainedTerm(Orderable):
    """A medical word a page explains in its own way: the checks no longer flag it there."""

    page = ParentalKey(
        "healthsite.ContentPage", on_delete=models.CASCADE, related_name="explained_terms"
    )
    term = models.ForeignKey(LayTerm, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("term")]

    def __str__(self):
        return self.term.term


@register_setting(icon="glasses")
class PlainEnglishSettings(BaseSiteSetting):
    """The reading age each kind of health page should be written for (UK reading ages:
    school grade + 5)."""

    condition_reading_age = models.PositiveSmallIntegerField(
        default=11, help_text="Condition pages. NHS.UK writes for about 9 to 11."
    )
    article_reading_age = models.PositiveSmallIntegerField(default=11, help_text="Articles.")
    product_guide_reading_age = models.PositiveSmallIntegerField(
        default=13, help_text="Product guides."
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("condition_reading_age"),
                FieldPanel("article_reading_age"),
                FieldPanel("product_guide_reading_age"),
            ],
            heading="Target reading ages",
        )
    ]

    class Meta:
        verbose_name = "plain English"


class PlainEnglishCheck(models.Model):
    """The plain-English checks of a page's published revision, made when it is published, so
    that the report and the dashboard read them without measuring every page again."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="plain_english"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reading_age = models.FloatField(null=True)
    smog = models.FloatField(null=True)
    fk_grade = models.FloatField(null=True)
    target = models.PositiveSmallIntegerField()
    above_target = models.BooleanField(default=False)
    flags = models.JSONField(default=list)
    flag_count = models.PositiveIntegerField(default=0)
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "plain-English check"

    def __str__(self):
        return f"{self.page_id}: {self.reading_age}"


class AutosavedNewPage(models.Model):
    """A new page that only autosave has saved: its editor never chose Save draft, Submit or
    Publish. Wagtail's revisions and log look the same either way, so the admin's hooks note it
    here, and `remove_abandoned_drafts` deletes it once left untouched (editorial/drafts.py)."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    class Meta:
        verbose_name = "autosaved new page"

    def __str__(self):
        return f"page {self.page_id}"

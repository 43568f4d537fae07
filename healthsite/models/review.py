"""The "Medical review" workflow task: a registered reviewer approves a page before it goes
live, and the approval is stamped into the page."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import GroupApprovalTask, Page, Revision
from wagtail.permissions import policy_registry

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
        return actions

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
        if getattr(page, "is_health_page", False):
            today = timezone.localdate()
            revision.content.update(
                reviewed_by=person.pk,
                last_reviewed=today.isoformat(),
                next_review_due=page.next_review_after(today).isoformat(),
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

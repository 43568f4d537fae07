"""The "Medical review" workflow task: a registered reviewer approves a page before it goes
live, and the approval is stamped into the page."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from wagtail.models import GroupApprovalTask

APPROVAL_NEEDS_REGISTRATION = (
    "Approvals are signed with the reviewer's People profile: to approve, your admin account "
    "must be linked to a People profile with a registration body and number (People → your "
    "profile → Admin account). Without one you can still request changes."
)


def signing_person(user):
    """The People profile a reviewer's approval is signed with, when it has a registration
    readers can check; None otherwise."""
    person = getattr(user, "person", None)
    return person if person is not None and person.is_registered else None


class MedicalReviewTask(GroupApprovalTask):
    """Approval by a medical reviewer: stamps the reviewer and the review date (and the next
    review due) into the revision that is published."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if signing_person(user) is None:
            return [action for action in actions if action[0] != "approve"]
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            person = signing_person(user)
            if person is None:
                raise PermissionDenied(APPROVAL_NEEDS_REGISTRATION)
            self.stamp(task_state.workflow_state.content_object, person)
        return super().on_action(task_state, user, action_name, **kwargs)

    def stamp(self, page, person):
        """Writes the review into the page's latest revision: the one the workflow publishes
        when this is its last task (Wagtail publishes the latest revision). Nothing else in the
        revision changes, so a routine review does not become a significant update."""
        page = page.specific
        if not getattr(page, "is_health_page", False):
            return
        today = timezone.localdate()
        revision = page.get_latest_revision()
        revision.content.update(
            reviewed_by=person.pk,
            last_reviewed=today.isoformat(),
            next_review_due=page.next_review_after(today).isoformat(),
        )
        revision.save(update_fields=["content"])

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

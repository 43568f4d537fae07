"""The "Medical review" workflow task: a registered reviewer approves a page before it goes
live, and the approval is stamped into the page."""

from wagtail.models import GroupApprovalTask


class MedicalReviewTask(GroupApprovalTask):
    """Approval by a medical reviewer: stamps the reviewer and the review date (and the next
    review due) into the revision that is published."""

    class Meta:
        verbose_name = "medical review"
        verbose_name_plural = "medical reviews"

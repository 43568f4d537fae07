"""What happens when a page's workflow is approved (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Imported while Wagtail's models load: it must not import models at the top.
"""


def publish_approved(workflow_state, user=None):
    """Publishes the approved page, in the name of the reviewer who approved it.

    Wagtail's default publishes with the approver's own publish permission, so a medical
    reviewer would need one, and with it the Publish button that skips the review. Here the
    approval is the permission: the task already checked who may give it.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)

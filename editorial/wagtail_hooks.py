from django.contrib import messages

from wagtail import hooks

from healthsite.models import MedicalReviewTask
from healthsite.models.review import edited_since_published, may_review

from .publishing import UNREVIEWED


@hooks.register("register_log_actions")
def register_unreviewed_publication(actions):
    actions.register_action(
        UNREVIEWED, "Published without medical review", "Published without medical review"
    )


@hooks.register("before_edit_page")
def tell_a_reviewer_who_approves_their_own_edit(request, page):
    """A reviewer who changed the page cannot approve it: say so, and who can."""
    if request.method != "GET" or not page.workflow_in_progress:
        return
    task = page.current_workflow_task
    task = task.specific if task else None
    if not isinstance(task, MedicalReviewTask):
        return
    user = request.user
    in_groups = task.groups.filter(pk__in=user.groups.values("pk")).exists()
    if in_groups and may_review(user, page) and edited_since_published(user, page):
        messages.warning(request, task.four_eyes_message(page, user))

"""E-mail to editors and moderators when a reader sends a story: plain text only, with a
fixed subject, so nothing a reader wrote ever reaches a header or an HTML part."""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.admin.utils import get_admin_base_url

from editorial.setup import EDITORS, MODERATORS

SUBJECT = "A reader's story is waiting for moderation"
logger = logging.getLogger(__name__)


def moderators():
    """The addresses of active editors and moderators."""
    users = get_user_model().objects.filter(is_active=True, groups__name__in=[EDITORS, MODERATORS])
    return list(
        users.exclude(email="").order_by("email").values_list("email", flat=True).distinct()
    )


def notify_moderators(submission):
    base = get_admin_base_url()
    body = render_to_string(
        "stories/new_submission_email.txt",
        {
            "submission": submission,
            "queue_url": base + reverse("story_submissions:index"),
            "edit_url": base + reverse("story_submissions:edit", args=[submission.pk]),
        },
    )
    messages = [EmailMessage(SUBJECT, body, to=[address]) for address in moderators()]
    if not messages:
        return
    try:
        get_connection().send_messages(messages)
    except Exception:
        # The story is kept and waits in the queue whatever the mail server says; the reader
        # must not see an error for it.
        logger.exception("Could not tell the editors about story submission %s", submission.pk)

"""A reader sends a story from the Tell Your Story page: checked like every public form (no
CSRF cookie on a page cached for everyone), kept for the editors, and the editors told."""

from datetime import timedelta

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from privacy.public_forms import (
    count_refusal,
    refuse_too_many,
    refused_before_reading,
    too_many,
)

from .forms import StoryForm
from .models import StorySubmission
from .notifications import notify_moderators

GROUP = "stories"
# Accepted stories per address: room for a reader who sends two or three, not for a flood.
RATE = "5/h"
# The same story sent again (the thank-you page reloaded) is kept once.
REPEAT_WITHIN = timedelta(hours=1)


def receive(page, request):
    """The answer to a POST on `page` (the Tell Your Story page)."""
    response = answer(page, request)
    # It may show what the reader typed: no cache along the way keeps a copy.
    add_never_cache_headers(response)
    return response


def answer(page, request):
    if refused := refused_before_reading(request, GROUP, page):
        return refused
    form = StoryForm(request.POST)
    if not form.is_valid():
        count_refusal(request, GROUP)
        return TemplateResponse(
            request, page.get_template(request), page.get_context(request, form=form)
        )
    if too_many(request, GROUP, RATE):
        return refuse_too_many(request)
    kept = form.submission()
    if not StorySubmission.objects.filter(
        **kept,
        status=StorySubmission.Status.PENDING,
        received__gte=timezone.now() - REPEAT_WITHIN,
    ).exists():
        notify_moderators(StorySubmission.objects.create(**kept))
    return TemplateResponse(
        request,
        "stories/story_thanks.html",
        {"page": page, "self": page, "gave_email": bool(kept["email"])},
    )

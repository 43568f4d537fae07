"""The live checks of the page editor: the editor's script posts the form as it stands, and
gets the checks of that draft text back as JSON (nothing is saved)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from wagtail.models import Page

from .checks import check_page, for_template, target_for
from .draft import draft_from_form


def answer(request, result):
    data = result.as_json()
    data["verdict"] = result.verdict
    data["note"] = result.level.note
    data["html"] = render_to_string(
        "editorial/plain_english/results.html", for_template(result), request=request
    )
    return JsonResponse(data)


@require_POST
def check_draft(request, page_id):
    """The checks of an existing page's draft, as the editor's form has it now."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    draft, explained = draft_from_form(draft, page.get_parent(), request)
    return answer(request, check_page(draft, explained=explained, target=target_for(page)))


@require_POST
def check_new(request, app_label, model_name, parent_id):
    """The checks of a page being created, before it is first saved."""
    parent = get_object_or_404(Page, pk=parent_id).specific
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    except ContentType.DoesNotExist:
        raise Http404 from None
    model = content_type.model_class()
    if model is None or not issubclass(model, Page):
        raise Http404
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    draft, explained = draft_from_form(model(), parent, request)
    target = target_for(draft, site=parent.get_site())
    return answer(request, check_page(draft, explained=explained, target=target))

"""Wagtail admin views that answer before asking whether the user may see the page, checked
here first (healthsite/urls.py mounts them over Wagtail's addresses, as it does the sign-in)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page

wagtail_confirm_workflow_cancellation = page_viewset_registry.as_view(
    "confirm_workflow_cancellation", page_id_kwarg="page_id"
)


@never_cache
@require_admin_access
def confirm_workflow_cancellation(request, page_id):
    """The question asked before publishing a page in review names its workflow and task: only
    for those who may edit the page."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return wagtail_confirm_workflow_cancellation(request, page_id=page_id)

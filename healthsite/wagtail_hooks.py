from django.core.exceptions import PermissionDenied

from wagtail import hooks

from . import page_link_handler


# After Wagtail's own hook (order 0), to take the place of its handler of links to pages.
@hooks.register("register_rich_text_features", order=1)
def register_page_link_handler(features):
    features.register_link_type(page_link_handler.PageLinkHandler)


@hooks.register("before_move_page")
def refuse_moves_without_permission(request, page, destination):
    # Wagtail's move confirmation shows the page and the destination before checking.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import page_links
from .personal_data import CONTACT_MESSAGES
from .personal_data_views import PERMISSION as PERSONAL_DATA_PERMISSION
from .personal_data_views import personal_data


# After Wagtail's own hook (order 0), to take the place of its handler of links to pages.
@hooks.register("register_rich_text_features", order=1)
def register_page_link_handler(features):
    features.register_link_type(page_links.PageLinkHandler)


@hooks.register("register_personal_data")
def register_contact_messages():
    return CONTACT_MESSAGES


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [path("personal-data/", personal_data, name="personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERSONAL_DATA_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        "Personal data", reverse("personal_data"), icon_name="user", order=900
    )


@hooks.register("filter_form_submissions_for_user")
def contact_messages_for_personal_data_keepers(user, form_pages):
    """Readers' contact messages are personal data: only those who look after it (Moderators)
    read them in the admin, not everyone who may edit the Contact page."""
    if user.has_perm(PERSONAL_DATA_PERMISSION):
        return form_pages
    return form_pages.none()


@hooks.register("before_move_page")
def refuse_moves_without_permission(request, page, destination):
    # Wagtail's move confirmation shows the page and the destination before checking.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied

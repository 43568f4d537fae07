from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .contact_messages import CONTACT_MESSAGES
from .views import PERMISSION, personal_data


@hooks.register("register_personal_data")
def register_contact_messages():
    return CONTACT_MESSAGES


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [path("personal-data/", personal_data, name="personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        "Personal data", reverse("personal_data"), icon_name="user", order=900
    )


@hooks.register("filter_form_submissions_for_user")
def contact_messages_for_personal_data_keepers(user, form_pages):
    """Readers' contact messages are personal data: only those who look after it (Moderators)
    read them in the admin, not everyone who may edit the Contact page."""
    if user.has_perm(PERMISSION):
        return form_pages
    return form_pages.none()

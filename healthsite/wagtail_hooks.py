from django.core.exceptions import PermissionDenied
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import citations, page_links
from .models import Person
from .personal_data import CONTACT_MESSAGES
from .personal_data_views import PERMISSION as PERSONAL_DATA_PERMISSION
from .personal_data_views import personal_data
from .reports import (
    ReviewerRegistrationPanel,
    ReviewsDuePanel,
    ReviewsDueView,
    user_sees_reviews,
)


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    add_to_admin_menu = True
    list_display = ["name", "role", "credentials"]


register_snippet(PersonViewSet)


@hooks.register("register_rich_text_features")
def register_citation_feature(features):
    citations.register(features)


# After Wagtail's own hook (order 0), to take the place of its handler of links to pages.
@hooks.register("register_rich_text_features", order=1)
def register_page_link_handler(features):
    features.register_link_type(page_links.PageLinkHandler)


@hooks.register("register_admin_urls")
def register_reviews_due_report_urls():
    return [
        path("reports/reviews-due/", ReviewsDueView.as_view(), name="reviews_due_report"),
        path(
            "reports/reviews-due/results/",
            ReviewsDueView.as_view(results_only=True),
            name="reviews_due_report_results",
        ),
    ]


class ReviewsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return user_sees_reviews(request.user)


@hooks.register("register_reports_menu_item")
def register_reviews_due_report_menu_item():
    return ReviewsDueMenuItem(
        "Reviews due",
        reverse("reviews_due_report"),
        name="reviews-due",
        icon_name="time",
        order=150,
    )


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    if ReviewerRegistrationPanel.applies_to(request.user):
        panels.append(ReviewerRegistrationPanel())
    if user_sees_reviews(request.user):
        panels.append(ReviewsDuePanel())


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

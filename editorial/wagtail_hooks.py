from django.conf import settings
from django.contrib import messages
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import citations, drafts, guide
from .models import LayTerm, MedicalReviewTask, Person, edited_since_published, may_review
from .plain_english import views as plain_english_views
from .plain_english.report import PlainEnglishPanel, PlainEnglishView
from .publishing import UNREVIEWED
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


class LayTermViewSet(SnippetViewSet):
    model = LayTerm
    icon = "glasses"
    menu_label = "Lay terms"
    list_display = ["term", "everyday", "search_synonym"]
    list_filter = ["search_synonym"]
    # A plain substring match, as for search synonyms: a short list.
    search_backend_name = None
    search_fields = ["term", "everyday"]
    ordering = ["term"]


register_snippet(LayTermViewSet)


@hooks.register("register_rich_text_features")
def register_citation_feature(features):
    citations.register(features)


@hooks.register("clean_content_page_form")
def refuse_citations_of_missing_sources(form, cleaned_data):
    citations.check_form(form, cleaned_data)


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


@hooks.register("register_log_actions")
def register_abandoned_draft_removal(actions):
    actions.register_action(
        drafts.REMOVED,
        "Abandoned draft deleted",
        "Deleted automatically: a new page only autosaved, never saved, and left untouched",
    )


@hooks.register("after_create_page")
def note_pages_autosave_creates(request, page):
    drafts.note_created(request, page)


@hooks.register("after_edit_page")
def forget_autosaved_pages_once_saved(request, page):
    drafts.forget_when_saved(request, page)


@hooks.register("before_create_page")
def tell_the_editor_unsaved_new_pages_are_removed(request, parent_page, page_class):
    if request.method == "GET" and getattr(settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500) > 0:
        messages.info(request, drafts.create_notice())


@hooks.register("before_edit_page")
def tell_the_editor_an_autosaved_page_will_be_removed(request, page):
    # Not on the request that turns the create view into the edit view after the first
    # autosave: it shows no messages, so the notice would wait for the next page.
    if request.method != "GET" or request.GET.get("_w_hydrate_create_view"):
        return
    if drafts.candidates().filter(pk=page.pk).exists():
        messages.warning(request, drafts.notice())


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


@hooks.register("register_admin_urls")
def register_plain_english_urls():
    return [
        path(
            "plain-english/check/<int:page_id>/",
            plain_english_views.check_draft,
            name="plain_english_check",
        ),
        path(
            "plain-english/check/new/<str:app_label>/<str:model_name>/<int:parent_id>/",
            plain_english_views.check_new,
            name="plain_english_check_new",
        ),
        path("reports/plain-english/", PlainEnglishView.as_view(), name="plain_english_report"),
        path(
            "reports/plain-english/results/",
            PlainEnglishView.as_view(results_only=True),
            name="plain_english_report_results",
        ),
    ]


class PageReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_sees_reviews(request.user)


@hooks.register("register_reports_menu_item")
def register_reviews_due_report_menu_item():
    return PageReportMenuItem(
        "Reviews due",
        reverse("reviews_due_report"),
        name="reviews-due",
        icon_name="time",
        order=150,
    )


@hooks.register("register_admin_urls")
def register_editors_guide_url():
    return [path("editors-guide/", guide.GuideView.as_view(), name="editors_guide")]


@hooks.register("register_help_menu_item")
def register_editors_guide_menu_item():
    return guide.guide_menu_item()


@hooks.register("construct_homepage_panels")
def add_editors_guide_panel(request, panels):
    panels.append(guide.GuidePanel())


@hooks.register("register_reports_menu_item")
def register_plain_english_report_menu_item():
    return PageReportMenuItem(
        "Plain English",
        reverse("plain_english_report"),
        name="plain-english",
        icon_name="glasses",
        order=160,
    )


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    if ReviewerRegistrationPanel.applies_to(request.user):
        panels.append(ReviewerRegistrationPanel())
    if user_sees_reviews(request.user):
        panels.append(ReviewsDuePanel())
        panels.append(PlainEnglishPanel())

"""Who may put a page live, group by group, through the admin's own forms and action URLs:
health pages go live through the medical review (superusers excepted); Moderators still take
any page down at once, and publish the site's other pages."""

import pytest

from django.urls import reverse

from wagtail.models import Page, PageLogEntry, PageViewRestriction, TaskState

from articles.models import ArticlePage, ConditionPage
from healthsite.models import StandardPage
from products.models import ProductGuidePage
from tests.conftest import page_at
from tests.healthsite.test_admin_editing import add_url, form_data
from tests.site_pages import (
    ABOUT,
    HIP_PAIN,
    LOWER_BACK_PAIN,
    MANAGEMENT_EXERCISES,
    SHOES,
    UPPER_BACK_PAIN,
)

pytestmark = pytest.mark.django_db

HEALTH_PAGES = {
    ConditionPage: LOWER_BACK_PAIN.url,
    ArticlePage: MANAGEMENT_EXERCISES.url,
    ProductGuidePage: SHOES.url,
}
HEALTH_TYPES = list(HEALTH_PAGES)
IDS = [model.__name__ for model in HEALTH_TYPES]
PUBLISH_BUTTON = 'name="action-publish"'


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def live_title(page):
    return Page.objects.get(pk=page.pk).specific.title


@pytest.mark.parametrize("model", HEALTH_TYPES, ids=IDS)
def test_no_one_but_a_superuser_is_offered_publish_on_a_health_page(
    model, editor, reviewer, moderator, superuser
):
    page = page_at(HEALTH_PAGES[model])
    for client in (editor, reviewer, moderator):
        shown = client.get(edit_url(page)).content.decode()
        assert PUBLISH_BUTTON not in shown
        created = client.get(add_url(model, page.get_parent())).content.decode()
        assert PUBLISH_BUTTON not in created
    assert PUBLISH_BUTTON in superuser.get(edit_url(page)).content.decode()


@pytest.mark.parametrize("model", HEALTH_TYPES, ids=IDS)
def test_a_moderator_cannot_create_a_health_page_live(model, moderator):
    parent = page_at(HEALTH_PAGES[model]).get_parent()
    data = {**form_data(model, "Straight to readers"), "action-publish": "on"}
    assert moderator.post(add_url(model, parent), data).status_code == 302
    page = model.objects.get(slug="straight-to-readers")
    assert not page.live  # kept as a draft, for the review


@pytest.mark.parametrize("model", HEALTH_TYPES, ids=IDS)
def test_a_moderator_cannot_schedule_a_health_page(model, moderator):
    page = page_at(HEALTH_PAGES[model])
    data = {
        **form_data(model, "Tomorrow's text"),
        "go_live_at": "01/01/2099 09:00",
        "action-publish": "on",
    }
    moderator.post(edit_url(page), data)
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert live_title(page) == page.title


def test_a_moderator_takes_a_health_page_down_at_once(moderator, client):
    page = page_at(UPPER_BACK_PAIN.url)
    restricted = moderator.post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), {"restriction_type": "login"}
    )
    assert restricted.status_code == 200
    assert PageViewRestriction.objects.filter(page=page).exists()
    assert client.get(page.url).status_code == 302  # to the sign-in

    PageViewRestriction.objects.filter(page=page).delete()
    unpublished = moderator.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert unpublished.status_code == 302
    assert not Page.objects.get(pk=page.pk).live
    assert client.get(page.url).status_code == 404

    # Bringing it back is publishing: it goes through the review.
    moderator.post(edit_url(page), {**form_data(ConditionPage, page.title), "action-publish": "on"})
    assert not Page.objects.get(pk=page.pk).live


def test_a_moderator_publishes_the_sites_other_pages(moderator):
    page = page_at(ABOUT.url)
    data = {**form_data(StandardPage, "About this site"), "action-publish": "on"}
    assert moderator.post(edit_url(page), data).status_code == 302
    assert live_title(page) == "About this site"


def test_settings_may_put_other_page_types_under_review(moderator, settings):
    settings.REVIEWED_PAGE_TYPES = ["healthsite.StandardPage"]
    page = page_at(ABOUT.url)
    assert PUBLISH_BUTTON not in moderator.get(edit_url(page)).content.decode()
    moderator.post(edit_url(page), {**form_data(StandardPage, "Changed"), "action-publish": "on"})
    assert live_title(page) == page.title


def test_a_superuser_publishes_a_health_page_directly(superuser):
    page = page_at(HIP_PAIN.url)
    data = {**form_data(ConditionPage, "Hip pain, rewritten"), "action-publish": "on"}
    assert superuser.post(edit_url(page), data).status_code == 302
    assert live_title(page) == "Hip pain, rewritten"


def test_a_page_type_put_under_review_goes_live_when_approved(editor, reviewer, settings):
    settings.REVIEWED_PAGE_TYPES = ["healthsite.StandardPage"]
    page = page_at(ABOUT.url)
    data = {**form_data(StandardPage, "About us, reviewed"), "action-submit": "on"}
    assert editor.post(edit_url(page), data).status_code == 302
    state = TaskState.objects.for_instance(page).get(status=TaskState.STATUS_IN_PROGRESS)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    assert reviewer.post(url, {"comment": ""}).status_code == 302
    assert live_title(page) == "About us, reviewed"
    assert not PageLogEntry.objects.filter(page=page, action="editorial.unreviewed").exists()

"""A typo on a reviewed page still needs a clinician, but not a full review: the editor marks
the change minor, the reviewer approves it seeing exactly what changed, and the page's review
dates and "last updated" stay as they were."""

import pytest

from django.urls import reverse

from wagtail.models import TaskState

from articles.models import ConditionPage
from tests.conftest import page_at
from tests.healthsite.test_admin_editing import form_data
from tests.site_pages import SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action(page, action):
    state = TaskState.objects.for_instance(page).get(status=TaskState.STATUS_IN_PROGRESS)
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])


def submit(editor, page, **extra):
    data = {**form_data(ConditionPage, page.title), "action-submit": "on", **extra}
    response = editor.post(edit_url(page), data)
    assert response.status_code == 302, response.context["form"].errors
    return response


def dates(page):
    page = ConditionPage.objects.get(pk=page.pk)
    return page.reviewed_by_id, page.last_reviewed, page.next_review_due, page.last_updated


def test_a_minor_change_is_approved_seeing_what_changed_and_keeps_the_review_dates(
    editor, reviewer
):
    page = page_at(SCIATICA.url)
    before = dates(page)
    submit(editor, page, minor_change="on")

    dialog = reviewer.get(workflow_action(page, "approve"))
    html = dialog.json()["html"]
    assert "A minor change: exactly what changed" in html
    assert 'class="deletion"' in html or 'class="addition"' in html
    assert "Keep moving gently." in html  # the new text, in the diff
    assert "Approve minor change" in html

    assert reviewer.post(workflow_action(page, "approve"), {"comment": ""}).status_code == 302
    live = ConditionPage.objects.get(pk=page.pk)
    assert live.live and "Keep moving gently." in str(live.body)
    assert dates(page) == before
    assert not live.minor_change  # the next change is a full review unless ticked again
    assert "Medically reviewed by" in reviewer.get(SCIATICA.url).content.decode()


def test_an_ordinary_approval_is_a_review_and_moves_the_review_date(editor, reviewer):
    page = page_at(SCIATICA.url)
    submit(editor, page)
    assert "A minor change" not in reviewer.get(workflow_action(page, "approve")).json()["html"]
    assert reviewer.post(workflow_action(page, "approve"), {"comment": ""}).status_code == 302
    live = ConditionPage.objects.get(pk=page.pk)
    assert live.last_reviewed != page.last_reviewed
    assert live.reviewed_by_id == reviewer.user.person.pk


def test_a_change_is_minor_or_significant_not_both_and_the_tick_belongs_to_one_change(editor):
    page = page_at(SCIATICA.url)
    data = {**form_data(ConditionPage, page.title), "minor_change": "on"}
    data.update(significant_update="on", change_note="New advice.")
    response = editor.post(edit_url(page), data)
    assert "significant or minor, not both" in response.content.decode()
    form = editor.get(edit_url(page)).content.decode()
    checkbox = form.split('name="minor_change"')[1].split(">")[0]
    assert "checked" not in checkbox

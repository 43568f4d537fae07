"""The medical review workflow, walked through the admin: editors write and submit, medical
reviewers approve (which publishes and stamps the review) or request changes."""

from datetime import date, timedelta

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, TaskState, WorkflowState

from articles.models import ArticlePage, ConditionPage
from editorial.models import MedicalReviewTask
from editorial.scheduling import next_review_after
from editorial.setup import EDITORS, REVIEWERS
from healthsite.models import ContentPage, SiteSettings
from products.models import ProductGuidePage
from tests.conftest import page_at
from tests.editorial.conftest import member
from tests.healthsite.test_admin_editing import add_url, form_data
from tests.site_pages import BACK_PAIN_OVERVIEW, BACK_PAIN_PRODUCTS, BACK_PAIN_TYPES, SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

PARENTS = {
    ConditionPage: BACK_PAIN_TYPES.url,
    ArticlePage: BACK_PAIN_OVERVIEW.url,
    ProductGuidePage: BACK_PAIN_PRODUCTS.url,
}


@pytest.fixture
def editor(django_user_model):
    return member(django_user_model, "writer", EDITORS)


@pytest.fixture
def reviewer(django_user_model):
    return member(
        django_user_model,
        "doctor",
        REVIEWERS,
        person={
            "name": "Dr Sam Patel",
            "profession": "General practitioner",
            "registration_body": "General Medical Council",
            "registration_number": "7654321",
        },
    )


@pytest.fixture
def unregistered_reviewer(django_user_model):
    return member(django_user_model, "student", REVIEWERS, person={"name": "Jo Student"})


def create(client, model, title, action="action-submit", **extra):
    parent = page_at(PARENTS[model])
    data = form_data(model, title)
    data.update(extra)
    data[action] = action
    response = client.post(add_url(model, parent), data)
    assert response.status_code == 302, response.context["form"].errors
    return model.objects.get(slug=data["slug"])


def edit(client, page, action, title=None, **extra):
    data = form_data(type(page), title or page.title)
    data.update(extra)
    data[action] = action
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    return response


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def task_state(page):
    return TaskState.objects.for_instance(page).get(status=TaskState.STATUS_IN_PROGRESS)


def act(client, page, action, comment=""):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state(page).pk])
    response = client.post(url, {"comment": comment})
    page.refresh_from_db()
    return response


def refused(response):
    """The admin's answer to a forbidden action: back to the dashboard, "no permission"."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def action_names(page, client):
    return [
        name
        for name, _label, _modal in task_state(page).task.specific.get_actions(page, client.user)
    ]


def test_an_editors_draft_cannot_go_live_unreviewed(editor):
    page = create(editor, ConditionPage, "Coccydynia", action="action-publish")
    assert not page.live  # the publish action is not the editor's: a draft is saved

    edit(editor, page, "action-publish")
    assert not page.live
    assert page.workflow_in_progress is False

    edit(editor, page, "action-submit")
    assert not page.live
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Medical review"
    assert isinstance(state.current_task_state.task.specific, MedicalReviewTask)
    assert not page.permissions_for_user(editor.user).can_publish()


def test_every_content_page_is_under_the_medical_review_workflow():
    for page in ContentPage.objects.all():
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "Medical review", page.url_path


@pytest.mark.parametrize(
    ("model", "setting"),
    [
        (ConditionPage, "condition_review_months"),
        (ArticlePage, "article_review_months"),
        (ProductGuidePage, "product_guide_review_months"),
    ],
)
def test_a_reviewer_approves_and_the_page_goes_live_stamped(editor, reviewer, model, setting):
    settings = SiteSettings.for_site(page_at("/").get_site())
    setattr(settings, setting, 3)
    settings.save()
    page = create(editor, model, "Reviewed page")
    assert "approve" in action_names(page, reviewer)
    assert "Approve" in reviewer.get(edit_url(page)).content.decode()

    response = act(reviewer, page, "approve", "Checked against the current guideline.")

    assert response.status_code == 302
    page = model.objects.get(pk=page.pk)
    today = timezone.localdate()
    assert page.live and not page.has_unpublished_changes
    assert page.reviewed_by == reviewer.user.person
    assert page.last_reviewed == today
    assert page.next_review_due == next_review_after(page, today)  # 3 months: see below
    # Stamped into the revision that was published, so the next edit keeps it.
    assert page.live_revision.content["reviewed_by"] == reviewer.user.person.pk
    assert page.get_latest_revision_as_object().last_reviewed == today
    assert not page.permissions_for_user(reviewer.user).can_publish()
    assert editor.get(page.url).status_code == 200


def test_a_reviewer_corrects_in_the_editor_and_another_reviewer_approves(
    editor, reviewer, django_user_model
):
    page = create(editor, ConditionPage, "Coccydinia")
    approve_in_editor = {
        "workflow-action-name": "approve",
        "workflow-action-extra-data": '{"comment": "Fixed the spelling."}',
    }

    # Four eyes: the reviewer's correction is kept, but their approval of it is not taken.
    edit(reviewer, page, "action-workflow-action", title="Coccydynia", **approve_in_editor)
    page = ConditionPage.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Coccydynia"
    assert "approve" not in action_names(page, reviewer)
    assert act(reviewer, page, "approve").status_code in (302, 403)
    assert not ConditionPage.objects.get(pk=page.pk).live

    # The editor tells the reviewer who may approve instead.
    second = member(
        django_user_model,
        "physio",
        REVIEWERS,
        person={
            "name": "Alex Morgan",
            "profession": "Physiotherapist",
            "registration_body": "Health and Care Professions Council",
            "registration_number": "PH123456",
        },
    )
    shown = reviewer.get(edit_url(page)).content.decode()
    assert "another reviewer must approve it" in shown and "Alex Morgan" in shown

    act(second, page, "approve", "Checked the correction.")
    page = ConditionPage.objects.get(pk=page.pk)
    assert page.live and page.title == "Coccydynia"
    assert page.reviewed_by == second.user.person
    assert page.last_reviewed == timezone.localdate()


def test_a_rejection_returns_the_page_with_the_comment(editor, reviewer):
    page = create(editor, ConditionPage, "Coccydynia")
    mail.outbox.clear()

    act(reviewer, page, "reject", "Please cite the NICE guideline for the advice on rest.")

    assert not page.live
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    history = editor.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk])
    )
    assert "Please cite the NICE guideline" in history.content.decode()
    editing = editor.get(edit_url(page))
    assert "Changes requested" in editing.content.decode()
    assert "Please cite the NICE guideline" in editing.content.decode()
    assert [message.to for message in mail.outbox] == [[editor.user.email]]

    # Fixed and resubmitted, then approved.
    edit(editor, page, "action-submit", title="Coccydynia (tailbone pain)")
    assert task_state(page).status == TaskState.STATUS_IN_PROGRESS
    act(reviewer, page, "approve")
    assert page.live and page.title == "Coccydynia (tailbone pain)"


def test_an_editor_cannot_approve(editor):
    page = create(editor, ConditionPage, "Coccydynia")
    assert action_names(page, editor) == []

    assert refused(act(editor, page, "approve"))

    # Nor through the editor: the page is locked to them while it is reviewed.
    data = form_data(ConditionPage, page.title)
    data.update({"action-workflow-action": "on", "workflow-action-name": "approve"})
    editor.post(edit_url(page), data)
    page.refresh_from_db()
    assert not page.live
    assert task_state(page).status == TaskState.STATUS_IN_PROGRESS


def test_a_reviewer_without_a_registration_gets_no_approve_action(editor, unregistered_reviewer):
    page = create(editor, ConditionPage, "Coccydynia")
    assert action_names(page, unregistered_reviewer) == ["reject"]
    html = unregistered_reviewer.get(edit_url(page))
    html = html.content.decode()
    assert "Request changes" in html
    assert "Approve" not in html

    assert refused(act(unregistered_reviewer, page, "approve"))
    assert not page.live

    dashboard = unregistered_reviewer.get(reverse("wagtailadmin_home")).content.decode()
    assert "registration body and number" in dashboard


def test_a_routine_review_moves_last_reviewed_but_not_last_updated(admin_client, editor, reviewer):
    page = create(admin_client, ArticlePage, "Sitting well", action="action-publish")
    long_ago = timezone.now() - timedelta(days=400)
    ArticlePage.objects.filter(pk=page.pk).update(last_updated=long_ago)

    edit(editor, page, "action-submit")  # the same content, sent for its review
    act(reviewer, page, "approve")

    page = ArticlePage.objects.get(pk=page.pk)
    assert page.last_reviewed == timezone.localdate()
    assert page.last_updated == long_ago
    assert not page.live_revision.content["significant_update"]


def test_an_approved_significant_update_moves_last_updated_once(admin_client, editor, reviewer):
    page = create(admin_client, ArticlePage, "Sitting well", action="action-publish")
    long_ago = timezone.now() - timedelta(days=400)
    ArticlePage.objects.filter(pk=page.pk).update(last_updated=long_ago)

    edit(
        editor,
        page,
        "action-submit",
        significant_update="on",
        change_note="Added advice on sitting.",
    )
    act(reviewer, page, "approve")

    page = ArticlePage.objects.get(pk=page.pk)
    assert page.last_updated == page.last_published_at > long_ago
    assert page.last_update_note == "Added advice on sitting."
    assert page.last_reviewed == timezone.localdate()
    assert Page.objects.get(pk=page.pk).live


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 25), 12, date(2027, 11, 25)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 1, 31), 3, date(2026, 4, 30)),
    ],
)
def test_the_next_review_is_due_whole_months_later(day, months, expected):
    page = page_at(SCIATICA.url)
    settings = SiteSettings.for_site(page.get_site())
    settings.condition_review_months = months
    settings.save()
    assert next_review_after(page, day) == expected

"""`setup_editorial`: the groups, their permissions and the medical review workflow at Home,
made once and left alone on the next run."""

import io

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permissions import policy_registry

from editorial.models import MedicalReviewTask
from editorial.setup import EDITORS, MODERATORS, REVIEWERS, WORKFLOW
from tests.conftest import page_at
from tests.site_pages import BACK_PAIN_TYPES, LEARN_MORE

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def setup_editorial():
    out = io.StringIO()
    call_command("setup_editorial", stdout=out)
    return out.getvalue()


def snapshot():
    """Everything the command looks after, as plain values."""
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "models": sorted(
            Group.permissions.through.objects.values_list("group__name", "permission__codename")
        ),
        "pages": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        "collections": sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection_id", "permission__codename"
            )
        ),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
        "assigned": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        "tasks": sorted(WorkflowTask.objects.values_list("workflow__name", "task__name")),
        "approvers": sorted(
            GroupApprovalTask.groups.through.objects.values_list(
                "groupapprovaltask__name", "group__name"
            )
        ),
    }


def member(django_user_model, group):
    user = django_user_model.objects.create_user(group.lower().replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_the_demo_site_is_set_up_with_the_workflow_at_home():
    home = page_at("/")
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW
    task = MedicalReviewTask.objects.get(name=WORKFLOW)
    assert list(task.groups.values_list("name", flat=True)) == [REVIEWERS]
    assert [t.specific for t in Workflow.objects.get(name=WORKFLOW).tasks] == [task]
    assert {EDITORS, REVIEWERS, MODERATORS} <= set(Group.objects.values_list("name", flat=True))


def test_running_it_again_changes_nothing():
    before = snapshot()

    output = setup_editorial()

    assert "Done: nothing to change" in output
    assert snapshot() == before


def test_it_sets_up_a_new_site_and_repairs_what_was_changed():
    home = page_at("/")
    WorkflowPage.objects.filter(page=home).delete()
    Workflow.objects.filter(name=WORKFLOW).delete()
    MedicalReviewTask.objects.all().delete()
    Group.objects.filter(name=REVIEWERS).delete()
    # Wagtail's own Editors group may publish from the root of the tree.
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=EDITORS),
        page=Page.get_first_root_node(),
        permission_type="publish",
    )

    output = setup_editorial()

    assert f"group {REVIEWERS}: created" in output
    assert "- publish_page at Root" in output
    assert f'workflow "{WORKFLOW}" assigned at {home.title}' in output
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW
    assert not GroupPagePermission.objects.filter(
        group__name=EDITORS, permission__codename="publish_page"
    ).exists()
    after = snapshot()
    assert "Done: nothing to change" in setup_editorial()
    assert snapshot() == after


def test_editors_write_but_cannot_publish(django_user_model):
    editor = member(django_user_model, EDITORS)
    page = page_at(BACK_PAIN_TYPES.url)
    permissions = page.permissions_for_user(editor)

    assert permissions.can_edit() and permissions.can_add_subpage()
    assert not permissions.can_publish() and not permissions.can_unpublish()
    assert permissions.can_submit_for_moderation()
    assert not page_at("/").get_parent().permissions_for_user(editor).can_add_subpage()
    image_policy = policy_registry.get_by_type(get_image_model())
    assert image_policy.user_has_permission(editor, "add")
    assert image_policy.user_has_permission(editor, "choose")
    # Authors are chosen from People, not edited: a reviewer's registration is for admins.
    assert editor.has_perm("editorial.view_person")
    assert not editor.has_perm("editorial.change_person")
    assert editor.has_perm("search.view_searchquerycount")  # the Search terms report
    assert not editor.has_perm("search.change_synonym")


def test_medical_reviewers_edit_but_cannot_publish_outside_the_workflow(django_user_model):
    reviewer = member(django_user_model, REVIEWERS)
    permissions = page_at(BACK_PAIN_TYPES.url).permissions_for_user(reviewer)

    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_add_subpage()


def test_moderators_publish_and_tune_search(django_user_model):
    moderator = member(django_user_model, MODERATORS)
    permissions = page_at(BACK_PAIN_TYPES.url).permissions_for_user(moderator)

    assert permissions.can_publish() and permissions.can_unlock()
    for permission in [
        "editorial.change_person",
        "search.change_synonym",
        "search.view_searchquerycount",
        "wagtailsearchpromotions.add_searchpromotion",
    ]:
        assert moderator.has_perm(permission), permission


def test_it_warns_about_pages_under_another_workflow():
    section = page_at(LEARN_MORE.url)
    WorkflowPage.objects.create(page=section, workflow=Workflow.objects.exclude(name=WORKFLOW)[0])

    output = setup_editorial()

    assert f'warning: "{section.title}" and the pages under it use the workflow' in output
    assert "Done: nothing to change" in output

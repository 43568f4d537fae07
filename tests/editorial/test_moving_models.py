"""People and the medical review task moved from healthsite to editorial (editorial 0001 and
0002, healthsite 0008): a database made before the move keeps its people, tasks, workflows,
pages' authors and reviewers, and the permissions groups hold on people. Migrated back and
forth with Django's migration executor, on SQLite and PostgreSQL."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Task, Workflow

from editorial.models import MedicalReviewTask, Person
from healthsite.models import ContentPage

# The schema before the move: editorial had no migrations (and healthsite stopped at 0007).
BEFORE = [("editorial", None)]
KEEPERS = "Keepers of people (moved)"


@pytest.fixture(scope="module")
def demo_site_put_back(django_db_setup, django_db_blocker):
    """A transactional test empties every table when it ends: the database the other tests
    build on (the demo site) is put back as it was, once it has."""
    with django_db_blocker.unblock():
        objects = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: saving some objects looks theirs up (and would make a new one).
    objects.sort(key=lambda entry: entry["model"] != "contenttypes.contenttype")
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(json.dumps(objects))
        ContentType.objects.clear_cache()


def build_before_the_move(old):
    """With the models as they were (`old`: the historical apps): people, a medical review
    task in a workflow, a page written and reviewed by them, a group's permissions on people,
    and a stray editorial.person content type with a permission of its own (post_migrate
    makes them when a migrate stops half way)."""
    content_type = old.get_model("contenttypes", "ContentType").objects
    permissions = old.get_model("auth", "Permission").objects
    person_type = content_type.get(app_label="healthsite", model="person")
    task_type = content_type.get(app_label="healthsite", model="medicalreviewtask")
    page_type, _ = content_type.get_or_create(app_label="healthsite", model="standardpage")

    keepers = old.get_model("auth", "Group").objects.create(name=KEEPERS)
    for action in ("add", "change", "view"):
        keepers.permissions.add(
            permissions.get(content_type=person_type, codename=f"{action}_person")
        )
    stray = content_type.create(app_label="editorial", model="person")
    permissions.create(content_type=stray, codename="add_person", name="Can add person")

    people = old.get_model("healthsite", "Person").objects
    author = people.create(name="Moved Author", slug="moved-author")
    reviewer = people.create(
        name="Dr Moved Reviewer",
        slug="dr-moved-reviewer",
        registration_body="General Medical Council",
        registration_number="7654321",
    )
    task = old.get_model("healthsite", "MedicalReviewTask").objects.create(
        name="Moved review", content_type=task_type, active=True
    )
    task.groups.add(keepers)
    workflow = old.get_model("wagtailcore", "Workflow").objects.create(name="Moved workflow")
    old.get_model("wagtailcore", "WorkflowTask").objects.create(
        workflow=workflow, task_id=task.pk, sort_order=0
    )
    locale, _ = old.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="en")
    page = old.get_model("healthsite", "StandardPage").objects.create(
        title="Moved page",
        draft_title="Moved page",
        slug="moved-page",
        path="0042",  # a root of its own: the test needs no place in the tree
        depth=1,
        url_path="/moved-page/",
        content_type=page_type,
        locale=locale,
        summary="Written and reviewed before the move.",
        author=author,
        reviewed_by=reviewer,
    )
    return {"page": page.pk, "task": task.pk, "person_type": person_type.pk}


@pytest.mark.django_db(transaction=True)
def test_people_tasks_pages_and_permissions_survive_the_move(demo_site_put_back):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = MigrationExecutor(connection).migrate(BEFORE).apps
        tables = connection.introspection.table_names()
        assert "healthsite_person" in tables and "editorial_person" not in tables
        made = build_before_the_move(old)
    finally:
        # Whatever happened, the database goes on at today's schema for the other tests.
        MigrationExecutor(connection).migrate(latest)
    ContentType.objects.clear_cache()

    tables = connection.introspection.table_names()
    assert "editorial_person" in tables and "editorial_medicalreviewtask" in tables
    assert "healthsite_person" not in tables and "healthsite_medicalreviewtask" not in tables

    # The page's author and reviewer.
    page = ContentPage.objects.get(pk=made["page"])
    assert page.author == Person.objects.get(slug="moved-author")
    assert page.reviewed_by.name == "Dr Moved Reviewer"
    assert page.reviewed_by.is_registered
    assert list(page.author.written_pages.all()) == [page]

    # The task, found through Wagtail's content type, in its workflow, approved by its group.
    task = Task.objects.get(pk=made["task"]).specific
    assert isinstance(task, MedicalReviewTask)
    assert list(task.groups.values_list("name", flat=True)) == [KEEPERS]
    workflow = Workflow.objects.get(name="Moved workflow")
    assert [each.specific for each in workflow.tasks] == [task]

    # One content type per model, the old row renamed (what points at it kept), the stray gone.
    assert list(ContentType.objects.filter(model="person").values_list("app_label", "pk")) == [
        ("editorial", made["person_type"])
    ]
    assert not ContentType.objects.filter(app_label="healthsite", model="medicalreviewtask")
    assert ContentType.objects.get_for_model(Person).pk == made["person_type"]
    assert (
        Permission.objects.filter(content_type__model="person", codename="add_person").count() == 1
    )

    # The group's permissions, now on editorial's people.
    keepers = Group.objects.get(name=KEEPERS)
    held = keepers.permissions.values_list("content_type__app_label", "codename")
    assert sorted(held) == [
        ("editorial", "add_person"),
        ("editorial", "change_person"),
        ("editorial", "view_person"),
    ]
    keeper = get_user_model().objects.create_user("people-keeper", password="pw")
    keeper.groups.add(keepers)
    assert keeper.has_perms(["editorial.add_person", "editorial.change_person"])

    # What was there before (the demo's people and its Medical review task) is there too.
    assert Person.objects.filter(name="Dr Sam Okafor").exists()
    review = Task.objects.get(name="Medical review").specific
    assert isinstance(review, MedicalReviewTask)
    assert review.groups.filter(name="Medical reviewers").exists()

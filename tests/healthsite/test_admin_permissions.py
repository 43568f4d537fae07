"""Editors and reviewers see nothing in the admin beyond their permissions.

The groups `setup_editorial` makes work on the whole tree, so an operator who gives a group one
section (as Settings → Groups allows) is played here by a group with the Editors' or the
Medical reviewers' permissions at the products section only. Outside it, every admin view of a
page answers 403 or sends them away with Wagtail's permission message, and every action leaves
the page as it was. Readers' personal data is seen only by the groups the editors' guide names:
reader stories by Editors and Moderators (who moderate them), subscribers and contact messages
by Moderators (who look after readers' data); users, groups and settings by administrators.
"""

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    Workflow,
    WorkflowState,
)

from editorial.models import MedicalReviewTask, Person
from editorial.setup import EDITORS, MODERATORS, REVIEWERS
from healthsite.models import ContentPage
from newsletter.models import Subscriber
from products.models import ProductGuidePage
from stories.models import StorySubmission
from tests.conftest import page_at
from tests.healthsite.test_admin_editing import form_data
from tests.site_pages import BACK_PAIN_PRODUCTS, BACK_PAIN_TYPES, CHAIRS, CONTACT, LOWER_BACK_PAIN

pytestmark = pytest.mark.django_db

SECTION = BACK_PAIN_PRODUCTS.url  # the one section the limited groups may work in
INSIDE = CHAIRS.url
OUTSIDE_SECTION = BACK_PAIN_TYPES.url
OUTSIDE = LOWER_BACK_PAIN.url
DENIED = "Sorry, you do not have permission to access this area."
READER_EMAIL = "a.reader@example.org"
CONTACT_MESSAGE = "My back hurts when I lift my grandson."


def member(django_user_model, username, *groups):
    """A logged-in client for a new user in `groups`."""
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(*groups)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def section_group(name, like):
    """A group with the permissions of the group `like`, its page permissions at SECTION only."""
    model = Group.objects.get(name=like)
    group = Group.objects.create(name=name)
    group.permissions.set(model.permissions.all())
    for grant in GroupCollectionPermission.objects.filter(group=model):
        GroupCollectionPermission.objects.create(
            group=group, collection=grant.collection, permission=grant.permission
        )
    section = page_at(SECTION)
    for grant in GroupPagePermission.objects.filter(group=model):
        GroupPagePermission.objects.get_or_create(
            group=group, page=section, permission=grant.permission
        )
    return group


@pytest.fixture
def section_editor(django_user_model):
    return member(django_user_model, "sectioneditor", section_group("Product editors", EDITORS))


@pytest.fixture
def section_reviewer(django_user_model):
    return member(
        django_user_model, "sectionreviewer", section_group("Product reviewers", REVIEWERS)
    )


@pytest.fixture(params=["section_editor", "section_reviewer"])
def limited(request):
    """Each of the section-limited users in turn."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def editor(django_user_model):
    return member(django_user_model, "writer", Group.objects.get(name=EDITORS))


@pytest.fixture
def reviewer(django_user_model):
    return member(django_user_model, "doctor", Group.objects.get(name=REVIEWERS))


@pytest.fixture
def moderator(django_user_model):
    return member(django_user_model, "morgan", Group.objects.get(name=MODERATORS))


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", "pw")


def assert_refused(client, response, *hidden):
    """403, or a redirect away to a page saying "permission": never the content, never a
    server error."""
    if response.status_code == 302:
        assert response["Location"] != response.wsgi_request.get_full_path()
        landing = client.get(response["Location"])  # shows (and so clears) Wagtail's message
        assert DENIED in landing.content.decode(), response["Location"]
        body = landing.content.decode()
    else:
        assert response.status_code == 403, response.status_code
        body = response.content.decode()
    for text in hidden:
        assert text not in body


def revisions(page):
    return list(page.revisions.order_by("pk").values_list("pk", flat=True))


def in_review(page, user):
    """Submits `page` to the medical review as `user`; its workflow state."""
    page.save_revision(user=user)
    return Workflow.objects.get(name="Medical review").start(page, user)


# Pages outside the section


def page_views(page):
    first, last = revisions(page)[0], revisions(page)[-1]
    pk = page.pk
    return [
        f"/admin/pages/{pk}/edit/",
        f"/admin/pages/{pk}/history/",
        f"/admin/pages/{pk}/history/results/",
        f"/admin/pages/{pk}/revisions/{first}/view/",
        f"/admin/pages/{pk}/revisions/{first}/revert/",
        f"/admin/pages/{pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{pk}/revisions/compare/{first}...{last}/",
        f"/admin/pages/{pk}/edit/preview/",
        f"/admin/pages/{pk}/view_draft/",
        f"/admin/pages/{pk}/copy/",
        f"/admin/pages/{pk}/move/",
        f"/admin/pages/{pk}/move/{page_at(SECTION).pk}/confirm/",
        f"/admin/pages/{pk}/delete/",
        f"/admin/pages/{pk}/unpublish/",
        f"/admin/pages/{pk}/privacy/",
        f"/admin/pages/{pk}/usage/",
        f"/admin/pages/{pk}/workflow_history/",
        f"/admin/pages/{page.get_parent().pk}/add_subpage/",
        f"/admin/pages/add/articles/conditionpage/{page.get_parent().pk}/",
        f"/admin/pages/add/articles/conditionpage/{page.get_parent().pk}/preview/",
    ]


def test_every_view_of_a_page_outside_the_section_is_refused(limited):
    page = page_at(OUTSIDE)
    for url in page_views(page):
        assert_refused(limited, limited.get(url), page.title)


def test_the_revisions_list_of_a_page_outside_the_section_is_refused(limited):
    page = page_at(OUTSIDE)
    response = limited.get(f"/admin/pages/{page.pk}/revisions/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert DENIED in response.content.decode()


def test_actions_on_a_page_outside_the_section_are_refused_and_change_nothing(limited):
    page = page_at(OUTSIDE)
    section = page_at(SECTION)
    before = revisions(page)
    pk = page.pk
    posts = {
        f"/admin/pages/{pk}/edit/": form_data(type(page), "Taken over"),
        f"/admin/pages/{pk}/edit/preview/": form_data(type(page), "Taken over"),
        f"/admin/pages/{pk}/copy/": {
            "new_title": "A copy",
            "new_slug": "a-copy",
            "new_parent_page": section.pk,
        },
        f"/admin/pages/{pk}/move/{section.pk}/confirm/": {},
        f"/admin/pages/{pk}/delete/": {},
        f"/admin/pages/{pk}/unpublish/": {},
        f"/admin/pages/{pk}/lock/": {},
        f"/admin/pages/{pk}/revisions/{before[-1]}/unschedule/": {},
        f"/admin/pages/{pk}/set_position/?position=0": {},
    }
    for url, data in posts.items():
        assert_refused(limited, limited.post(url, data), page.title)

    page.refresh_from_db()
    assert page.live
    assert not page.locked
    assert page.get_parent().pk == page_at(OUTSIDE_SECTION).pk
    assert revisions(page) == before
    assert not Page.objects.filter(slug="a-copy").exists()


def test_bulk_actions_on_a_page_outside_the_section_are_refused(limited):
    page = page_at(OUTSIDE)
    for action in ("delete", "unpublish", "move", "publish"):
        url = f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}"
        shown = limited.get(url)
        assert shown.status_code == 200  # Wagtail's own answer: which pages are not yours
        assert "have permission" in shown.content.decode()
        limited.post(url, {"move_applicable": "on", "chooser": page_at(SECTION).pk})
    page.refresh_from_db()
    assert page.live
    assert page.get_parent().pk == page_at(OUTSIDE_SECTION).pk


def test_the_review_of_a_page_outside_the_section_is_out_of_reach(limited, superuser):
    page = page_at(OUTSIDE)
    workflow_state = in_review(page, superuser)
    task_state = workflow_state.current_task_state
    pk = page.pk
    for url in (
        f"/admin/pages/{pk}/workflow_history/",
        f"/admin/pages/{pk}/workflow_history/detail/{workflow_state.pk}/",
        f"/admin/pages/workflow/preview/{pk}/{task_state.task_id}/",
        f"/admin/pages/workflow/confirm_cancellation/{pk}/",
        f"/admin/pages/workflow/action/{pk}/approve/{task_state.pk}/",
        f"/admin/pages/workflow/collect_action_data/{pk}/reject/{task_state.pk}/",
    ):
        assert_refused(limited, limited.get(url), page.title)
    for action in ("approve", "reject"):
        url = f"/admin/pages/workflow/action/{pk}/{action}/{task_state.pk}/"
        assert_refused(limited, limited.post(url, {"comment": "Fine by me"}), page.title)

    workflow_state.refresh_from_db()
    assert workflow_state.status == workflow_state.STATUS_IN_PROGRESS


def test_the_explorer_shows_only_the_section(limited):
    response = limited.get(f"/admin/pages/{page_at(OUTSIDE_SECTION).pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page_at(SECTION).pk}/"

    explorer = limited.get(f"/admin/pages/{page_at(SECTION).pk}/").content.decode()
    assert page_at(INSIDE).title in explorer
    assert page_at(OUTSIDE).title not in explorer


def test_the_admin_api_tells_nothing_of_pages_outside_the_section(limited):
    page = page_at(OUTSIDE)
    assert limited.get(f"/admin/api/main/pages/{page.pk}/").status_code == 404
    listing = limited.get(f"/admin/api/main/pages/?child_of={page_at(OUTSIDE_SECTION).pk}")
    assert listing.status_code in (400, 403, 404)
    assert page.title not in listing.content.decode()


def test_admin_search_and_reports_list_only_the_section(limited, superuser):
    inside, outside = page_at(INSIDE), page_at(OUTSIDE)
    ContentPage.objects.filter(pk__in=[inside.pk, outside.pk]).update(next_review_due=None)
    for page in (inside, outside):
        PageLogEntry.objects.log_action(page, "wagtail.edit", user=superuser)
        in_review(page, superuser)
    for url in (
        "/admin/pages/search/?q=back",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/aging-pages/",
        "/admin/reports/reviews-due/",
        "/admin/",
    ):
        response = limited.get(url)
        assert response.status_code == 200, url
        assert outside.title not in response.content.decode(), url
    assert inside.title in limited.get("/admin/reports/reviews-due/").content.decode()


def test_the_page_chooser_lists_other_sections_for_links_but_opens_nothing(limited):
    """Choosing a page to link to may range over the whole site (a product guide links the
    conditions it helps); the chooser shows titles and addresses, and the editor it points to
    stays closed."""
    page = page_at(OUTSIDE)
    chooser = limited.get(f"/admin/choose-page/{page_at(OUTSIDE_SECTION).pk}/")
    assert chooser.status_code == 200
    assert page.title in chooser.content.decode()
    assert_refused(limited, limited.get(f"/admin/pages/{page.pk}/edit/"))


# Their own section


def test_the_section_editor_works_in_the_section(section_editor, superuser):
    page = page_at(INSIDE)
    first, last = revisions(page)[0], revisions(page)[-1]
    pk = page.pk
    for url in (
        f"/admin/pages/{page_at(SECTION).pk}/",
        f"/admin/pages/{pk}/edit/",
        f"/admin/pages/{pk}/history/",
        f"/admin/pages/{pk}/revisions/{first}/view/",
        f"/admin/pages/{pk}/revisions/compare/{first}...{last}/",
        f"/admin/pages/{pk}/copy/",
        f"/admin/pages/{pk}/workflow_history/",
        f"/admin/pages/add/products/productguidepage/{page_at(SECTION).pk}/",
    ):
        assert section_editor.get(url).status_code == 200, url

    preview = section_editor.post(
        f"/admin/pages/{pk}/edit/preview/", form_data(ProductGuidePage, "Chairs, revised")
    )
    assert preview.json()["is_valid"]
    shown = section_editor.get(f"/admin/pages/{pk}/edit/preview/")
    assert shown.status_code == 200
    assert "Chairs, revised" in shown.content.decode()

    in_review(page, superuser)
    question = section_editor.get(f"/admin/pages/workflow/confirm_cancellation/{pk}/")
    assert question.status_code == 200
    assert question.json()["step"] == "confirm"
    assert "Medical review" in question.json()["html"]


def test_the_section_reviewer_reads_pages_of_the_section(section_reviewer):
    page = page_at(INSIDE)
    for url in (f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/history/"):
        assert section_reviewer.get(url).status_code == 200, url


def test_a_page_moves_only_where_the_mover_may_publish(section_editor):
    """Even in their own section, editors cannot move pages (that takes publishing)."""
    page = page_at(INSIDE)
    url = f"/admin/pages/{page.pk}/move/{page_at(OUTSIDE_SECTION).pk}/confirm/"
    assert_refused(section_editor, section_editor.get(url), page.title)
    assert_refused(section_editor, section_editor.post(url))
    assert page_at(INSIDE).get_parent().pk == page_at(SECTION).pk


def test_a_section_reviewer_on_the_review_task_reviews_only_the_section(
    django_user_model, superuser
):
    """An operator who adds a section's reviewers to the Medical review task lets them review
    that section: pages of other sections in review stay closed to them."""
    group = section_group("Product reviewers", REVIEWERS)
    MedicalReviewTask.objects.get(name="Medical review").groups.add(group)
    client = member(django_user_model, "sectiondoctor", group)
    Person.objects.create(
        user=client.user,
        name="Dr Lee Chan",
        profession="Physiotherapist",
        registration_body="Health and Care Professions Council",
        registration_number="PH123456",
    )
    inside, outside = page_at(INSIDE), page_at(OUTSIDE)
    states = {page.pk: in_review(page, superuser) for page in (inside, outside)}

    dashboard = client.get("/admin/").content.decode()
    assert inside.title in dashboard  # awaiting their review
    assert outside.title not in dashboard

    task_state = states[outside.pk].current_task_state
    for url in (
        f"/admin/pages/{outside.pk}/edit/",
        f"/admin/pages/workflow/preview/{outside.pk}/{task_state.task_id}/",
        f"/admin/pages/{outside.pk}/workflow_history/",
    ):
        assert_refused(client, client.get(url), outside.title)
    approve = f"/admin/pages/workflow/action/{outside.pk}/approve/{task_state.pk}/"
    assert_refused(client, client.post(approve, {"comment": ""}), outside.title)
    states[outside.pk].refresh_from_db()
    assert states[outside.pk].status == WorkflowState.STATUS_IN_PROGRESS

    task_state = states[inside.pk].current_task_state
    assert client.get(f"/admin/pages/{inside.pk}/edit/").status_code == 200
    client.post(f"/admin/pages/workflow/action/{inside.pk}/approve/{task_state.pk}/", {})
    states[inside.pk].refresh_from_db()
    assert states[inside.pk].status == WorkflowState.STATUS_APPROVED


# The whole-tree groups: what their permissions leave out


def test_reviewers_cannot_copy_move_delete_unpublish_or_lock(reviewer):
    page = page_at(OUTSIDE)
    pk = page.pk
    for url in (
        f"/admin/pages/{pk}/move/",
        f"/admin/pages/{pk}/move/{page_at(SECTION).pk}/confirm/",
        f"/admin/pages/{pk}/delete/",
        f"/admin/pages/{pk}/unpublish/",
        f"/admin/pages/{pk}/privacy/",
        f"/admin/pages/{page.get_parent().pk}/add_subpage/",
    ):
        assert_refused(reviewer, reviewer.get(url))
    for url in (f"/admin/pages/{pk}/lock/", f"/admin/pages/{pk}/delete/"):
        assert_refused(reviewer, reviewer.post(url))
    # The copy form is shown (they may read the page), but a copy needs a place to add it.
    copied = reviewer.post(
        f"/admin/pages/{pk}/copy/",
        {"new_title": "A copy", "new_slug": "a-copy", "new_parent_page": page.get_parent().pk},
    )
    assert copied.status_code in (200, 302, 403)
    page.refresh_from_db()
    assert page.live
    assert not page.locked
    assert not Page.objects.filter(slug="a-copy").exists()


@pytest.fixture
def readers_data():
    """A subscriber, a reader's story and a contact message, as readers leave them."""
    subscriber = Subscriber.objects.create(
        email=READER_EMAIL,
        status=Subscriber.Status.CONFIRMED,
        consent_source=Subscriber.Source.PAGE_BOX,
        consent_wording="2026-11",
    )
    story = StorySubmission.objects.create(
        title="Gardening again",
        story="I dig a little each day.",
        teller="R. S.",
        email=READER_EMAIL,
        consent=True,
    )
    contact = page_at(CONTACT.url)
    FormSubmission.objects.create(
        page=contact,
        form_data={
            "your_name": "A Reader",
            "your_e_mail_address": READER_EMAIL,
            "your_message": CONTACT_MESSAGE,
        },
    )
    return {"subscriber": subscriber, "story": story, "contact": contact}


def subscriber_views(data):
    pk = data["subscriber"].pk
    return [
        "/admin/newsletter/subscribers/",
        "/admin/newsletter/subscribers/results/",
        "/admin/newsletter/subscribers/?export=csv",
        f"/admin/newsletter/subscribers/inspect/{pk}/",
        f"/admin/newsletter/subscribers/delete/{pk}/",
        f"/admin/newsletter/subscribers/history/{pk}/",
    ]


def story_views(data):
    pk = data["story"].pk
    return [
        "/admin/reader-stories/?status=all",
        "/admin/reader-stories/?export=csv&status=all",
        f"/admin/reader-stories/edit/{pk}/",
        f"/admin/reader-stories/history/{pk}/",
    ]


def contact_views(data):
    pk = data["contact"].pk
    return [
        f"/admin/forms/submissions/{pk}/",
        f"/admin/forms/submissions/{pk}/?export=csv",
        f"/admin/forms/submissions/{pk}/delete/",
    ]


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_subscribers_are_seen_by_moderators_only(editor, reviewer, moderator, readers_data):
    for url in subscriber_views(readers_data):
        for client in (editor, reviewer):
            assert_refused(client, client.get(url), READER_EMAIL)
        shown = moderator.get(url)
        assert shown.status_code == 200, url
        assert READER_EMAIL in body_of(shown), url


def test_reader_stories_are_seen_by_editors_and_moderators_not_reviewers(
    editor, reviewer, moderator, readers_data
):
    for url in story_views(readers_data):
        assert_refused(reviewer, reviewer.get(url), "Gardening again")
        for client in (editor, moderator):
            shown = client.get(url)
            assert shown.status_code == 200, url
            assert "Gardening again" in body_of(shown), url


def test_contact_messages_are_seen_by_moderators_only(editor, reviewer, moderator, readers_data):
    for url in contact_views(readers_data):
        for client in (editor, reviewer):
            assert_refused(client, client.get(url), CONTACT_MESSAGE)
        assert moderator.get(url).status_code == 200, url
    assert CONTACT_MESSAGE in body_of(moderator.get(contact_views(readers_data)[0]))
    for client in (editor, reviewer):
        listing = client.get("/admin/forms/")
        assert readers_data["contact"].title not in listing.content.decode()
        assert "/admin/forms/" not in client.get("/admin/").content.decode()  # not in the menu


def test_the_personal_data_tool_is_for_moderators_only(editor, reviewer, moderator):
    for client in (editor, reviewer):
        assert_refused(client, client.get("/admin/personal-data/"))
        assert_refused(
            client, client.post("/admin/personal-data/", {"email": READER_EMAIL, "export": ""})
        )
    assert moderator.get("/admin/personal-data/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/users/",
        "/admin/users/new/",
        "/admin/groups/",
        "/admin/groups/new/",
        "/admin/sites/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/redirects/",
        "/admin/collections/",
        "/admin/settings/healthsite/sitesettings/",
    ],
)
def test_users_groups_and_settings_are_for_administrators(url, editor, reviewer, moderator):
    for client in (editor, reviewer, moderator):
        assert_refused(client, client.get(url))


def test_the_users_pages_tell_nothing_of_other_users(editor, reviewer, moderator, superuser):
    for client in (editor, reviewer, moderator):
        for url in (
            f"/admin/users/edit/{superuser.pk}/",
            f"/admin/users/history/{superuser.pk}/",
            f"/admin/groups/edit/{Group.objects.get(name=EDITORS).pk}/",
        ):
            assert_refused(client, client.get(url), superuser.email)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/search/synonym/",
        "/admin/searchpicks/",
        "/admin/reports/locked/",
        "/admin/settings/newsletter/newslettersettings/",
        "/admin/snippets/editorial/person/add/",
    ],
)
def test_what_moderators_look_after_is_closed_to_editors_and_reviewers(
    url, editor, reviewer, moderator
):
    for client in (editor, reviewer):
        assert_refused(client, client.get(url))
    assert moderator.get(url, follow=True).status_code == 200


def test_people_are_listed_for_editors_and_reviewers_not_edited(editor, reviewer):
    person = Person.objects.first()
    for client in (editor, reviewer):
        assert client.get("/admin/snippets/editorial/person/").status_code == 200
        for url in (
            f"/admin/snippets/editorial/person/edit/{person.pk}/",
            f"/admin/snippets/editorial/person/delete/{person.pk}/",
            f"/admin/snippets/editorial/person/history/{person.pk}/",
        ):
            assert_refused(client, client.get(url))


def test_reviewers_see_no_newsletter_media_or_search_terms(reviewer):
    for url in (
        "/admin/snippets/newsletter/newsletterissue/",
        "/admin/documents/",
        "/admin/images/",
        "/admin/reports/search-terms/",
    ):
        assert_refused(reviewer, reviewer.get(url))

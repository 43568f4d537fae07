"""New pages that only autosave ever saved: an editor who opens "Add child page", types a
little and leaves is told the page will go, and `remove_abandoned_drafts` deletes it once
untouched for a day. A page its editor saved, a recent one, a published one and one in a
workflow are kept."""

from datetime import timedelta

import pytest

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision

from articles.models import ArticlePage
from editorial.drafts import REMOVED
from tests.conftest import page_at
from tests.healthsite.test_admin_editing import add_url, form_data

pytestmark = pytest.mark.django_db

SECTION = "/back-pain-overview/"
KEPT_NOTICE = "nobody has saved it yet"


def autosave_new(client, title):
    """What Wagtail's autosave posts from the create view a moment after the editor types."""
    response = client.post(
        add_url(ArticlePage, page_at(SECTION)),
        form_data(ArticlePage, title),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["success"] is True
    return Page.objects.get(pk=response.json()["pk"]).specific


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def save_draft(client, page):
    """The editor's own Save draft, from the edit view autosave turned the create view into."""
    response = client.post(edit_url(page), form_data(ArticlePage, page.title))
    assert response.status_code == 302, response.context and response.context["form"].errors


def age(page, hours):
    """As if the page's last change, and everything in its log, were `hours` ago."""
    then = timezone.now() - timedelta(hours=hours)
    Page.objects.filter(pk=page.pk).update(latest_revision_created_at=then)
    Revision.page_revisions.filter(object_id=str(page.pk)).update(created_at=then)
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=then)


def remove():
    out = []
    call_command("remove_abandoned_drafts", stdout=type("Out", (), {"write": out.append})())
    return "".join(out)


def exists(page):
    return Page.objects.filter(pk=page.pk).exists()


def test_the_create_view_says_unsaved_new_pages_are_deleted(editor):
    response = editor.get(add_url(ArticlePage, page_at(SECTION)))
    assert "is deleted once untouched for 24 hours" in response.content.decode()


def test_an_autosaved_page_tells_its_editor_until_they_save_it(editor):
    page = autosave_new(editor, "Half a thought about heat pads")
    assert KEPT_NOTICE in editor.get(edit_url(page)).content.decode()

    save_draft(editor, page)
    assert KEPT_NOTICE not in editor.get(edit_url(page)).content.decode()


def test_autosave_in_the_edit_view_does_not_make_a_saved_page_removable(editor):
    page = autosave_new(editor, "Stretches at the desk")
    save_draft(editor, page)
    response = editor.post(
        edit_url(page),
        form_data(ArticlePage, "Stretches at the desk, more"),
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["success"] is True
    age(page, 25)
    remove()
    assert exists(page)


def test_the_command_deletes_only_old_pages_nobody_saved(editor, superuser):
    abandoned = autosave_new(editor, "Something about pillows")
    saved = autosave_new(editor, "Sleeping positions")
    save_draft(editor, saved)
    recent = autosave_new(editor, "Walking shoes")
    published = autosave_new(editor, "Hot and cold")
    # Published outside the edit view (as scheduled publishing or a bulk action would).
    published.get_latest_revision().publish(user=superuser.user)
    in_workflow = autosave_new(editor, "Core strength")
    in_workflow.get_workflow().start(in_workflow, editor.user)
    for page in (abandoned, saved, published, in_workflow):
        age(page, 25)
    age(recent, 23)

    output = remove()

    assert not exists(abandoned)
    assert all(exists(page) for page in (saved, recent, published, in_workflow))
    assert "“Something about pillows”" in output
    assert "Done: 1 abandoned new pages deleted." in output
    entry = PageLogEntry.objects.get(page_id=abandoned.pk, action=REMOVED)
    assert entry.deleted and entry.user is None
    # Run again (cron's next hour): nothing more to do.
    assert "Done: 0 abandoned new pages deleted." in remove()


@override_settings(ABANDONED_DRAFT_HOURS=48)
def test_the_age_is_a_setting(editor):
    page = autosave_new(editor, "Ice or heat")
    age(page, 25)
    remove()
    assert exists(page)
    age(page, 49)
    remove()
    assert not exists(page)


def test_a_page_someone_moved_is_kept(editor, superuser):
    page = autosave_new(editor, "Back braces")
    page.move(page_at("/back-pain-management/"), pos="last-child", user=superuser.user)
    age(page, 25)
    remove()
    assert exists(page)

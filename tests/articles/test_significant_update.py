"""Only a significant update moves "last updated", and with it What's New and the feeds."""

import feedparser
import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import querydict_from_html

from healthsite.models import ContentPage
from tests.conftest import page_at
from tests.healthsite.test_admin_editing import form_data
from tests.site_pages import WHATS_NEW, WHIPLASH

pytestmark = pytest.mark.django_db
PATH = WHIPLASH.url


def edit(admin_client, page, significant, note="", **changes):
    """Publish `page` through the admin's edit form, as an editor would."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = admin_client.get(url).content.decode()
    data = querydict_from_html(form, form_id="page-edit-form")
    # The stream fields are drawn by the admin's JavaScript: post them as it would.
    data.update(form_data(type(page), page.title))
    data.update({"slug": page.slug, "change_note": note, **changes, "action-publish": "1"})
    if significant:
        data["significant_update"] = "on"
    else:
        data.pop("significant_update", None)
    return admin_client.post(url, data)


def first_in_whats_new(client):
    html = client.get(WHATS_NEW.url).content.decode()
    return html.split('class="whats-new__item"')[1].split("</li>")[0]


def test_a_significant_update_moves_the_page_to_the_top_with_its_note(admin_client, client):
    page = page_at(PATH)
    response = edit(admin_client, page, significant=True, note="Added advice on driving.")
    assert response.status_code == 302
    page = ContentPage.objects.get(pk=page.pk)
    assert timezone.now() - page.last_updated < timezone.timedelta(minutes=1)
    assert page.last_update_note == "Added advice on driving."

    first = first_in_whats_new(client)
    assert f'href="{PATH}"' in first and "Added advice on driving." in first
    entry = feedparser.parse(client.get("/feed/atom/").content).entries[0]
    assert entry.link.endswith(PATH) and "Added advice on driving." in entry.summary


def test_a_typo_fix_moves_nothing(admin_client, client):
    page = page_at(PATH)
    before = page.last_updated
    assert edit(admin_client, page, significant=False, summary="Fixed a typo.").status_code == 302
    page = ContentPage.objects.get(pk=page.pk)
    assert page.last_updated == before and page.summary == "Fixed a typo."
    assert f'href="{PATH}"' not in first_in_whats_new(client)


def test_a_significant_update_needs_a_note(admin_client):
    page = page_at(PATH)
    response = edit(admin_client, page, significant=True, note="")
    assert response.status_code == 200
    assert "Say in one sentence what changed." in response.content.decode()


def test_the_next_edit_starts_without_the_tick(admin_client):
    page = page_at(PATH)
    edit(admin_client, page, significant=True, note="Added advice on driving.")
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(form, form_id="page-edit-form")
    assert "significant_update" not in data and data.get("change_note", "") == ""


def test_publishing_an_older_revision_keeps_last_updated(admin_client):
    page = page_at(PATH)
    old_revision = page.latest_revision
    edit(admin_client, page, significant=True, note="Added advice on driving.")
    moved = ContentPage.objects.get(pk=page.pk).last_updated
    old_revision.publish()
    assert ContentPage.objects.get(pk=page.pk).last_updated == moved


def test_each_significant_update_has_a_second_of_its_own(admin_client, client):
    """Feed readers know an update by its second: one following the last within the same
    second (here, one dated later than this one's publication) moves on to the next second."""
    page = page_at(PATH)
    ahead = timezone.now() + timezone.timedelta(seconds=30)
    ContentPage.objects.filter(pk=page.pk).update(last_updated=ahead, last_update_note="Before.")
    before = feedparser.parse(client.get("/feed/atom/").content).entries[0].id

    assert edit(admin_client, page_at(PATH), significant=True, note="Again.").status_code == 302

    page = ContentPage.objects.get(pk=page.pk)
    assert page.last_updated == ahead.replace(microsecond=0) + timezone.timedelta(seconds=1)
    entry = feedparser.parse(client.get("/feed/atom/").content).entries[0]
    assert entry.link.endswith(PATH) and entry.id != before and "Again." in entry.summary

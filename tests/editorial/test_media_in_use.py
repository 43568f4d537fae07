"""Images and documents that live pages show: an editor may upload and choose new ones, but
replacing the file of one readers see, or deleting it, is for Moderators, who can; a replaced
image's renditions are made again at once, so that no reader's visit makes one."""

import io

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from healthsite.models import ContentPage
from newsletter.models import NewsletterSettings

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

Image = get_image_model()
Document = get_document_model()


def png(colour="red"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), colour).save(buffer, "PNG")
    return SimpleUploadedFile("replacement.png", buffer.getvalue(), content_type="image/png")


def pdf(words="Top 10 tips"):
    content = f"%PDF-1.4\n% {words}\n%%EOF\n".encode()
    return SimpleUploadedFile("tips.pdf", content, content_type="application/pdf")


def content_of(document):
    document.refresh_from_db()
    with document.file.open("rb") as file:
        return file.read()


@pytest.fixture
def hero_in_use():
    """An image of its own (the demo's files are shared by every test) that is the hero of a
    live page, and that page."""
    page = ContentPage.objects.live().filter(hero_image__isnull=False).first().specific
    image = Image.objects.create(title="A hero of its own", file=png("purple"))
    ContentPage.objects.filter(pk=page.pk).update(hero_image=image)
    page.refresh_from_db()
    ReferenceIndex.create_or_update_for_object(page)
    return image, page


@pytest.fixture
def gift():
    """A gift of its own (the demo's file is shared by every test)."""
    settings = NewsletterSettings.objects.exclude(gift=None).get()
    settings.gift = Document.objects.create(title="Top 10 Tips", file=pdf("Top 10 tips"))
    settings.save()
    ReferenceIndex.create_or_update_for_object(settings)
    return settings.gift


def edit_image(client, image, **data):
    url = reverse("wagtailimages:edit", args=[image.pk])
    data = {"title": image.title, "tags": "", "collection": image.collection_id, **data}
    return client.post(url, data)


def test_an_editor_is_told_who_may_replace_an_image_live_pages_show(editor, hero_in_use):
    image, page = hero_in_use
    shown = editor.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()
    assert page.title in shown and "Moderators and administrators can replace" in shown
    assert reverse("wagtailimages:delete", args=[image.pk]) not in shown


def test_an_editor_cannot_replace_the_file_of_an_image_live_pages_show(editor, hero_in_use):
    image, page = hero_in_use
    before = image.file.name
    response = edit_image(editor, image, file=png())
    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert page.title in error and "Moderators" in error
    image.refresh_from_db()
    assert image.file.name == before

    # Nor move its focal point, which decides how pages crop it.
    focal = {"focal_point_x": 10, "focal_point_y": 10, "focal_point_width": 20}
    moved = edit_image(editor, image, **focal, focal_point_height=20)
    assert moved.status_code == 200 and page.title in str(moved.context["form"].errors)
    image.refresh_from_db()
    assert image.focal_point_x != 10

    # The title and tags remain theirs to correct.
    assert edit_image(editor, image, title="A clearer title").status_code == 302
    image.refresh_from_db()
    assert image.title == "A clearer title" and image.file.name == before


def test_an_editor_cannot_delete_an_image_live_pages_show(editor, hero_in_use):
    image, _page = hero_in_use
    editor.post(reverse("wagtailimages:delete", args=[image.pk]))
    editor.post(f"/admin/bulk/wagtailimages/image/delete/?id={image.pk}")
    assert Image.objects.filter(pk=image.pk).exists()


def test_an_editor_replaces_and_deletes_images_no_live_page_shows(editor):
    image = Image.objects.create(title="A new drawing", file=png("blue"))
    assert edit_image(editor, image, file=png("green")).status_code == 302
    assert editor.post(reverse("wagtailimages:delete", args=[image.pk])).status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()


def test_a_moderator_replaces_an_image_and_its_pages_renditions_are_made_at_once(
    moderator, client, django_capture_on_commit_callbacks, hero_in_use
):
    image, page = hero_in_use
    with django_capture_on_commit_callbacks(execute=True):
        assert edit_image(moderator, image, file=png("yellow")).status_code == 302
    image.refresh_from_db()
    assert image.width == 1600
    made = image.renditions.count()
    assert made > 0  # Wagtail deleted the old file's; the page's were made again

    assert client.get(page.url).status_code == 200
    assert image.renditions.count() == made  # the reader's visit wrote none

    focal = {"focal_point_x": 400, "focal_point_y": 300, "focal_point_width": 200}
    with django_capture_on_commit_callbacks(execute=True):
        assert edit_image(moderator, image, **focal, focal_point_height=200).status_code == 302
    made = image.renditions.count()
    assert client.get(page.url).status_code == 200
    assert image.renditions.count() == made


def test_the_newsletter_gift_is_replaced_and_deleted_by_moderators_only(editor, moderator, gift):
    url = reverse("wagtaildocs:edit", args=[gift.pk])
    data = {"title": gift.title, "tags": "", "collection": gift.collection_id}
    refused = editor.post(url, {**data, "file": pdf("An editor's own tips")})
    assert refused.status_code == 200
    error = refused.context["form"].errors["file"][0]
    assert "Newsletter settings" in error and "Moderators" in error
    editor.post(reverse("wagtaildocs:delete", args=[gift.pk]))
    assert b"Top 10 tips" in content_of(gift)

    accepted = moderator.post(url, {**data, "file": pdf("A moderator's new tips")})
    assert accepted.status_code == 302
    assert b"A moderator's new tips" in content_of(gift)

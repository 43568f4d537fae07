"""Images and documents that live pages show: an editor may upload new ones and choose them in
a draft, but replacing the file of one a live page shows, or deleting it, would change what
readers see without a review. That is for Moderators (and superusers) only.

The rule sits in the permission policies Wagtail's views and bulk actions ask (registered in
apps.py), and in the forms' file field, which tells the editor why and who can.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from healthsite.renditions import prepare_renditions

# Page permission that lets a group change media live pages show: the one that publishes.
TRUSTED_WITH = "publish"
WHO_CAN = "Moderators and administrators"
PAGES = Q(base_content_type__app_label="wagtailcore", base_content_type__model="page")


def live_pages_showing(obj):
    """Live pages whose published content shows `obj` (an image or a document), as Wagtail's
    reference index records them."""
    references = ReferenceIndex.get_references_to(obj).filter(PAGES)
    ids = [int(pk) for pk in references.values_list("object_id", flat=True)]
    return Page.objects.live().filter(pk__in=ids)


def pages_showing(obj):
    """What readers see `obj` on: the titles of live pages, then the settings that show it
    (the newsletter gift), sorted."""
    titles = list(live_pages_showing(obj).order_by("title").values_list("title", flat=True))
    others = (
        ReferenceIndex.get_references_to(obj).exclude(PAGES).select_related("base_content_type")
    )
    return titles + sorted({str(ref.base_content_type.name).capitalize() for ref in others})


def trusted(user):
    """Whether `user` may change media that readers see: superusers, and groups that may
    publish pages (Moderators)."""
    if user.is_superuser:
        return True
    codename = f"{TRUSTED_WITH}_page"
    return user.groups.filter(page_permissions__permission__codename=codename).exists()


def refusal(kind, shown):
    names = ", ".join(f"“{title}”" for title in shown[:5])
    more = f" and {len(shown) - 5} more" if len(shown) > 5 else ""
    return (
        f"This {kind} is shown to readers on {names}{more}: changing it here would change "
        f"those live pages without a review. Upload a new {kind} instead and choose it in a "
        f"draft of each page. {WHO_CAN} can replace or delete it."
    )


class InUsePolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for media, except that deleting media a live page shows is for
    trusted users only (every view and bulk action asks this)."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        allowed = super().user_has_any_permission_for_instance(user, actions, instance)
        if allowed and set(actions) <= {"delete"} and not trusted(user):
            return not pages_showing(instance)
        return allowed

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


class ImagePolicy(InUsePolicy):
    def __init__(self, model):
        super().__init__(
            model, auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
        )


class DocumentPolicy(InUsePolicy):
    def __init__(self, model):
        super().__init__(
            model, auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
        )


class InUseFileForm:
    """The edit form of an image or document: a new file for one a live page shows is refused
    for editors, with the pages named and who can do it."""

    kind = "file"
    # What changes the picture or file readers get (titles and tags are the library's own).
    reader_visible = ["file"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.shown = []
        if self.instance.pk and "file" in self.fields and user is not None and not trusted(user):
            self.shown = pages_showing(self.instance)
            if self.shown:
                self.fields["file"].help_text = refusal(self.kind, self.shown)

    def clean(self):
        cleaned_data = super().clean()
        changed = [name for name in self.reader_visible if name in self.changed_data]
        if self.shown and changed:
            # On the file field, where the editor looks; the focal point's fields are hidden.
            self.add_error("file" if "file" in changed else None, refusal(self.kind, self.shown))
        return cleaned_data


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, answering a file that looks like an image but cannot be read (a
    fake GIF, a broken AVIF) with the form's "not a valid image" instead of a 500."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:  # Pillow raises many kinds for broken files
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ImageForm(InUseFileForm, BaseImageForm):
    kind = "image"
    # The focal point decides how pages crop the picture.
    reader_visible = [
        "file",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # The field Wagtail made from the settings of the moment (sizes, formats), with
            # the answer for unreadable files; this form's own copy, so nothing else changes.
            self.fields["file"].__class__ = ReadableImageField

    def save(self, commit=True):
        changed = set(self.changed_data) & set(self.reader_visible)
        replaced = commit and changed and self.instance.pk
        image = super().save(commit=commit)
        if replaced:
            # A new file (whose old renditions Wagtail deleted) or a new focal point: the pages
            # showing it get theirs made at once, so that no reader's visit makes (writes) one.
            transaction.on_commit(lambda: remake_renditions(image))
        return image


class DocumentForm(InUseFileForm, BaseDocumentForm):
    kind = "document"


def remake_renditions(image):
    for page in live_pages_showing(image).specific():
        prepare_renditions(page)

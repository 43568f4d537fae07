from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from healthsite.models import SectionPage

from . import legacy_admin
from .models import WhatsNewPage

FEEDS = ("feed", "feed_atom", "feed_json")


@hooks.register("urls_to_purge")
def feeds_and_whats_new(page):
    """A published change shows in the site's feeds, its section's feeds and What's New."""
    urls = [reverse(f"articles:{name}") for name in FEEDS]
    for section in SectionPage.objects.ancestor_of(page, inclusive=True).live():
        urls += [
            reverse(f"articles:section_{name}", kwargs={"section": section.slug}) for name in FEEDS
        ]
    urls += [whats_new.get_url() for whats_new in WhatsNewPage.objects.live()]
    return urls


@hooks.register("register_admin_urls")
def register_legacy_import_urls():
    return [
        path("import/", legacy_admin.upload, name="legacy_import"),
        path("import/<int:pk>/", legacy_admin.progress, name="legacy_import_progress"),
        path("import/<int:pk>/step/", legacy_admin.step, name="legacy_import_step"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return legacy_admin.may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_legacy_import_menu_item():
    return ImportMenuItem(
        "Import", reverse("legacy_import"), name="import", icon_name="upload", order=250
    )

"""Which change purges what from the page cache (page_cache.py) and the proxy in front.

- Publishing a page whose card is unchanged (only its text changed) purges the page, its
  ancestors, the pages that link to it, and what apps add through the "urls_to_purge" hook
  (feeds, What's New).
- Anything readers see beyond that page is a change of tree or menu, and purges everything:
  a page published for the first time, a changed card (title, slug, summary, image, tags, menu
  flags: they show in menus, listings and related links everywhere), unpublishing, moving or
  deleting a page, and settings or snippets every page shows (apps call purge_everything).

Purges run once the change is committed, so no reader can cache the page as it was before.
"""

from django.db import transaction

from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

from healthsite import compat

from .page_cache import purge_everything, purge_urls

# What a page shows of itself elsewhere: in menus, listings, cards and related links.
CARD_FIELDS = [
    "title",
    "slug",
    "show_in_menus",
    "flag_new",
    "summary",
    "hero_image_id",
    "seo_title",
    "search_description",
]


def card_changed(page):
    """Whether publishing `page` (not yet saved) changes what other pages show of it."""
    fields = [field for field in CARD_FIELDS if hasattr(page, field)]
    before = type(page).objects.filter(pk=page.pk, live=True).values(*fields).first()
    if before is None:  # new to readers
        return True
    if any(before[field] != getattr(page, field) for field in fields):
        return True
    if hasattr(page, "tags"):
        old_tags = set(type(page).objects.get(pk=page.pk).tags.values_list("pk", flat=True))
        return old_tags != {tag.pk for tag in page.tags.all()}
    return False


def urls_to_purge(page):
    """Full URLs of the page, its ancestors, the pages linking to it and what apps add."""
    site = page.get_site()
    if site is None:
        return []
    root = site.root_url
    pages = [
        *page.get_ancestors(inclusive=True).live().filter(depth__gt=1).specific(),
        *linking_pages(page),
    ]
    urls = {
        (page_url + path.lstrip("/"))
        for linked in pages
        if (page_url := linked.get_full_url())
        for path in linked.get_cached_paths()
    }
    for add_urls in hooks.get_hooks("urls_to_purge"):
        urls.update(url if "://" in url else root + url for url in add_urls(page))
    return sorted(urls)


def linking_pages(page):
    """Live pages whose content or related picks link to `page` (Wagtail's reference index)."""
    references = ReferenceIndex.get_references_to(page)
    ids = [
        int(object_id)
        for object_id in references.filter(
            base_content_type__app_label="wagtailcore", base_content_type__model="page"
        ).values_list("object_id", flat=True)
    ]
    return Page.objects.filter(pk__in=ids).live().specific()


def once_committed(purge):
    """Runs `purge` after the commit, once however many pages the transaction changed."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        function is purge for function in compat.pending_on_commit(connection)
    ):
        return
    transaction.on_commit(purge)


def on_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Notes, before a publish saves the page, whether its card changes (see on_published).
    Publishing saves every field; saving a draft names the few it changes."""
    if raw or update_fields is not None or not isinstance(instance, Page):
        return
    if instance.pk and instance.live:
        instance.page_cache_purges_everything = card_changed(instance)


def on_published(sender, instance, **kwargs):
    if getattr(instance, "page_cache_purges_everything", True):
        once_committed(purge_everything)
    else:
        urls = urls_to_purge(instance.specific)
        transaction.on_commit(lambda: purge_urls(urls))


def on_tree_changed(sender, instance=None, **kwargs):
    """Unpublished, moved or deleted: menus, listings and links change across the site."""
    if instance is None or isinstance(instance, Page):
        once_committed(purge_everything)


def on_saved(sender, instance, created=False, raw=False, **kwargs):
    """A page created live at once (by code: an import, say) is a change of tree too."""
    if created and not raw and isinstance(instance, Page) and instance.live:
        once_committed(purge_everything)


def on_shown_everywhere_changed(sender, **kwargs):
    """Settings, people, images: what any page may show."""
    once_committed(purge_everything)

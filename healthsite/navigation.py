"""The site navigation, built from the page tree: what editors publish, order and tick
"show in menus" for is what readers see."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from .models import ContentPage

MENU_LIMIT = 15  # children shown per section; the rest are a "more" link to the hub


def build_menu(site, request):
    """Top-level menu pages of `site`, split into the top bar and the main navigation, each
    entry with its URL on that site (worked out here, once, not on every page shown). Plain
    values, quick to keep and read back; "new" holds for as long as the menu is kept. The
    request keeps Wagtail's site root paths for all the URLs (one cache lookup).

    One query whatever the size of the site: the in-menu pages two levels down.
    """
    root = site.root_page
    pages = (
        ContentPage.objects.live()
        .in_menu()
        .descendant_of(root)
        .filter(depth__lte=root.depth + 2)
        .only(
            "title",
            "path",
            "depth",
            "url_path",
            "content_type_id",
            "flag_new",
            "first_published_at",
        )
        .order_by("path")
    )
    top_bar, main = [], []
    by_path = {}
    for page in pages:
        if page.depth == root.depth + 1:
            entry = {**link(page, site, request), "children": [], "more": False}
            by_path[page.path] = entry
            model = ContentType.objects.get_for_id(page.content_type_id).model_class()
            (top_bar if getattr(model, "in_top_bar", False) else main).append(entry)
        else:
            entry = by_path.get(page.path[: -Page.steplen])
            if entry is None:
                continue
            if len(entry["children"]) < MENU_LIMIT:
                entry["children"].append(link(page, site, request))
            else:
                entry["more"] = True
    return {"top_bar": top_bar, "main": main}


def link(page, site, request):
    return {
        "pk": page.pk,
        "path": page.path,
        "title": page.title,
        "url": page.relative_url(site, request),
        "new": page.is_new,
    }

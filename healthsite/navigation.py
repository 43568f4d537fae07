"""The site navigation, built from the page tree: what editors publish, order and tick
"show in menus" for is what readers see."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from .models import ContentPage, is_new

MENU_LIMIT = 15  # children shown per section; the rest are a "more" link to the hub


def build_menu(site, request):
    """Top-level menu pages of `site`, split into the top bar and the main navigation, each
    entry with its URL on that site (worked out here, once, not on every page shown). Plain
    values, quick to keep and read back; "new" holds for as long as the menu is kept.

    One query whatever the size of the site: the in-menu pages two levels down, read as rows
    (dozens of page objects cost more than the rest of the menu). They all sit below the
    site's root page, so each one's URL is the root's (Wagtail's, for the request) followed
    by the rest of its url_path, as Page.get_url_parts makes it.
    """
    root = site.root_page
    root_url = root.relative_url(site, request)
    rows = (
        ContentPage.objects.live()
        .public()
        .in_menu()
        .descendant_of(root)
        .filter(depth__lte=root.depth + 2)
        .order_by("path")
        .values(
            "pk",
            "title",
            "path",
            "depth",
            "url_path",
            "content_type_id",
            "flag_new",
            "first_published_at",
        )
    )
    top_bar, main = [], []
    by_path = {}
    for row in rows:
        item = link(row, root_url + row["url_path"][len(root.url_path) :])
        if row["depth"] == root.depth + 1:
            entry = {**item, "children": [], "more": False}
            by_path[row["path"]] = entry
            model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
            (top_bar if getattr(model, "in_top_bar", False) else main).append(entry)
        else:
            entry = by_path.get(row["path"][: -Page.steplen])
            if entry is None:
                continue
            if len(entry["children"]) < MENU_LIMIT:
                entry["children"].append(item)
            else:
                entry["more"] = True
    return {"top_bar": top_bar, "main": main}


def link(row, url):
    return {
        "pk": row["pk"],
        "path": row["path"],
        "title": row["title"],
        "url": url,
        "new": is_new(row["flag_new"], row["first_published_at"]),
    }

from django import template

from wagtail.models import Site

from healthsite.kept import remember
from healthsite.navigation import build_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The menu for this request's site, with the current page and its section marked."""
    request = context.get("request")
    site = request and Site.find_for_request(request)
    if site is None:
        return {"top_bar": [], "main": [], "root": None}
    # Built once, then kept until the tree changes (a new generation of the page cache).
    menu = remember(f"site-menu:{site.pk}", lambda: build_menu(site, request), request)
    current = context.get("page")
    path, current_id = getattr(current, "path", ""), getattr(current, "pk", None)
    # Marked here rather than compared by the template for each of the menu's links.
    for entry in [*menu["top_bar"], *menu["main"]]:
        entry["active"] = bool(path) and path.startswith(entry["path"])
        for link in [entry, *entry["children"]]:
            link["current"] = link["pk"] == current_id
    return {**menu, "root": site.root_page, "current_id": current_id}

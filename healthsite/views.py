"""Public views beside the page tree: the site map."""

from django.template.response import TemplateResponse

from wagtail.models import Site

from .models import ContentPage

SITE_MAP_DESCRIPTION = "Every page of the site, section by section."


def site_map(request):
    """Every live public page, nested by section, for readers."""
    site = Site.find_for_request(request)
    pages = (
        ContentPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .order_by("path")
        .only("title", "url_path", "path", "depth")
    )
    tree = {"children": []}
    by_path = {}
    for page in pages:
        entry = {"page": page, "children": []}
        by_path[page.path] = entry
        parent = by_path.get(page.path[: -page.steplen], tree)
        parent["children"].append(entry)
    return TemplateResponse(
        request,
        "healthsite/site_map.html",
        {
            "entries": tree["children"],
            "canonical_path": request.path,
            "meta_title": "Site map",
            "meta_description": SITE_MAP_DESCRIPTION,
        },
    )

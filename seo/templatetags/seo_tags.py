"""What search engines and social networks read in a page's <head>."""

from django import template
from django.template.loader import render_to_string

from wagtail.models import Page, Site

from seo import page_nodes, structured_data

register = template.Library()


def canonical_root(request):
    """The site's own address (from its Wagtail Site, never from the request's Host)."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Canonical link, Open Graph and Twitter card tags, and JSON-LD for the page shown."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or request is None:
        path = context.get("canonical_path")
        if not path:
            return ""
        return render_to_string(
            "components/page_meta.html", {"url": canonical_root(request) + path}
        )
    page = page.specific
    if page.get_url(request) is None:  # served by no site: a preview of a new home page
        return ""
    image = page_nodes.social_image(page)
    return render_to_string(
        "components/page_meta.html",
        {
            "url": page.get_full_url(request),
            "title": page.seo_title or page.title,
            "description": page.search_description or getattr(page, "summary", ""),
            "site_name": getattr(page, "site", None) and page.site.site_name,
            "type": "article" if getattr(page, "is_health_page", False) else "website",
            "image": image,
            "image_alt": getattr(page, "hero_alt", ""),
            "json_ld": structured_data.script(page_nodes.for_page(page, request))
            if hasattr(page, "get_breadcrumbs")  # a page of the site's own types
            else "",
        },
    )

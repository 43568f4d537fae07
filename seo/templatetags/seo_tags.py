"""What search engines and social networks read in a page's <head>."""

from django import template
from django.template.loader import render_to_string

from wagtail.models import Page, Site

from seo import page_nodes, structured_data

register = template.Library()


def canonical_root(request):
    """The site's own address (from its Wagtail Site, never from the request's Host)."""
    site = site_for(request)
    return site.root_url if site else ""


def site_for(request):
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


def share_image(site, page=None):
    """(URL, width, height, alt) of the picture a page is shared with: its own hero image, or
    the site's picture for pages without one."""
    own = page is not None and page_nodes.social_image(page)
    if own:
        url, rendition = own
        return url, rendition.width, rendition.height, getattr(page, "hero_alt", "")
    url, width, height = structured_data.static_image(site.root_url, structured_data.SHARE_IMAGE)
    return url, width, height, site.site_name


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Canonical link, Open Graph and Twitter card tags, and JSON-LD for the page shown: a page
    of the tree, or a view that names its `canonical_path` (and its `meta_title`,
    `meta_description` and `structured_data` nodes, for those worth sharing)."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or request is None:
        return view_meta(context, request)
    page = page.specific
    if page.get_url(request) is None:  # served by no site: a preview of a new home page
        return ""
    site = getattr(page, "site", None) or site_for(request)
    is_article = getattr(page, "is_health_page", False)
    return render_to_string(
        "components/page_meta.html",
        {
            "url": page.get_full_url(request),
            "title": page.seo_title or page.title,
            "description": page.search_description or getattr(page, "summary", ""),
            "site_name": site.site_name,
            "type": "article" if is_article else "website",
            "published": is_article and page.first_published_at,
            "modified": is_article and getattr(page, "last_updated", None),
            "image": share_image(site, page),
            "json_ld": structured_data.script(page_nodes.for_page(page, request))
            if hasattr(page, "get_breadcrumbs")  # a page of the site's own types
            else "",
        },
    )


def view_meta(context, request):
    path = context.get("canonical_path")
    if not path:
        return ""
    site = site_for(request)
    root = site.root_url if site else ""
    title = context.get("meta_title")
    nodes = context.get("structured_data")
    return render_to_string(
        "components/page_meta.html",
        {
            "url": root + path,
            "title": title,
            "description": context.get("meta_description", ""),
            "site_name": site and site.site_name,
            "type": context.get("meta_type", "website"),
            "image": title and site and share_image(site),
            "json_ld": structured_data.script(nodes) if nodes else "",
        },
    )

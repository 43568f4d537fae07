"""robots.txt: what crawlers may read, and where the sitemap is."""

from django.http import HttpResponse

from .templatetags.seo_tags import canonical_root


def robots(request):
    """Crawl everything readers read; not the admin or search results."""
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {canonical_root(request)}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

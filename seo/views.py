"""robots.txt: what crawlers may read, and where the sitemap is."""

from django.http import HttpResponse

from .templatetags.seo_tags import canonical_root


def robots(request):
    """Crawl everything readers read; not the admin or search results. The Disallow lines come
    first: Google takes the longest matching rule, but other parsers (Python's robotparser)
    take the first, and would let `Allow: /` open the admin."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Allow: /",
        f"Sitemap: {canonical_root(request)}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

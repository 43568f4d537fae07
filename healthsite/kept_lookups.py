"""What every page asks the database and almost never changes, kept in the page cache for
anonymous readers until the site's generation changes (page_cache.remember): the request's
Site, its settings, and whether any page is private. A page put together afresh then spends its
queries on itself.

Saving a Site, a setting or a view restriction purges everything (caching/invalidation.py), so a
kept answer never outlives what it describes. Editors always get Wagtail's own lookups.
"""

from wagtail.models import PageViewRestriction, Site

from caching import page_cache


class SiteMiddleware:
    """Finds the request's Site (Wagtail asks the database on every request) from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # After CommonMiddleware: the host is one of ALLOWED_HOSTS.
        if page_cache.enabled() and page_cache.anonymous(request):
            host, port = request.get_host(), request.get_port()
            key = f"site:{host}:{port}"
            site = page_cache.remember(key, lambda: find_site(request), request)
            if site is not None:
                request._wagtail_site = site
        return self.get_response(request)


def find_site(request):
    """Wagtail's answer, with the root page as its own type: routing starts there. That copy
    only routes (HomePage.route serves the home page itself fresh)."""
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
        site.root_page.routing_copy = True
    return site


def site_setting(model, request, site):
    """`model.for_site(site)` (a BaseSiteSetting), kept."""
    key = f"setting:{model._meta.label}:{site.pk}"
    return page_cache.remember(key, lambda: model.for_site(site), request)


def any_page_private():
    """Whether any page has a view restriction (most sites have none)."""
    return page_cache.remember("any-page-private", PageViewRestriction.objects.exists)

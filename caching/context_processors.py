"""What Wagtail's cache tags in the templates key kept parts on ({% wagtailpagecache %} for a
part of one page, {% wagtailcache %} for a part every page shows), as `page_cache` in every
template's context:

    {% wagtailpagecache page_cache.page_seconds "article" page_cache.page using=page_cache.alias %}

- `alias`: the cache the parts go to: Django's default for anonymous readers' GETs of a page
  at its canonical address, and a DummyCache for everything else (editors, forms sent back,
  searches, pages not found), which so neither reads nor writes a part;
- `page`: the site's generation and the path's version (what purges change), the day ("New"
  badges age), the host, the path and the listing's page number ({% wagtailpagecache %} adds
  the page's own `cache_key`: base.html, which some views show without a page, uses
  {% wagtailcache %});
- `site`: the site's generation, the host and the day.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.functional import cached_property

from .page_cache import FRAGMENT_SECONDS, keeps_parts, versions

UNCACHED = "uncached"  # settings.CACHES: a DummyCache


class Scope:
    def __init__(self, request):
        self.request = request

    @cached_property
    def kept(self):
        return keeps_parts(self.request)

    @property
    def alias(self):
        return "default" if self.kept else UNCACHED

    @property
    def page_seconds(self):
        return FRAGMENT_SECONDS

    @property
    def site_seconds(self):
        return settings.PAGE_CACHE_SECONDS

    @cached_property
    def page(self):
        generation, version = versions(self.request) if self.kept else ("", "")
        listing = self.request.GET.get("page", "")
        host, path = self.request.get_host(), self.request.path
        return f"{generation}:{version}:{timezone.localdate()}:{host}:{path}:{listing}"

    @cached_property
    def site(self):
        generation = versions(self.request)[0] if self.kept else ""
        return f"{generation}:{timezone.localdate()}:{self.request.get_host()}"


def page_cache(request):
    return {"page_cache": Scope(request)}

"""`make bench`'s cold requests (header `X-Bench-Cold`): the page's kept copy has just run out,
as it does after PAGE_CACHE_SECONDS, so the page is put together again around the parts the
cache keeps longer. Installed by bench/settings.py only: only canonical addresses are kept, so
a query string of its own no longer makes a request cold."""

from django.core.cache import cache

from caching.page_cache import PageCacheMiddleware


class ExpiredEntryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_X_BENCH_COLD" in request.META:
            cache.delete(PageCacheMiddleware.key(request))
        return self.get_response(request)

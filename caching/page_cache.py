"""Readers' pages and feeds served from the shared cache, and purged when content changes.

Anonymous GETs of public pages are kept whole (status, headers, body) in Django's cache for
PAGE_CACHE_SECONDS, as the middleware below PageCacheMiddleware (first in the list) made them:
a page from the cache skips it all. Two versions in the cache make purging cheap and exact:

- the site's generation: a new one purges everything (the tree, a menu or settings changed);
- each path's version: a new one purges that path, with its ?page=N listings, on every host.

A page's costly parts (its article and related links) are also kept, by Wagtail's cache tags
in the templates, under the same two versions and for longer (context_processors.py): when
the page's entry expires, the page is put together again around them. Anything that purges
the page changes their key.

Wagtail's frontend cache (wagtail.contrib.frontend_cache) carries the same purges to a caching
proxy in front (Varnish); see invalidation.py for which change purges what.
"""

import logging
import re
import time
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control, set_response_etag

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache

from .codings import accepted_coding

logger = logging.getLogger(__name__)

GENERATION = "page-cache:generation"
# A browser's "has it changed?": answered by the page cache, not by the views below it.
REVALIDATING = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
# A listing's later pages are cached, once each: the listing said its address was canonical
# (healthsite/pagination.py; `?page=02` was redirected, a number past the end not found). Any
# other query string (search, tracking) is not.
CACHEABLE_QUERY = re.compile(r"(page=[1-9][0-9]{0,5})?")
# How long a reader's browser keeps a page before asking again (the shared cache is purged,
# browsers cannot be).
BROWSER_SECONDS = 60
# Fragments are found by key (purges change it), so their lifetime only bounds memory; the
# day's date in their key ages what changes with time ("New" badges).
FRAGMENT_SECONDS = 24 * 60 * 60


def path_key(path):
    return f"page-cache:path:{path}"


def new_version():
    return str(time.time_ns())


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def generation():
    return cache.get(GENERATION) or "0"


def versions(request):
    """(the site's generation, the request path's version), read once per request."""
    found = getattr(request, "page_cache_versions", None)
    if found is None:
        keys = [GENERATION, path_key(request.path)]
        values = cache.get_many(keys)  # the cache down: both "0", and every lookup a miss
        found = tuple(values.get(key, "0") for key in keys)
        request.page_cache_versions = found
    return found


def anonymous(request):
    """A reader without session or credentials: one whom the cache may answer."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def keeps_parts(request):
    """Whether parts of the answer to `request` come from (and go to) the cache: for
    anonymous readers' GETs of a page at its canonical address (so never a form sent back
    with its errors, an editor's view, a search, or a page not found). Wagtail's cache tags
    leave previews alone themselves."""
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and anonymous(request)
        and getattr(request, "canonical_address", False)
        and CACHEABLE_QUERY.fullmatch(request.META.get("QUERY_STRING", "")) is not None
    )


def remember(name, build, request=None):
    """`build()`, kept in the cache until the site's generation changes (the menu, say); with
    the request, under the generation it read already."""
    if not enabled():
        return build()
    generation_now = versions(request)[0] if request is not None else generation()
    return cache.get_or_set(
        f"page-cache:{generation_now}:{name}", build, settings.PAGE_CACHE_SECONDS
    )


def purge_everything():
    """A change of tree, menu or settings: every page and feed is rendered afresh."""
    cache.set(GENERATION, new_version(), None)
    for backend in get_backends().values():
        if isinstance(backend, VarnishBackend):
            backend.ban_everything()


def purge_urls(urls):
    """Purges these pages and feeds (full URLs or paths) here and in the proxy in front."""
    paths = {urlsplit(url).path for url in urls}
    # Longer than any entry or fragment made under the old version can live.
    lifetime = 2 * max(settings.PAGE_CACHE_SECONDS, FRAGMENT_SECONDS)
    cache.set_many({path_key(path): new_version() for path in paths}, lifetime)
    purge_urls_from_cache([url for url in urls if "://" in url])


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purger, which can also ban everything (deploy/varnish/default.vcl)."""

    def ban_everything(self):
        # The proxy's address comes from settings, as for Wagtail's own purges.
        request = Request(f"{self.cache_scheme}://{self.cache_netloc}/", method="BAN")  # noqa: S310
        try:
            urlopen(request, timeout=5)  # noqa: S310
        except OSError as error:
            logger.error("Could not ban everything from the proxy's cache: %s", error)


class PageCacheMiddleware:
    """Serves anonymous readers from the shared cache; editors always get a fresh page."""

    def __init__(self, get_response):
        self.get_response = get_response
        # First in the stack, the page cache answers "has it changed?" for what it serves,
        # exactly as Django's ConditionalGetMiddleware (below it, for the rest) would.
        self.conditional = ConditionalGetMiddleware(get_response)

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        # The versions and the entry in one round trip; the entry holds the versions it was
        # made under, and serves only while they are current.
        key, path_version = self.key(request), path_key(request.path)
        values = cache.get_many([GENERATION, path_version, key])
        current = (values.get(GENERATION, "0"), values.get(path_version, "0"))
        request.page_cache_versions = current
        kept = values.get(key)
        if kept is not None and kept[0] == current:
            return self.conditional.process_response(request, kept[1])
        # Made whole even when the browser asks whether it changed, so that it is kept; whether
        # it changed is answered below, from what was made.
        asked = {name: request.META.pop(name) for name in REVALIDATING if name in request.META}
        response = self.get_response(request)
        request.META.update(asked)
        if self.cacheable_response(response):
            if "Cache-Control" in response:  # the view's own lifetime for browsers (feeds)
                patch_cache_control(response, s_maxage=settings.PAGE_CACHE_SECONDS)
            else:
                patch_cache_control(
                    response,
                    public=True,
                    max_age=BROWSER_SECONDS,
                    s_maxage=settings.PAGE_CACHE_SECONDS,
                )
            if not response.has_header("ETag"):
                # Compressed answers have theirs, taken before compression (compression.py).
                set_response_etag(response)
            # Not a HEAD, whose response may have lost its body.
            if request.method == "GET" and self.canonical(request):
                cache.set(key, (current, self.kept(response)), settings.PAGE_CACHE_SECONDS)
        return self.conditional.process_response(request, response)

    @staticmethod
    def cacheable_request(request):
        return (
            # The path first: static files pass here on every request.
            not request.path.startswith(settings.PAGE_CACHE_EXCLUDE)
            and enabled()
            and request.method in ("GET", "HEAD")
            and anonymous(request)
            and CACHEABLE_QUERY.fullmatch(request.META.get("QUERY_STRING", "")) is not None
        )

    @staticmethod
    def canonical(request):
        """Whether the request's address is the one its answer is kept under: no query string,
        or the page number of a listing that read it (anything else is made each time)."""
        return not request.META.get("QUERY_STRING") or getattr(request, "canonical_address", False)

    @staticmethod
    def key(request):
        # The scheme: a page kept for HTTPS (with its HSTS header) never answers plain HTTP,
        # which the security middleware redirects. The coding: one copy each, compressed as it
        # is sent (caching/compression.py), so a page from the cache costs no compression.
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"page-cache:response:{accepted_coding(request)}:{address}"

    @staticmethod
    def cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            # Vary: Cookie (the page looked the user up) is no bar: only readers without a
            # session are answered from the cache, and their other cookies change nothing
            # (deploy/varnish/default.vcl ignores them too).
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )

    @staticmethod
    def kept(response):
        """A plain copy of `response` to keep, taken back whole on each hit."""
        copy = HttpResponse(response.content, status=response.status_code)
        copy.headers = response.headers
        return copy

"""Readers' pages, feeds, JSON and XML compressed on the wire: brotli where the reader asks for
it, gzip otherwise, by django-http-compression's middleware (in MIDDLEWARE just below the page
cache, which so keeps compressed copies, one per coding: codings.py).

Only anonymous readers' answers are compressed, and not those setting a cookie (made for one
reader), nor the admin's, nor pages carrying a reader's token (COMPRESSION_EXCLUDE): a
compressed answer holding a secret beside text the requester chose leaks the secret through
its length (BREACH). Readers' pages hold none: their forms carry no CSRF token
(privacy/public_forms.py), and the one that does (Wagtail's password form for a private page)
holds Django's, which Django masks afresh in every answer for this very reason.
"""

import re

from django_http_compression.middleware import HttpCompressionMiddleware

from django.conf import settings
from django.utils.cache import patch_vary_headers, set_response_etag

from .codings import accepted_coding
from .page_cache import anonymous


def compressible(request):
    """Whether answers to `request` may be compressed: an anonymous reader's, outside the
    paths that carry secrets or files served as they are (COMPRESSION_EXCLUDE)."""
    return anonymous(request) and not request.path.startswith(settings.COMPRESSION_EXCLUDE)


class CompressionMiddleware(HttpCompressionMiddleware):
    """django-http-compression's middleware, for readers' answers only, choosing among the
    codings of codings.py (it would take zstd too: a fourth copy of everything to keep). It
    reads `request.headers`, which nothing above it has read before the rewrite."""

    # Its types, and any with a JSON or XML suffix (RFC 6839): JSON Feed's application/feed+json.
    content_type_re = re.compile(
        HttpCompressionMiddleware.content_type_re.pattern + r"| ^application/[\w.-]+\+(?:json|xml)",
        re.VERBOSE | re.IGNORECASE,
    )

    def __call__(self, request):
        accepted_coding(request)
        return super().__call__(request)

    def maybe_compress(self, request, response):
        if not compressible(request) or response.cookies:
            return
        content_type = response.headers.get("Content-Type", "").split(";", 1)[0]
        if not self.content_type_re.match(content_type):
            return
        # Said of the answer in every coding, identity too: a cache keeping the plain answer
        # must not give it to readers asking for a compressed one, nor the reverse.
        patch_vary_headers(response, ("Accept-Encoding",))
        if request.method in ("GET", "HEAD") and needs_etag(response):
            # From the body as written, before compression (whose gzip output differs each
            # time): a HEAD gets GET's validator, and one made again after a purge matches the
            # copy a browser kept. Compressing weakens it (RFC 9110, 8.8.1).
            set_response_etag(response)
        super().maybe_compress(request, response)


def needs_etag(response):
    """As Django's ConditionalGetMiddleware (which leaves HEAD requests alone) would see it."""
    return (
        not response.streaming
        and not response.has_header("ETag")
        and "no-store" not in response.get("Cache-Control", "")
    )

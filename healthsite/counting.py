"""Where the site counts: rate limits, refused posts, failed sign-ins, search statistics. The
`counters` cache, never the one pages are kept in, which evicts entries to make room for new
pages: a count evicted would let a flood through, or lose searches not yet flushed (README,
"Redis")."""

from django.core.cache import caches
from django.utils.connection import ConnectionProxy

# As django.core.cache.cache is for "default": follows the settings when tests change them.
counters = ConnectionProxy(caches, "counters")

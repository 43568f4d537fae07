"""Whether any page is private, kept in the page cache until the site's generation changes
(page_cache.remember): search filters private pages only when there are some. Saving a view
restriction purges everything (cache_invalidation.py), so the kept answer never outlives it.
"""

from wagtail.models import PageViewRestriction

from . import page_cache


def any_page_private():
    """Whether any page has a view restriction (most sites have none)."""
    return page_cache.remember("any-page-private", PageViewRestriction.objects.exists)

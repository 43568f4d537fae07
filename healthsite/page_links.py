"""Links to pages in rich text, looked up once for a whole page.

Wagtail looks up the pages linked from each piece of rich text as it renders it: two queries
or more for every paragraph or list item with a link, and a page's content has dozens of them.
A page being served collects the ids linked anywhere in its content and fetches those pages
in one query (`linked_pages`) when the first link is drawn (not at all when its content comes
from the page cache); the link handler (page_link_handler.py) reads them from there, and
fetches only what else it meets (the disclaimer of Site settings, say). Given the request,
links take their URLs from Wagtail's site root paths kept on it (without, Wagtail looks them
up for each page linked).
"""

import json
import re
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.functional import cached_property

from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import extract_attrs

from .models.queries import LINK_FIELDS
from .parsing import whole_number

# A link to a page as stored (attributes in any order).
STORED = re.compile(r"<a\b([^>]*\blinktype=\"page\"[^>]*)>")
found_pages = ContextVar("found_pages", default=None)


def page_link_ids(data):
    """The ids of the pages linked anywhere in `data`: stored rich text, a StreamField value,
    or lists and dicts of them. Nested values are read as one JSON text (walking a page's
    blocks in Python cost more than fetching the pages)."""
    if isinstance(data, StreamValue):
        data = list(data.raw_data)
    elif isinstance(data, RichText):
        data = data.source
    if not isinstance(data, str):
        # Inside JSON strings, the attributes' quotes are escaped.
        data = json.dumps(data, ensure_ascii=False, default=source_of).replace('\\"', '"')
    return {extract_attrs(attrs).get("id", "") for attrs in STORED.findall(data)}


def source_of(value):
    """Stored rich text of a value JSON cannot write (rich text built in Python), or nothing."""
    return getattr(value, "source", "")


def fetch(ids):
    """{id: page, or None when there is no such page} in one query, with only what a link
    reads. A page whose type makes its own URL (overrides `get_url_parts`) is read again as its
    own type."""
    ids = {str(pk) for pk in ids}
    pages = dict.fromkeys(ids)
    numbers = [number for pk in ids if (number := whole_number(pk)) is not None]
    if numbers:
        for page in Page.objects.filter(pk__in=numbers).only(*LINK_FIELDS, "content_type"):
            pages[str(page.pk)] = linkable(page)
    return pages


def linkable(page):
    """`page`, read as a plain or base page with only what a link reads, or again as its own
    type when that type makes its own URLs (overrides `get_url_parts`)."""
    model = page.specific_class
    if model is not None and model.get_url_parts is not Page.get_url_parts:
        return page.specific
    return page


class LinkedPages:
    """The pages linked from some values, fetched when first asked for; their URLs as seen
    from `request`."""

    def __init__(self, values, request=None):
        self.values = values
        self.request = request

    @cached_property
    def pages(self):
        ids = set().union(*(page_link_ids(value) for value in self.values))
        return fetch(ids) if ids else {}


@contextmanager
def linked_pages(*values, request=None):
    """Within it, rich text finds the pages linked from `values` (StreamField values, rich
    text) with one query at most, and fetches any other linked page once; links are made for
    `request`."""
    token = found_pages.set(LinkedPages(values, request))
    try:
        yield
    finally:
        found_pages.reset(token)

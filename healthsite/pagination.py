"""Listings in pages of a few items, at one address per page.

Only canonical addresses are ever kept by the page cache (caching/, docs/architecture.md): a
listing's first page has no query string, its later ones `?page=N` (N written plainly); any
other query string a page does not read is redirected to its canonical address, and a page
number past the end is not found. So `?page=01`, `?page=0001` or `?utm_source=…` never make a
kept copy of their own, and the number of copies per address is the number of real pages.
"""

import re

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, QueryDict
from django.utils.functional import SimpleLazyObject

LISTING_PAGE_SIZE = 12
# A page number as the site writes it; the first page has none.
CANONICAL_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def canonical_query(request, reads):
    """The canonical form of the request's query string ("" or "?…"): only the parameters
    named in `reads`, each with its last value as `reads[name](value)` cleans it (None drops
    it); None when the request has it already."""
    canonical = QueryDict(mutable=True)
    for name, clean in reads.items():
        value = request.GET.get(name)
        if value is not None and clean is not None:
            value = clean(value)
        if value not in (None, ""):
            canonical[name] = value
    query = canonical.urlencode()
    if query == request.META.get("QUERY_STRING", ""):
        request.canonical_address = True  # the page cache may keep this answer
        return None
    return f"?{query}" if query else ""


def canonical_number(value):
    """ "2" for "2", "02" or "0002"; None for the first page and for what is no number (the
    first page is the listing's own address)."""
    value = value.lstrip("0")
    if not CANONICAL_NUMBER.fullmatch(value) or value == "1":
        return None
    return value


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE, count=None):
    """One page of a listing, as the request's `?page=N` asks: a page past the end is not
    found. `count`: the number of items when the caller knows it already (no query to count
    them again)."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404("This listing has no such page.") from error


def paginate_when_shown(request, queryset, per_page=LISTING_PAGE_SIZE):
    """`paginate`, fetched only when the listing is shown (not when it comes from a kept part
    of the page); a later page at once, so that one past the end is not found before any
    part of the page is made."""
    if "page" in request.GET:
        return paginate(request, queryset, per_page)
    return SimpleLazyObject(lambda: paginate(request, queryset, per_page))

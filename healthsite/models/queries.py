"""What readers may see of the page tree, and what listings read of it: one rule for every
listing, menu, feed, search, related link, sitemap and A–Z."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith

from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.query import PageQuerySet


class ContentPageQuerySet(PageQuerySet):
    """Wagtail's page queries, with the one rule of what readers may see: `.live().public()`,
    used by listings, menus, feeds, search, related links, sitemaps, the site map and A–Z."""

    def private_q(self):
        """Pages a view restriction (login or password) covers, on them or on an ancestor.
        Inside the query, where Wagtail's own reads every restriction first, a query on each
        call; `public()` and `not_public()` are Wagtail's, on this."""
        covering = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
        return Q(Exists(covering))

    def for_listing(self):
        """With only the fields a listing shows (LISTING_FIELDS)."""
        return self.only(*LISTING_FIELDS)

    def for_link(self, *fields):
        """With only what a link to the page reads (LINK_FIELDS), and `fields`."""
        return self.only(*LINK_FIELDS, *fields)

    def newest(self):
        """Live, public health content (the types What's New and the feeds list), most recently
        updated first."""
        types = ContentType.objects.get_for_models(*newsworthy_types()).values()
        return self.live().public().filter(content_type__in=types).order_by("-last_updated", "-pk")


def newsworthy_types():
    """The page types listed in What's New and the feeds."""
    return [model for model in get_page_models() if getattr(model, "newsworthy", False)]


# What listings, cards and related links show of a page (its address, title, summary, dates
# and type): reading only these keeps a listing's query and its page objects small.
LISTING_FIELDS = (
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "live",
    "locale",
    "content_type",
    "summary",
    "flag_new",
    "first_published_at",
    "last_published_at",
    "last_updated",
    "last_update_note",
)

# What a link to a page reads: its title, and its address as Wagtail makes it.
LINK_FIELDS = ("title", "url_path", "live", "locale")


def sections_of(pages):
    """{page id: the top-level page it sits under, or None} in one query."""
    top = Page.steplen * 3
    sections = Page.objects.filter(path__in={p.path[:top] for p in pages if p.depth > 3})
    by_path = {section.path: section for section in sections.only("title", "path", "url_path")}
    return {page.pk: by_path.get(page.path[:top]) if page.depth > 3 else None for page in pages}

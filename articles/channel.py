"""What a feed holds, whatever its format: its items and their text, read from the live rows.

A page gives a feed up to two items: its first publication, and its latest significant update
(when it had one), each with an id of its own, so that a feed reader shows the update as new
while the first item stays as it was. A typo fix or a routine review adds no item and moves no
item's date; the items' text is the page's as published now.
"""

import re
from datetime import UTC, datetime

from django.db.models import Prefetch, Subquery
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import escape

from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Site

from healthsite import renditions
from healthsite.models import ContentPage, SectionPage, sections_of
from healthsite.parsing import whole_number

DEFAULT_ITEMS = 20
MAX_ITEMS = 50
# XML 1.0 forbids these; word processors paste them into titles now and then.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
RELATIVE_URL = re.compile(r'(href|src)="/(?!/)')
SRCSET = re.compile(r'srcset="([^"]*)"')
# The date of a feed with nothing ever published in it.
NEVER = datetime(2000, 1, 1, tzinfo=UTC)
# What takes a page out of every feed without publishing anything: the feeds changed then too.
REMOVALS = [
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
]


def clean(text):
    return CONTROL_CHARACTERS.sub("", text or "")


def absolute_html(html, root_url):
    """`html` with every link and image (srcset included) pointing at `root_url`."""
    html = RELATIVE_URL.sub(rf'\1="{root_url}/', html)
    return SRCSET.sub(
        lambda match: 'srcset="' + re.sub(r"(^|,\s*)/(?!/)", rf"\1{root_url}/", match[1]) + '"',
        html,
    )


class Item:
    """One entry of a feed: a page's first publication, or its latest significant update."""

    def __init__(self, page, update=False):
        self.page = page
        self.update = update
        # A page made live by code may lack a first publication; it always has a last update.
        first = page.first_published_at or page.last_updated
        self.date = page.last_updated if update else first


class Channel:
    """What a feed is about: the whole site, or one section of it."""

    def __init__(self, request, section_slug=None):
        self.request = request
        self.site = Site.find_for_request(request)
        if self.site is None:
            raise Http404("No site here.")
        self.root_url = self.site.root_url
        self.section = None
        if section_slug is not None:
            self.section = (
                SectionPage.objects.live()
                .public()
                .child_of(self.site.root_page)
                .filter(slug=section_slug)
                .first()
            )
            if self.section is None:
                raise Http404("No such section.")
        limit = whole_number(request.GET.get("limit", ""))
        self.limit = DEFAULT_ITEMS if limit is None else max(1, min(limit, MAX_ITEMS))

    @property
    def title(self):
        name = self.site.site_name or "Manage Back Pain"
        return f"{self.section.title} | {name}" if self.section else name

    @property
    def link(self):
        return self.page_url(self.section) if self.section else self.root_url + "/"

    @property
    def description(self):
        return clean(self.home.summary)

    @cached_property
    def home(self):
        """The page the feed is the news of: its section, or the site's home page."""
        return self.section or self.site.root_page.specific

    def url(self, kind):
        name = {"rss": "feed", "atom": "feed_atom", "json": "feed_json"}[kind]
        if self.section:
            return self.root_url + reverse(f"articles:section_{name}", args=[self.section.slug])
        return self.root_url + reverse(f"articles:{name}")

    @cached_property
    def pages(self):
        """The newest pages, with everything their items show, in a fixed number of queries.
        An item is never newer than its page's last update: these hold the newest items."""
        # The content comes ready from content_html: the stream fields are never read.
        pages = (
            ContentPage.objects.newest()
            .defer_streamfields()
            .defer("search_text")
            .select_related("author", "hero_image")
        )
        if self.section:
            pages = pages.descendant_of(self.section)
        spec = renditions.SPECS["enclosure"]
        rendition_model = get_image_model().get_rendition_model()
        # The latest removal comes with the pages rather than in a query of its own (the
        # database reads it once, whatever the number of rows).
        removals = PageLogEntry.objects.filter(action__in=REMOVALS).order_by("-timestamp")
        pages = pages.prefetch_related(
            "tags",
            Prefetch(
                "hero_image__renditions",
                queryset=rendition_model.objects.filter(filter_spec=spec),
            ),
        ).annotate(latest_removal=Subquery(removals.values("timestamp")[:1]))[: self.limit]
        pages = list(pages)
        sections = sections_of(pages)
        for page in pages:
            page.feed_section = sections[page.pk]
        return pages

    def items(self):
        """The newest items, newest first."""
        items = []
        for page in self.pages:
            items.append(Item(page))
            if page.was_updated:
                items.append(Item(page, update=True))
        items.sort(key=lambda item: (item.date, item.update, item.page.pk), reverse=True)
        return items[: self.limit]

    @cached_property
    def modified(self):
        """When the feed's content last changed: the newest publication of its pages (a typo
        fix too) or of its section, or the latest page taken away from readers (an empty
        feed goes by its section alone); never "now", so that an unchanged feed keeps its
        date."""
        dates = [page.last_published_at for page in [*self.pages, self.home]]
        dates += [page.latest_removal for page in self.pages[:1]]
        return max((date for date in dates if date is not None), default=NEVER)

    def page_url(self, page):
        # The request keeps Wagtail's site root paths: one cache lookup for all the items.
        return self.root_url + page.relative_url(self.site, self.request)

    def guid(self, item):
        # A tag URI (RFC 4151) from the page id and its first publication: stable for ever;
        # an update's adds the moment of the update.
        page = item.page
        host = self.site.hostname
        year = page.first_published_at.year if page.first_published_at else 2000
        guid = f"tag:{host},{year}:page-{page.pk}"
        if item.update:
            guid += f"/update-{item.date.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        return guid

    def title_of(self, item):
        title = clean(item.page.title)
        return f"Updated: {title}" if item.update else title

    def categories(self, item):
        page = item.page
        section = [page.feed_section.title] if page.feed_section else []
        return [clean(name) for name in section + [tag.name for tag in page.tags.all()]]

    def note(self, item):
        """ "Updated 3 May 2026: what changed", for an update, or ""."""
        if not item.update:
            return ""
        note = clean(item.page.last_update_note)
        return f"Updated {item.date:%-d %B %Y}" + (f": {note}" if note else ".")

    def summary(self, item):
        return " ".join(filter(None, [self.note(item), clean(item.page.summary)]))

    def content(self, item):
        note = self.note(item)
        note = f"<p><strong>{escape(note)}</strong></p>" if note else ""
        return note + absolute_html(clean(item.page.content_html), self.root_url)

    def enclosure(self, item):
        """(url, length in bytes, MIME type) of the page's hero image, or None."""
        page = item.page
        if not page.hero_image:
            return None
        rendition = page.hero_image.get_rendition(renditions.SPECS["enclosure"])
        try:
            size = rendition.file.size
        except OSError:  # the file is missing (media not restored yet, say): no enclosure
            return None
        return self.root_url + rendition.url, size, "image/jpeg"

"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest pages, site-wide or for one section.

Items are identified by page id (a tag URI), so a new title or slug never makes an item look
new to a feed reader. Every item carries the full content with absolute links.
"""

import re
from urllib.parse import quote

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape
from django.utils.http import http_date
from django.views.decorators.cache import cache_control

from wagtail.images import get_image_model
from wagtail.models import Site

from healthsite import renditions
from healthsite.models import ContentPage, SectionPage, sections_of
from healthsite.parsing import whole_number

DEFAULT_ITEMS = 20
MAX_ITEMS = 50
# XML 1.0 forbids these; word processors paste them into titles now and then.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
RELATIVE_URL = re.compile(r'(href|src)="/(?!/)')
SRCSET = re.compile(r'srcset="([^"]*)"')
CACHE_SECONDS = 15 * 60


def clean(text):
    return CONTROL_CHARACTERS.sub("", text or "")


def absolute_html(html, root_url):
    """`html` with every link and image (srcset included) pointing at `root_url`."""
    html = RELATIVE_URL.sub(rf'\1="{root_url}/', html)
    return SRCSET.sub(
        lambda match: 'srcset="' + re.sub(r"(^|,\s*)/(?!/)", rf"\1{root_url}/", match[1]) + '"',
        html,
    )


# (reader, address that subscribes it to a feed URL)
READERS = [
    ("Feedly", "https://feedly.com/i/subscription/feed/{url}"),
    ("Inoreader", "https://www.inoreader.com/?add_feed={url}"),
    ("NewsBlur", "https://www.newsblur.com/?url={url}"),
    ("The Old Reader", "https://theoldreader.com/feeds/subscribe?url={url}"),
]


def feeds_of(section=None):
    """(label, URL, MIME type) of the three feeds of the site or of one section."""
    prefix = "articles:section_" if section else "articles:"
    args = [section.slug] if section else []
    return [
        ("RSS", reverse(f"{prefix}feed", args=args), "application/rss+xml"),
        ("Atom", reverse(f"{prefix}feed_atom", args=args), "application/atom+xml"),
        ("JSON Feed", reverse(f"{prefix}feed_json", args=args), "application/feed+json"),
    ]


def subscriptions(root_url, section=None):
    """The feeds of the site or a section as absolute URLs, with one-click links that
    subscribe popular feed readers to its RSS feed."""
    feeds = [(label, root_url + url) for label, url, _kind in feeds_of(section)]
    rss = quote(feeds[0][1], safe="")
    return {
        "feeds": feeds,
        "readers": [(name, address.format(url=rss)) for name, address in READERS],
    }


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
        if self.section:
            return clean(self.section.summary)
        return clean(self.site.root_page.specific.summary)

    def url(self, kind):
        name = {"rss": "feed", "atom": "feed_atom", "json": "feed_json"}[kind]
        if self.section:
            return self.root_url + reverse(f"articles:section_{name}", args=[self.section.slug])
        return self.root_url + reverse(f"articles:{name}")

    def items(self):
        """The newest pages, with everything an item shows, in a fixed number of queries."""
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
        pages = pages.prefetch_related(
            "tags",
            Prefetch(
                "hero_image__renditions",
                queryset=rendition_model.objects.filter(filter_spec=spec),
            ),
        )[: self.limit]
        pages = list(pages)
        sections = sections_of(pages)
        for page in pages:
            page.feed_section = sections[page.pk]
        return pages

    def page_url(self, page):
        # The request keeps Wagtail's site root paths: one cache lookup for all the items.
        return self.root_url + page.relative_url(self.site, self.request)

    def guid(self, page):
        # A tag URI (RFC 4151) from the page id and its first publication: stable for ever.
        host = self.site.hostname
        year = page.first_published_at.year if page.first_published_at else 2000
        return f"tag:{host},{year}:page-{page.pk}"

    def categories(self, page):
        section = [page.feed_section.title] if page.feed_section else []
        return [clean(name) for name in section + [tag.name for tag in page.tags.all()]]

    def note(self, page):
        """ "Updated 3 May 2026: what changed", for a significantly updated page, or ""."""
        if not (page.was_updated and page.last_update_note):
            return ""
        return f"Updated {page.last_updated:%-d %B %Y}: {clean(page.last_update_note)}"

    def summary(self, page):
        return " ".join(filter(None, [self.note(page), clean(page.summary)]))

    def content(self, page):
        note = f"<p><strong>{escape(self.note(page))}</strong></p>" if self.note(page) else ""
        return note + absolute_html(clean(page.content_html), self.root_url)

    def enclosure(self, page):
        """(url, length in bytes, MIME type) of the page's hero image, or None."""
        if not page.hero_image:
            return None
        rendition = page.hero_image.get_rendition(renditions.SPECS["enclosure"])
        try:
            size = rendition.file.size
        except OSError:  # the file is missing (media not restored yet, say): no enclosure
            return None
        return self.root_url + rendition.url, size, "image/jpeg"


class FullContentRss(Rss201rev2Feed):
    """RSS 2.0 with the full content in content:encoded, and the date of the last
    significant update in atom:updated (RSS itself has only the publication date)."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content_html"])


class FullContentAtom(Atom1Feed):
    """Atom 1.0 with the full content."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class RssFeed(Feed):
    """The newest pages as RSS 2.0."""

    feed_type = FullContentRss
    kind = "rss"
    language = "en-gb"
    item_guid_is_permalink = False

    def get_object(self, request, section=None):
        return Channel(request, section)

    def title(self, channel):
        return channel.title

    def link(self, channel):
        return channel.link

    def feed_url(self, channel):
        return channel.url(self.kind)

    def description(self, channel):
        return channel.description

    def author_name(self, channel):
        return channel.site.site_name or "Manage Back Pain"

    def items(self, channel):
        pages = channel.items()
        for page in pages:
            page.channel = channel
        return pages

    def item_title(self, page):
        return clean(page.title)

    def item_link(self, page):
        return page.channel.page_url(page)

    def item_guid(self, page):
        return page.channel.guid(page)

    def item_description(self, page):
        return page.channel.summary(page)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_updated

    def item_author_name(self, page):
        return clean(page.author.name) if page.author else self.author_name(page.channel)

    def item_categories(self, page):
        return page.channel.categories(page)

    def item_enclosures(self, page):
        enclosure = page.channel.enclosure(page)
        if enclosure is None:
            return []
        url, length, mime_type = enclosure
        return [Enclosure(url, str(length), mime_type)]

    def item_extra_kwargs(self, page):
        return {"content_html": page.channel.content(page)}


class AtomFeed(RssFeed):
    """The newest pages as Atom 1.0."""

    feed_type = FullContentAtom
    kind = "atom"

    def subtitle(self, channel):
        return channel.description


def json_feed(request, section=None):
    """The newest pages as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""
    channel = Channel(request, section)
    pages = channel.items()
    items = []
    for page in pages:
        item = {
            "id": channel.guid(page),
            "url": channel.page_url(page),
            "title": clean(page.title),
            "summary": channel.summary(page),
            "content_html": channel.content(page),
            "date_published": page.first_published_at.isoformat(),
            "date_modified": (page.last_updated or page.first_published_at).isoformat(),
            "authors": [{"name": clean(page.author.name)}] if page.author else [],
            "tags": channel.categories(page),
        }
        enclosure = channel.enclosure(page)
        if enclosure:
            url, length, mime_type = enclosure
            item["image"] = url
            item["attachments"] = [{"url": url, "mime_type": mime_type, "size_in_bytes": length}]
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": channel.title,
        "home_page_url": channel.link,
        "feed_url": channel.url("json"),
        "description": channel.description,
        "language": "en-GB",
        "authors": [{"name": channel.site.site_name or "Manage Back Pain"}],
        "items": items,
    }
    response = JsonResponse(
        feed, content_type="application/feed+json; charset=utf-8", json_dumps_params={"indent": 1}
    )
    if pages:
        newest = max(page.last_updated or page.first_published_at for page in pages)
        response["Last-Modified"] = http_date(newest.timestamp())
    return response


def cacheable(view):
    """Feed readers poll often: let them and any cache in between keep a copy a while."""
    return cache_control(public=True, max_age=CACHE_SECONDS)(view)

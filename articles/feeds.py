"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest pages and significant updates,
site-wide or for one section (what they hold: channel.py).

Items are identified by page id (a tag URI), so a new title or slug never makes an item look
new to a feed reader; an update has an id of its own. Every item carries the full content with
absolute links. Each feed is dated by when its content last changed, for conditional GETs.
"""

from urllib.parse import quote

from django.contrib.syndication.views import Feed
from django.db.models.functions import Substr
from django.http import JsonResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.http import http_date
from django.views.decorators.cache import cache_control

from wagtail.models import Page

from healthsite.kept import remember
from healthsite.models import ContentPage

from .channel import Channel, clean

CACHE_SECONDS = 15 * 60


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


def sections_in_the_news(request=None):
    """The paths of the top-level pages with pages in their feeds: a section not among them
    has an empty feed. Kept until the tree changes, which is how a section gains or loses
    its pages."""

    def build():
        top = Substr("path", 1, Page.steplen * 3)
        paths = ContentPage.objects.newest().order_by().values_list(top, flat=True)
        return set(paths.distinct())

    return remember("sections-in-the-news", build, request)


def subscriptions(root_url, section=None):
    """The feeds of the site or a section as absolute URLs, with one-click links that
    subscribe popular feed readers to its RSS feed."""
    feeds = [(label, root_url + url) for label, url, _kind in feeds_of(section)]
    rss = quote(feeds[0][1], safe="")
    return {
        "feeds": feeds,
        "readers": [(name, address.format(url=rss)) for name, address in READERS],
    }


class DatedFeed:
    """A feed generator dated by when its content last changed (its channel's `modified`),
    not by its newest item: the channel's date and the Last-Modified header Django makes of
    it follow a typo fix too, and an empty feed keeps a date of its own."""

    def latest_post_date(self):
        return self.feed["channel"].modified


class FullContentRss(DatedFeed, Rss201rev2Feed):
    """RSS 2.0 with the full content in content:encoded, and the item's date in atom:updated
    as well (some readers look for an Atom date only)."""

    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_root_elements(self, handler):
        # Django's own atom:link has no type: written here, with it.
        feed_url, self.feed["feed_url"] = self.feed["feed_url"], None
        super().add_root_elements(handler)
        self.feed["feed_url"] = feed_url
        if feed_url is not None:
            mime_type = self.content_type.split(";")[0]
            link = {"rel": "self", "type": mime_type, "href": feed_url}
            handler.addQuickElement("atom:link", None, link)

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content_html"])


class FullContentAtom(DatedFeed, Atom1Feed):
    """Atom 1.0 with the full content."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class RssFeed(Feed):
    """The newest items as RSS 2.0."""

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
        items = channel.items()
        for item in items:
            item.channel = channel
        return items

    def feed_extra_kwargs(self, channel):
        return {"channel": channel}

    def item_title(self, item):
        return item.channel.title_of(item)

    def item_link(self, item):
        return item.channel.page_url(item.page)

    def item_guid(self, item):
        return item.channel.guid(item)

    def item_description(self, item):
        return item.channel.summary(item)

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.date

    def item_author_name(self, item):
        author = item.page.author
        return clean(author.name) if author else self.author_name(item.channel)

    def item_categories(self, item):
        return item.channel.categories(item)

    def item_enclosures(self, item):
        enclosure = item.channel.enclosure(item)
        if enclosure is None:
            return []
        url, length, mime_type = enclosure
        return [Enclosure(url, str(length), mime_type)]

    def item_extra_kwargs(self, item):
        return {"content_html": item.channel.content(item)}


class AtomFeed(RssFeed):
    """The newest items as Atom 1.0."""

    feed_type = FullContentAtom
    kind = "atom"

    def subtitle(self, channel):
        return channel.description


def json_feed(request, section=None):
    """The newest items as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""
    channel = Channel(request, section)
    items = []
    for entry in channel.items():
        page = entry.page
        item = {
            "id": channel.guid(entry),
            "url": channel.page_url(page),
            "title": channel.title_of(entry),
            "summary": channel.summary(entry),
            "content_html": channel.content(entry),
            "date_published": entry.date.isoformat(),
            "date_modified": entry.date.isoformat(),
            "authors": [{"name": clean(page.author.name)}] if page.author else [],
            "tags": channel.categories(entry),
        }
        enclosure = channel.enclosure(entry)
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
    response["Last-Modified"] = http_date(channel.modified.timestamp())
    return response


def cacheable(view):
    """Feed readers poll often: let them and any cache in between keep a copy a while."""
    return cache_control(public=True, max_age=CACHE_SECONDS)(view)

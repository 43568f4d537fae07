"""The sitemap at /sitemap.xml: the site's live public pages, people's profiles, the list of
people and the site map."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.db.models import Subquery
from django.urls import reverse
from django.utils.functional import cached_property

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.models import Site

from editorial.models import Person
from healthsite.models import ContentPage


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap of live, public pages, read in one query however many there are.

    Wagtail's own fetches each page as its type, a query per type for every 2,000 pages. Every
    page of a site here is a ContentPage, and ContentPage says what a page's entry is
    (`get_sitemap_urls`), so its fields are all an entry needs, with the newest page's update
    for the pages listing the newest (in the same query).
    """

    def items(self):
        pages = ContentPage.objects.descendant_of(self.get_wagtail_site().root_page, inclusive=True)
        newest = ContentPage.objects.newest().values("last_updated")[:1]
        return (
            pages.live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .defer("search_text", "content_html")
            .annotate(newest_listed=Subquery(newest))
        )


class ViewSitemap(Sitemap):
    """The site's own views that readers browse: people's profiles, the list of people and
    the site map. On the site's own address (as the pages are), never on the Host a request
    happened to use."""

    VIEWS = ["people", "site_map"]

    @cached_property
    def root(self):
        return urlsplit(Site.objects.get(is_default_site=True).root_url)

    def get_protocol(self, protocol=None):
        return self.root.scheme

    def get_domain(self, site=None):
        return self.root.netloc

    def items(self):
        return [*self.VIEWS, *Person.objects.order_by("slug")]

    def location(self, item):
        return reverse(item) if item in self.VIEWS else item.get_absolute_url()


SITEMAPS = {"pages": PageSitemap, "views": ViewSitemap}

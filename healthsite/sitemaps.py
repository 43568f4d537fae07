from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap

from .models import ContentPage, is_public


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap of live, public pages, read in one query however many there are.

    Wagtail's own fetches each page as its type, a query per type for every 2,000 pages. Every
    page of a site here is a ContentPage, and ContentPage says what a page's entry is
    (`get_sitemap_urls`), so its fields are all an entry needs.
    """

    def items(self):
        pages = ContentPage.objects.descendant_of(self.get_wagtail_site().root_page, inclusive=True)
        return (
            pages.live()
            .filter(is_public())
            .order_by("path")
            .defer_streamfields()
            .defer("search_text", "content_html")
        )

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.utils.functional import cached_property

from wagtail.models import Site

from .models import Person


class PeopleSitemap(Sitemap):
    """People's public profiles, on the site's own address (as the pages are), never on the
    Host a request happened to use."""

    @cached_property
    def root(self):
        return urlsplit(Site.objects.get(is_default_site=True).root_url)

    def get_protocol(self, protocol=None):
        return self.root.scheme

    def get_domain(self, site=None):
        return self.root.netloc

    def items(self):
        return Person.objects.order_by("slug")

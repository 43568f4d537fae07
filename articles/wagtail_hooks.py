from django.urls import reverse

from wagtail import hooks

from healthsite.models import SectionPage

from .models import WhatsNewPage

FEEDS = ("feed", "feed_atom", "feed_json")


@hooks.register("urls_to_purge")
def feeds_and_whats_new(page):
    """A published change shows in the site's feeds, its section's feeds and What's New."""
    urls = [reverse(f"articles:{name}") for name in FEEDS]
    for section in SectionPage.objects.ancestor_of(page, inclusive=True).live():
        urls += [
            reverse(f"articles:section_{name}", kwargs={"section": section.slug}) for name in FEEDS
        ]
    urls += [whats_new.get_url() for whats_new in WhatsNewPage.objects.live()]
    return urls

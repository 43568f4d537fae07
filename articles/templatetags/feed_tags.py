from django import template

from healthsite.models import SectionPage
from healthsite.one_of_a_kind import one_of_a_kind

from ..feeds import feeds_of, sections_in_the_news
from ..models import SubscribePage

register = template.Library()


@register.inclusion_tag("articles/feed_links.html", takes_context=True)
def feed_links(context):
    """<link rel="alternate"> for the site's feeds, and for the section the page is in."""
    page = context.get("page")
    section = None
    if isinstance(page, SectionPage):
        section = page
    elif getattr(page, "depth", 0) > 3:
        section = section_of(page)
    site_name = context.get("current_site").site_name if context.get("current_site") else ""
    links = [(f"{site_name} ({label})", url, kind) for label, url, kind in feeds_of()]
    if section and has_items(section, page, context.get("request")):
        links += [
            (f"{section.title} ({label})", url, kind) for label, url, kind in feeds_of(section)
        ]
    return {"links": links}


def has_items(section, page, request):
    """Whether the section's feeds have items: an empty feed is not advertised. A page in the
    feeds is in its section's too, which spares asking."""
    if getattr(page, "newsworthy", False) and page.live:
        return True
    return section.path in sections_in_the_news(request)


def section_of(page):
    """The live section `page` is in, or None; from the page's breadcrumbs (fetched for the
    page anyway) when it has them."""
    path = page.path[: page.steplen * 3]
    if not hasattr(page, "get_breadcrumbs"):
        return SectionPage.objects.live().filter(path=path).first()
    return next(
        (
            ancestor
            for ancestor in page.get_breadcrumbs()
            if ancestor.path == path and isinstance(ancestor, SectionPage) and ancestor.live
        ),
        None,
    )


@register.simple_tag(takes_context=True)
def subscribe_page(context):
    """The live Subscribe page, or None."""
    return one_of_a_kind(SubscribePage, context.get("request"))

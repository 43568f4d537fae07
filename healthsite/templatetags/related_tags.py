from django import template

from healthsite.related import conditions_for, guides_for, previous_and_next, related_pages

register = template.Library()


@register.inclusion_tag("components/related.html", takes_context=True)
def related_links(context, page):
    """{% related_links page %}: what to read next, at the end of a content page."""
    guides = guides_for(page) if hasattr(page, "guide_links") else []
    conditions = conditions_for(page) if hasattr(page, "condition_links") else []
    return {
        "request": context.get("request"),
        # A guide or condition listed under its own heading is not repeated as related.
        "related": related_pages(page, exclude=[linked.pk for linked in guides + conditions]),
        "guides": guides,
        "conditions": conditions,
        "pager": previous_and_next(page),
    }

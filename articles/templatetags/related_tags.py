from django import template

from articles.related import conditions_for, guides_for, read_next

register = template.Library()


@register.inclusion_tag("components/related.html", takes_context=True)
def related_links(context, page):
    """{% related_links page %}: what to read next, at the end of a content page."""
    guides = guides_for(page) if hasattr(page, "guide_links") else []
    conditions = conditions_for(page) if hasattr(page, "condition_links") else []
    # A guide or condition listed under its own heading is not repeated as related.
    related, pager = read_next(page, exclude=[linked.pk for linked in guides + conditions])
    return {
        "request": context.get("request"),
        "related": related,
        "guides": guides,
        "conditions": conditions,
        "pager": pager,
    }

from django import template

from ..plain_english.checks import check_page, for_template, target_for

register = template.Library()


@register.inclusion_tag("editorial/plain_english/results.html")
def plain_english_of_draft(page):
    """The plain-English checks of the page's latest revision: in review, the text that the
    reviewer's approval publishes."""
    page = page.specific
    draft = page.get_latest_revision_as_object()
    return for_template(check_page(draft, target=target_for(page)))

from django import template

from wagtail.models import Site

from healthsite.models import SiteSettings

register = template.Library()

# Most urgent first: a reader scanning the list must meet the emergencies first.
URGENCY_HEADINGS = {
    "emergency": "Get emergency help now if:",
    "urgent": "See a doctor today if:",
    "soon": "Book an appointment with your GP if:",
}


@register.filter
def by_urgency(red_flags):
    """(urgency, heading, blocks) for each urgency among `red_flags`, most urgent first."""
    return [
        (urgency, heading, flags)
        for urgency, heading in URGENCY_HEADINGS.items()
        if (flags := [block for block in red_flags if block.value["urgency"] == urgency])
    ]


@register.simple_tag(takes_context=True)
def emergency_sentence(context, page):
    """What to do in an emergency, as this page's site puts it (Settings → Site settings)."""
    request = context.get("request")
    if request is not None and page.site == Site.find_for_request(request):
        # The settings the page's template reads too, fetched once per request.
        return SiteSettings.for_request(request).emergency_sentence
    return SiteSettings.for_site(page.site).emergency_sentence

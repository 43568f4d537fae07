from django import template

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


@register.simple_tag
def emergency_sentence(page):
    """What to do in an emergency, as this page's site puts it (Settings → Site settings)."""
    return SiteSettings.for_site(page.site).emergency_sentence

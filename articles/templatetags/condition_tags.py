from django import template

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

from django import template

from editorial import minor_changes

register = template.Library()


@register.simple_tag(takes_context=True)
def minor_change(context, page):
    """For the approval dialog: whether the change waiting is marked minor, and if so what
    changed, field by field."""
    if not minor_changes.is_minor(minor_changes.waiting(page)):
        return {"minor": False}
    return {"minor": True, "comparison": minor_changes.changes(page, context.get("request"))}

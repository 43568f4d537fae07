from django import template
from django.utils.safestring import mark_safe

from wagtail.rich_text import RichText, expand_db_html

register = template.Library()


@register.filter
def rich_text(value):
    """Stored rich text as HTML, its links and embeds expanded, as Wagtail's `richtext` filter
    makes it but without rendering Wagtail's template around it (wagtailcore/shared/richtext.html
    only prints it): a condition page shows some forty pieces of rich text."""
    source = value.source if isinstance(value, RichText) else value
    # Safe as Wagtail's own: the editor's rich text, sanitised when saved.
    return mark_safe(expand_db_html(source or ""))  # noqa: S308

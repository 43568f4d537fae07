from django import template

from healthsite import renditions

register = template.Library()


@register.simple_tag
def picture(image, name, **attrs):
    """{% picture page.hero_image "hero" alt=page.hero_alt %}: a responsive <picture>."""
    if not image:
        return ""
    return renditions.picture(image, name, **attrs)

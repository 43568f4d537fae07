from django import template
from django.utils import timezone

from caching import page_cache

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        request, page = context.get("request"), context.get("page")
        if request is None or page is None:
            return self.nodelist.render(context)
        return page_cache.fragment(request, self.name, page, lambda: self.render_now(context))

    def render_now(self, context):
        request, page = context["request"], context["page"]
        if hasattr(page, "prepare_to_show"):  # left to the fragments (ContentPage.get_context)
            page.prepare_to_show(request)
        return self.nodelist.render(context)


@register.tag
def page_fragment(parser, token):
    """`{% page_fragment "name" %}…{% endpage_fragment %}`: a costly part of the page, kept in
    the page cache until the page is purged (caching/page_cache.py)."""
    name, _variant, nodelist = parse_fragment(parser, token, with_variant=False)
    return PageFragmentNode(nodelist, name)


class SiteFragmentNode(template.Node):
    def __init__(self, nodelist, name, variant):
        self.nodelist = nodelist
        self.name = name
        self.variant = variant

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        variant = self.variant.resolve(context) if self.variant else ""
        # The day in the key: what shows the date (the copyright year) follows it.
        key = f"fragment:{request.get_host()}:{self.name}:{variant}:{timezone.localdate()}"
        return page_cache.remember(key, lambda: self.nodelist.render(context), request)


@register.tag
def site_fragment(parser, token):
    """`{% site_fragment "name" [variant] %}…{% endsite_fragment %}`: a part every page shows
    alike (or in a few variants), kept in the page cache until the site's generation changes:
    the settings, the tree or a menu (caching/page_cache.py)."""
    name, variant, nodelist = parse_fragment(parser, token, with_variant=True)
    return SiteFragmentNode(nodelist, name, variant)


def parse_fragment(parser, token, with_variant):
    """(name, variant or None, nodelist) of `{% tag "name" [variant] %}…{% endtag %}`."""
    bits = token.split_contents()
    tag, most = bits[0], 3 if with_variant else 2
    if not 2 <= len(bits) <= most or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        usage = f'{tag} "name"' + (" [variant]" if with_variant else "")
        raise template.TemplateSyntaxError(f"Usage: {{% {usage} %}}…{{% end{tag} %}}")
    nodelist = parser.parse((f"end{tag}",))
    parser.delete_first_token()
    variant = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return bits[1][1:-1], variant, nodelist

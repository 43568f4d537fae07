from django import template

from healthsite import page_cache

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
    the page cache until the page is purged (healthsite/page_cache.py)."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        usage = 'Usage: {% page_fragment "name" %}…{% endpage_fragment %}'
        raise template.TemplateSyntaxError(usage)
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist, bits[1][1:-1])

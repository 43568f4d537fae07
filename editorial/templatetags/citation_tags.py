from django import template

from editorial.citations import cite, page_address

register = template.Library()


class CitedNode(template.Node):
    def __init__(self, nodelist, page):
        self.nodelist = nodelist
        self.page = page

    def render(self, context):
        page = self.page.resolve(context)
        # Served as the page itself, citations link within it; rendered on its own (the copy
        # kept for feeds) they link to the page's address.
        link_base = "" if context.get("request") else page_address(page)
        return cite(self.nodelist.render(context), page, link_base)


@register.tag
def cited(parser, token):
    """`{% cited page %}…{% endcited %}`: numbers the citations of the page's sources in the
    content and follows it with the Sources list."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("Usage: {% cited page %}…{% endcited %}")
    nodelist = parser.parse(("endcited",))
    parser.delete_first_token()
    return CitedNode(nodelist, parser.compile_filter(bits[1]))

"""The editors' guide (docs/editors.md), shown in the admin where editors work: a page of its
own, linked from the Help menu and from a dashboard panel."""

from functools import cache

import markdown

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

GUIDE = settings.BASE_DIR / "docs" / "editors.md"


@cache
def guide_html():
    """The guide as HTML, read once per process: it is the project's own file, not user input."""
    text = GUIDE.read_text(encoding="utf-8")
    return mark_safe(markdown.markdown(text, extensions=["tables", "toc"]))  # noqa: S308


class GuideView(TemplateView):
    template_name = "editorial/guide.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "guide": guide_html()}


def guide_menu_item():
    return MenuItem(
        "This site's guide for editors",
        reverse("editors_guide"),
        name="site-editors-guide",
        icon_name="help",
        order=900,  # before Wagtail's own, general, guide
    )


class GuidePanel(Component):
    """On the dashboard: where a first-time editor starts."""

    name = "editors_guide"
    template_name = "editorial/panels/guide.html"
    order = 50

    def get_context_data(self, parent_context):
        return {"guide_url": reverse("editors_guide")}

"""The rich text link handler for pages, reading the pages page_links.py fetched. Apart from
page_links.py, which page models import: Wagtail's handler module reads the page model as it
loads, which it cannot do while the models themselves load."""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler

from .page_links import fetch, found_pages


class PageLinkHandler(WagtailPageLinkHandler):
    """Wagtail's links to pages, reading the pages `linked_pages` found; elsewhere one query
    per piece of rich text (Wagtail's takes one per type of page linked, and one more)."""

    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        found = found_pages.get()
        pages = {} if found is None else found.pages
        missing = {pk for pk in ids if pk not in pages}
        if missing:
            pages.update(fetch(missing))
        return [pages[pk] for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        found = found_pages.get()
        request = None if found is None else found.request
        return [
            f'<a href="{escape(page.localized.get_url(request))}">' if page else "<a>"
            for page in cls.get_many(attrs_list)
        ]

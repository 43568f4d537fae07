"""Which page of the site an old page already is, so that importing it makes a new draft of
that page instead of a second page beside it.

A file matches a page when exactly one page is found by these: it was imported from the same
old address before; its old address already redirects to a live page; a live page has its slug
under the section it goes to. A page with only the same title elsewhere, or more than one page
found, is listed for the editor to choose (--into, or "Import into" in the admin), and the file
is imported as a new page.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from healthsite.models import ContentPage

from .models import ImportedPage


@dataclass
class Match:
    page: Page | None = None  # the page to make a new draft of
    how: str = ""  # why it is that page, for the report
    candidates: list = field(default_factory=list)  # (page, why): listed, not imported into


def slug_of(document):
    """The slug the page would have: its old address's name, else its title's."""
    name = document.old_path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if document.old_path else ""
    return slugify(name) or slugify(document.title) or "page"


def match(document, parent, page_types):
    """The Match of a document going under `parent` (None: no section known yet)."""
    found = {}
    old_path = document.old_path
    if old_path:
        record = ImportedPage.objects.filter(old_path=old_path).select_related("page").first()
        if record:
            return Match(record.page.specific, f"imported from {old_path} before")
        redirect = (
            Redirect.objects.filter(old_path=Redirect.normalise_path(old_path))
            .select_related("redirect_page")
            .first()
        )
        if redirect and redirect.redirect_page and redirect.redirect_page.live:
            found[redirect.redirect_page_id] = (
                redirect.redirect_page,
                f"its old address {old_path} already leads there",
            )
    if parent is not None:
        same_slug = parent.get_children().live().filter(slug=slug_of(document)).first()
        if same_slug:
            found.setdefault(same_slug.pk, (same_slug, f"the same address in “{parent.title}”"))
    if len(found) == 1:
        ((page, how),) = found.values()
        page = page.specific
        if isinstance(page, tuple(page_types)):
            return Match(page, how)
        kind = page._meta.verbose_name
        return Match(candidates=[(page, f"{how}, but it is a {kind}, which imports do not fill")])
    if found:
        return Match(candidates=[(page.specific, how) for page, how in found.values()])
    same_title = ContentPage.objects.live().filter(title__iexact=document.title)[:3]
    return Match(candidates=[(page.specific, "the same title") for page in same_title])

"""What to read next at the end of a page: related pages, the product guides of a condition
and the conditions of a guide, and the previous and next page of its section.

The number of queries is fixed whatever the size of the site: one for the editor's picks and
one for the related pages, ranked in the database; one for the pager; one for guides or
conditions. Private pages are left out inside each query (`.public()`, the site's one rule).
"""

from typing import NamedTuple

from django.apps import apps
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from wagtail.models import Page

from .models import ContentPage, PageTag, SectionPage, for_listing

RELATED_LIMIT = 4
# The admin numbers inline items; items made in code have no number and keep their creation order.
EDITORS_ORDER = ("sort_order", "pk")


class Pager(NamedTuple):
    """A section and the pages before and after one of its pages (None at the ends)."""

    section: ContentPage
    previous: ContentPage | None
    next: ContentPage | None


def readable(model=ContentPage):
    """Live, public pages of `model`."""
    return model.objects.live().public()


def newest_first():
    return (F("last_updated").desc(nulls_last=True), "-pk")


def parent_path(page):
    return page.path[: -Page.steplen]


def related_pages(page, limit=RELATED_LIMIT, exclude=()):
    """Up to `limit` live, public pages to read after `page`: the editor's picks in their
    order, then the pages sharing most tags with it (newest first among equals), then its
    section's other pages (newest first). `exclude`: pages listed elsewhere on the page.

    Picks and tags are read through the page's relations, so a preview shows the draft's. The
    three sources are one query, ranked there: picks by their place, then the number of tags
    shared, then the newest (a section's page shares none).
    """
    picks = list(page.related_picks.order_by(*EDITORS_ORDER).values_list("target_id", flat=True))
    tags = page.tagged_items.values_list("tag_id", flat=True)  # a subquery, or a draft's list
    sharing = PageTag.objects.filter(tag_id__in=tags)
    shared = sharing.filter(content_object_id=OuterRef("pk")).values("content_object_id")
    sources = Q(pk__in=picks) | Q(pk__in=sharing.values("content_object_id"))
    if isinstance(section_of(page), SectionPage):
        sources |= Q(path__startswith=parent_path(page), depth=page.depth)
    # A pick to an unpublished or private page drops out; the other sources fill its place.
    pages = (
        readable()
        .filter(sources)
        .exclude(pk__in={page.pk, *exclude})
        .annotate(
            pick=Case(
                *(When(pk=pk, then=Value(place)) for place, pk in enumerate(picks)),
                default=Value(len(picks)),
                output_field=IntegerField(),
            ),
            shared=Coalesce(Subquery(shared.annotate(n=Count("pk")).values("n")), 0),
        )
        .order_by("pick", "-shared", *newest_first())
        # select_related: the type label of each page, without a query per page.
        .select_related("content_type")
    )
    return list(for_listing(pages)[:limit])


def section_of(page):
    """The parent of `page`, from its breadcrumbs (found for the page anyway)."""
    parent = parent_path(page)
    return next((found for found in page.get_breadcrumbs() if found.path == parent), None)


def previous_and_next(page):
    """The section of `page` with its previous and next live, public page in tree order
    (shown in menus or not), either None at the ends; None when its parent is no section."""
    section = section_of(page)
    if not isinstance(section, SectionPage):
        return None
    siblings = readable().filter(path__startswith=parent_path(page), depth=page.depth)
    before = siblings.filter(path__lt=page.path).order_by("-path").values("path")[:1]
    after = siblings.filter(path__gt=page.path).order_by("path").values("path")[:1]
    found = {
        found.path: found
        for found in ContentPage.objects.filter(
            Q(path=Subquery(before)) | Q(path=Subquery(after))
        ).only("title", "path", "depth", "url_path")
    }
    return Pager(
        section=section,
        previous=next((p for path, p in found.items() if path < page.path), None),
        next=next((p for path, p in found.items() if path > page.path), None),
    )


def guides_for(condition):
    """The live, public product guides a condition page links, in the editor's order."""
    guides = readable(apps.get_model("products", "ProductGuidePage"))
    if condition.pk is None:
        # The preview of a page not saved yet: its links are in memory only.
        ids = [link.guide_id for link in condition.guide_links.all() if link.guide_id]
        found = for_listing(guides).in_bulk(ids)
        return [found[pk] for pk in dict.fromkeys(ids) if pk in found]
    linked = guides.filter(condition_links__condition=condition)
    # A guide linked twice comes back twice from the join: keep its first place.
    in_order = linked.order_by("condition_links__sort_order", "condition_links__pk")
    return list(dict.fromkeys(for_listing(in_order)))


def conditions_for(guide):
    """The live, public condition pages linking a product guide, by title."""
    if guide.pk is None:  # the preview of a guide not saved yet: nothing links it
        return []
    conditions = readable(apps.get_model("articles", "ConditionPage"))
    linking = conditions.filter(guide_links__guide=guide).distinct()
    return list(for_listing(linking.order_by("title")))

"""What to read next at the end of a page: related pages, the product guides of a condition
and the conditions of a guide, and the previous and next page of its section.

The number of queries is fixed whatever the size of the site: one for the related pages
(the editor's picks read inside it), ranked in the database, with the section's previous and
next page; one for guides or conditions. Private pages are left out inside each query
(`.public()`, the site's one rule).
"""

from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from django.apps import apps
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.lookups import IsNull

from wagtail.models import Page

from healthsite.models import ContentPage, PageTag, SectionPage

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


def read_next(page, limit=RELATED_LIMIT, exclude=()):
    """(related, pager) of `page`: up to `limit` related pages (`related_pages`) and its
    section's pager (`previous_and_next`), in one query. `exclude`: pages listed elsewhere
    on the page, not repeated as related (but kept in the pager).

    Each candidate is numbered in the order of `related_pages`. The pager's pages are the
    section's pages next to `page`, all among the candidates (the section is a source): they
    are read first, ahead of the ranked pages. A saved page's picks and tags are read inside
    the query (fixed SQL, read_next.sql); a preview's are in memory (`read_next_of_draft`).
    """
    section = section_of(page)
    siblings = isinstance(section, SectionPage)
    rows = limit + len(exclude) + (2 if siblings else 0)
    if saved_relations(page):
        found = list(
            ContentPage.objects.raw(
                READ_NEXT_SQL,
                [page.pk, page.path, parent_path(page), page.depth if siblings else -1, rows, rows],
            )
        )
    else:
        found = read_next_of_draft(page, siblings, rows)
    pager = None
    if siblings:
        pager = Pager(
            section=section,
            previous=next((p for p in found if p.in_pager and p.path < page.path), None),
            next=next((p for p in found if p.in_pager and p.path > page.path), None),
        )
        found.sort(key=attrgetter("place"))
    exclude = set(exclude)
    return [p for p in found if p.pk not in exclude][:limit], pager


def saved_relations(page):
    """Whether the picks and tags of `page` are those saved (not a preview's, in memory)."""
    return (
        page.pk is not None
        and isinstance(page.related_picks.all(), QuerySet)
        and isinstance(page.tagged_items.all(), QuerySet)
    )


# Fixed SQL, where the ORM cannot serve: building the same query through it took about 13 ms
# of CPU on each uncached page, ten times what PostgreSQL takes to run it. Parameters: the
# page's id, path, parent's path, depth (-1: its parent is no section, no siblings), and the
# number of rows, twice (the section's newest pages to rank, and the answer). The same rules
# as `read_next_of_draft` (tests/articles/test_related.py compares them on every page): live
# pages not covered by a view restriction (`.public()`).
READ_NEXT_SQL = Path(__file__).with_name("read_next.sql").read_text()
GUIDES_FOR_SQL = Path(__file__).with_name("guides_for.sql").read_text()


def read_next_of_draft(page, siblings, rows):
    """`read_next`'s candidates, through the ORM: the picks and tags of `page` may be in
    memory (a preview's)."""
    picks, pick_order = editors_picks(page)
    tags = page.tagged_items.values_list("tag_id", flat=True)  # a subquery, or a draft's list
    sharing = PageTag.objects.filter(tag_id__in=tags)
    shared = sharing.filter(content_object_id=OuterRef("pk")).values("content_object_id")
    sources = Q(pk__in=picks) | Q(pk__in=sharing.values("content_object_id"))
    shared_count = Coalesce(Subquery(shared.annotate(n=Count("pk")).values("n")), 0)
    annotations = {
        "place": Window(RowNumber(), order_by=[*pick_order, shared_count.desc(), *newest_first()])
    }
    in_pager = ()
    if siblings:
        sibling = Q(path__startswith=parent_path(page), depth=page.depth)
        sources |= sibling
        # The section's pages just before and after `page` (page itself is no candidate).
        before = Window(Max(Case(When(sibling & Q(path__lt=page.path), then=F("path")))))
        after = Window(Min(Case(When(sibling & Q(path__gt=page.path), then=F("path")))))
        annotations["in_pager"] = Case(
            When(path=before, then=Value(True)),
            When(path=after, then=Value(True)),
            default=Value(False),
        )
        in_pager = (F("in_pager").desc(),)
    pages = (
        readable()
        .filter(sources)
        .exclude(pk=page.pk)
        .annotate(**annotations)
        .order_by(*in_pager, "place")
    )
    return list(pages.for_listing()[:rows])


def editors_picks(page):
    """(the pages `page` picks: ids or a subquery; how to order candidates with the picks
    first, in the editor's order). A draft's picks are in memory: its list, ordered by a
    CASE; saved picks, the first time each page is picked (two subqueries)."""
    chosen = page.related_picks.all()
    if isinstance(chosen, QuerySet):
        first = chosen.filter(target_id=OuterRef("pk")).order_by(*EDITORS_ORDER)
        row = Subquery(first.values("pk")[:1])
        return chosen.values("target_id"), [
            IsNull(row, True).asc(),
            Subquery(first.values("sort_order")[:1]).asc(),
            row.asc(),
        ]
    picks = list(chosen.order_by(*EDITORS_ORDER).values_list("target_id", flat=True))
    place = Case(
        *(When(pk=pk, then=Value(place)) for place, pk in enumerate(picks)),
        default=Value(len(picks)),
        output_field=IntegerField(),
    )
    return picks, [place.asc()]


def related_pages(page, limit=RELATED_LIMIT, exclude=()):
    """Up to `limit` live, public pages to read after `page`: the editor's picks in their
    order, then the pages sharing most tags with it (newest first among equals), then its
    section's other pages (newest first). `exclude`: pages listed elsewhere on the page.

    A pick to an unpublished or private page drops out; the other sources fill its place.
    """
    return read_next(page, limit, exclude)[0]


def section_of(page):
    """The parent of `page`, from its breadcrumbs (found for the page anyway)."""
    parent = parent_path(page)
    return next((found for found in page.get_breadcrumbs() if found.path == parent), None)


def previous_and_next(page):
    """The section of `page` with its previous and next live, public page in tree order
    (shown in menus or not), either None at the ends; None when its parent is no section."""
    return read_next(page)[1]


def guides_for(condition):
    """The live, public product guides a condition page links, in the editor's order."""
    guides = apps.get_model("products", "ProductGuidePage")
    if condition.pk is None:
        # The preview of a page not saved yet: its links are in memory only.
        ids = [link.guide_id for link in condition.guide_links.all() if link.guide_id]
        found = readable(guides).for_listing().in_bulk(ids)
        return [found[pk] for pk in dict.fromkeys(ids) if pk in found]
    # Fixed SQL, as READ_NEXT_SQL and for the same reason. A guide linked twice comes back
    # twice: keep its first place.
    return list(dict.fromkeys(guides.objects.raw(GUIDES_FOR_SQL, [condition.pk])))


def conditions_for(guide):
    """The live, public condition pages linking a product guide, by title."""
    if guide.pk is None:  # the preview of a guide not saved yet: nothing links it
        return []
    conditions = readable(apps.get_model("articles", "ConditionPage"))
    linking = conditions.filter(guide_links__guide=guide).distinct()
    return list(linking.order_by("title").for_listing())

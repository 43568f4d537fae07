"""Each content page ends with what to read next: up to four related pages (the editor's picks,
then shared tags, then the section), a condition's product guides and a guide's conditions,
and the previous and next page of its section."""

import re
from datetime import timedelta

import pytest

from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from articles.models import ConditionGuide
from articles.related import read_next
from demo.generator import generate
from healthsite.models import ContentPage, PageTag, RelatedPage
from tests.conftest import page_at
from tests.site_pages import (
    ARTHRITIS,
    BACK_PAIN_WHILE_SLEEPING,
    BURSITIS,
    CHAIRS,
    CHRONIC_BACK_PAIN,
    GOOD_POSTURE,
    HIP_PAIN,
    LOWER_BACK_PAIN,
    MANAGEMENT_REMEDIES,
    MATTRESSES,
    MIDDLE_BACK_PAIN,
    MUSCLE_SPASMS,
    NECK_PAIN,
    PILATES_EXERCISES,
    SCIATICA,
    SHOES,
    SPINE_ANATOMY,
    UPPER_BACK_PAIN,
)

pytestmark = pytest.mark.django_db


def related_block(html):
    """The related pages of a page's HTML, where the markup contract puts them."""
    main = html.split('<main id="main"')[1].split("</main>")[0]
    return main.split('<aside class="related"')[1].split("</aside>")[0]


def related(client, path):
    """The URLs of the related pages listed at the end of the page at `path`, in order."""
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    if '<aside class="related"' not in html:
        return []
    cards = related_block(html).split('class="related__group"')[0]
    return re.findall(r'<h3 class="card__title"><a href="([^"]+)"', cards)


def linked_under(client, path, heading):
    """The URLs listed under `heading` among the related links of the page at `path`."""
    aside = related_block(client.get(path).content.decode())
    if heading not in aside:
        return []
    group = aside.split(heading)[1].split("</section>")[0]
    return re.findall(r'class="card__title"><a href="([^"]+)"', group)


def pager(client, path):
    """{"prev"/"next": URL} of the pager at the end of the page at `path`, with its label."""
    html = client.get(path).content.decode()
    if 'class="pager"' not in html:
        return None, {}
    nav = html.split('<nav class="pager"')[1].split("</nav>")[0]
    label = re.search(r'aria-label="([^"]+)"', nav)[1]
    return label, {rel: url for url, rel in re.findall(r'href="([^"]+)" rel="(prev|next)"', nav)}


def set_references(path, picks=(), tags=()):
    """Publish the page at `path` with these picks (URL paths, in order) and tags, as an
    editor would. The picks are numbered as the admin numbers them but created last first,
    so that the order shown can only come from the numbers."""
    page = page_at(path)
    page.related_picks = [
        RelatedPage(target=page_at(target), sort_order=number)
        for number, target in reversed(list(enumerate(picks)))
    ]
    page.tags.set(list(tags))
    page.save_revision().publish()
    return page


def tag(path, *names):
    page = page_at(path)
    page.tags.add(*names)
    page.save_revision().publish()


def siblings_of(path):
    return {page.url for page in page_at(path).get_siblings(inclusive=False)}


def test_related_pages_end_the_page_inside_main(client):
    html = client.get(SCIATICA.url).content.decode()
    main = html.split('<main id="main"')[1].split("</main>")[0]
    assert main.index("</article>") < main.index(
        '<aside class="related" aria-labelledby="related-heading">'
    )
    assert '<h2 id="related-heading" class="related__heading">Related pages</h2>' in main
    card = related_block(html).split("<li>")[1]
    assert re.search(r'<p class="card__type">\w[\w ]*</p>', card)
    assert 'class="card__summary"' in card


def test_picks_come_first_in_the_editors_order(client):
    picks = [
        PILATES_EXERCISES.url,
        SPINE_ANATOMY.url,
        HIP_PAIN.url,
    ]
    set_references(SCIATICA.url, picks=picks)
    shown = related(client, SCIATICA.url)
    assert shown[:3] == picks
    assert len(shown) == 4

    set_references(SCIATICA.url, picks=picks[::-1])
    assert related(client, SCIATICA.url)[:3] == picks[::-1]


def test_then_pages_sharing_the_most_tags_newest_first_among_equals(client):
    set_references(SCIATICA.url, tags=["related-a", "related-b", "related-c"])
    tag(HIP_PAIN.url, "related-a")
    tag(GOOD_POSTURE.url, "related-a", "related-b", "related-c")
    tag(MANAGEMENT_REMEDIES.url, "related-a")
    tag(SHOES.url, "related-b", "related-c")
    now = timezone.now()
    ContentPage.objects.filter(pk=page_at(HIP_PAIN.url).pk).update(
        last_updated=now - timedelta(days=300)
    )
    ContentPage.objects.filter(pk=page_at(MANAGEMENT_REMEDIES.url).pk).update(
        last_updated=now - timedelta(days=3)
    )

    assert related(client, SCIATICA.url) == [
        GOOD_POSTURE.url,  # three tags in common
        SHOES.url,  # two
        MANAGEMENT_REMEDIES.url,  # one, updated more recently than hip pain
        HIP_PAIN.url,
    ]


def test_picks_then_tags_then_the_section_newest_first(client):
    set_references(SCIATICA.url, picks=[PILATES_EXERCISES.url], tags=["related-only-here"])
    tag(HIP_PAIN.url, "related-only-here")
    newest = page_at(BURSITIS.url)
    ContentPage.objects.filter(pk=newest.pk).update(last_updated=timezone.now())

    shown = related(client, SCIATICA.url)
    assert shown[:3] == [PILATES_EXERCISES.url, HIP_PAIN.url, newest.url]
    assert len(shown) == 4
    assert shown[3] in siblings_of(SCIATICA.url)
    updated = {page.url: page.last_updated for page in ContentPage.objects.all()}
    assert updated[shown[2]] >= updated[shown[3]]


def test_a_page_with_no_picks_or_tags_shows_its_section_newest_first(client):
    set_references(SCIATICA.url)
    shown = related(client, SCIATICA.url)
    assert len(shown) == 4
    assert set(shown) <= siblings_of(SCIATICA.url)
    updated = {page.url: page.last_updated for page in ContentPage.objects.all()}
    assert [updated[url] for url in shown] == sorted((updated[url] for url in shown), reverse=True)


def test_never_the_page_itself_nor_an_unpublished_or_private_page(client):
    unpublished = page_at(SPINE_ANATOMY.url)
    private = page_at(HIP_PAIN.url)
    set_references(
        SCIATICA.url,
        picks=[SCIATICA.url, unpublished.url, private.url, PILATES_EXERCISES.url],
        tags=["related-shared"],
    )
    unpublished.unpublish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    # Pages of the same tag and section that must not show either.
    tag(private.url, "related-shared")
    hidden_sibling = page_at(ARTHRITIS.url)
    ContentPage.objects.filter(pk=hidden_sibling.pk).update(last_updated=timezone.now())
    PageViewRestriction.objects.create(
        page=hidden_sibling, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    draft_sibling = page_at(BURSITIS.url)
    draft_sibling.unpublish()

    shown = related(client, SCIATICA.url)
    assert shown[0] == PILATES_EXERCISES.url
    assert len(shown) == 4 and len(set(shown)) == 4
    for never in (
        SCIATICA.url,
        unpublished.url,
        private.url,
        hidden_sibling.url,
        draft_sibling.url,
    ):
        assert never not in shown


def test_at_most_four_related_pages(client):
    picks = [
        PILATES_EXERCISES.url,
        SPINE_ANATOMY.url,
        HIP_PAIN.url,
        MANAGEMENT_REMEDIES.url,
        GOOD_POSTURE.url,
    ]
    set_references(SCIATICA.url, picks=picks, tags=["related-many"])
    tag(NECK_PAIN.url, "related-many")
    assert related(client, SCIATICA.url) == picks[:4]


def test_a_pick_to_a_page_that_gets_unpublished_disappears(client):
    gone = page_at(SPINE_ANATOMY.url)
    set_references(SCIATICA.url, picks=[gone.url, PILATES_EXERCISES.url])
    assert related(client, SCIATICA.url)[:2] == [gone.url, PILATES_EXERCISES.url]

    gone.unpublish()
    shown = related(client, SCIATICA.url)
    assert shown[0] == PILATES_EXERCISES.url
    assert len(shown) == 4
    html = client.get(SCIATICA.url).content.decode()
    assert f'href="{gone.url}"' not in html
    for url in shown:
        assert client.get(url).status_code == 200


def test_conditions_and_product_guides_link_each_other(client):
    condition = page_at(SCIATICA.url)
    condition.guide_links = [
        ConditionGuide(guide=page_at(MATTRESSES.url), sort_order=1),
        ConditionGuide(guide=page_at(CHAIRS.url), sort_order=0),
    ]
    condition.save_revision().publish()

    guides = "Product guides that may help"
    assert linked_under(client, SCIATICA.url, guides) == [
        CHAIRS.url,
        MATTRESSES.url,
    ]
    conditions = "Conditions this can help with"
    assert SCIATICA.url in linked_under(client, CHAIRS.url, conditions)
    assert SCIATICA.url in linked_under(client, MATTRESSES.url, conditions)
    assert SCIATICA.url not in linked_under(client, SHOES.url, conditions)

    page_at(MATTRESSES.url).unpublish()
    assert linked_under(client, SCIATICA.url, guides) == [CHAIRS.url]
    private = PageViewRestriction.objects.create(
        page=page_at(CHAIRS.url), restriction_type=PageViewRestriction.LOGIN
    )
    assert linked_under(client, SCIATICA.url, guides) == []
    private.delete()
    condition.unpublish()
    assert SCIATICA.url not in linked_under(client, CHAIRS.url, conditions)


def test_a_linked_guide_is_listed_once_under_the_guides(client):
    chairs = CHAIRS.url
    page = set_references(SCIATICA.url, picks=[chairs, PILATES_EXERCISES.url])
    page.guide_links = [
        ConditionGuide(guide=page_at(chairs)),
        ConditionGuide(guide=page_at(chairs)),
    ]
    page.save_revision().publish()
    assert chairs not in related(client, SCIATICA.url)
    assert linked_under(client, SCIATICA.url, "Product guides that may help") == [chairs]


def test_previous_and_next_follow_the_tree_within_a_section(client):
    label, links = pager(client, MIDDLE_BACK_PAIN.url)
    assert label == "More in Back Pain Types"
    assert links == {
        "prev": UPPER_BACK_PAIN.url,
        "next": CHRONIC_BACK_PAIN.url,
    }
    # The ends have one side only.
    assert pager(client, LOWER_BACK_PAIN.url)[1] == {"next": UPPER_BACK_PAIN.url}
    assert pager(client, BACK_PAIN_WHILE_SLEEPING.url)[1] == {"prev": MUSCLE_SPASMS.url}
    # Out of the menu still counts; unpublished does not; moving a page moves it in the pager.
    chronic = page_at(CHRONIC_BACK_PAIN.url)
    ContentPage.objects.filter(pk=chronic.pk).update(show_in_menus=False)
    assert pager(client, MIDDLE_BACK_PAIN.url)[1]["next"] == chronic.url
    chronic.unpublish()
    assert pager(client, MIDDLE_BACK_PAIN.url)[1]["next"] == (NECK_PAIN.url)
    page_at(HIP_PAIN.url).move(page_at(LOWER_BACK_PAIN.url), "left")
    assert pager(client, LOWER_BACK_PAIN.url)[1] == {
        "prev": HIP_PAIN.url,
        "next": UPPER_BACK_PAIN.url,
    }


def test_no_pager_outside_a_section(client):
    assert pager(client, PILATES_EXERCISES.url) == (None, {})


def test_related_links_cost_the_same_queries_whatever_the_number_of_pages(client):
    shared = ["related-scale-a", "related-scale-b"]
    set_references(SCIATICA.url, picks=[PILATES_EXERCISES.url], tags=shared)
    tag(HIP_PAIN.url, *shared)

    def queries():
        client.get(SCIATICA.url)  # caches (site root paths, content types) warm
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SCIATICA.url).status_code == 200
        return len(captured.captured_queries)

    at_demo_size = queries()
    before = related(client, SCIATICA.url)

    generate(600, log=lambda message: None)
    # Every fifth generated page shares the tags, in the page's section and elsewhere.
    generated = ContentPage.objects.filter(owner__username="content-generator").order_by("pk")
    tagged = list(generated[::5])
    tags = list(page_at(SCIATICA.url).tags.all())
    PageTag.objects.bulk_create(
        PageTag(content_object=page, tag=shared_tag) for page in tagged for shared_tag in tags
    )
    section = page_at(SCIATICA.url).get_parent()
    assert generated.child_of(section).count() >= 50
    assert generated.child_of(section).filter(tagged_items__isnull=False).exists()

    assert queries() == at_demo_size
    after = related(client, SCIATICA.url)
    assert after[0] == PILATES_EXERCISES.url
    assert after != before  # the generated pages took part
    assert set(after[1:]) & {page.url for page in tagged}


def test_a_large_section_ranks_the_same_by_sql_as_through_the_orm(monkeypatch):
    """The fixed SQL reads only a section's newest pages and the two beside the page, where
    the ORM reads them all: in a section of many pages, with a private page among the newest
    and an old one sharing a tag, both find the same pages and pager on every page."""
    generate(200, log=lambda message: None)
    page = page_at(MUSCLE_SPASMS.url)
    in_section = ContentPage.objects.child_of(page.get_parent()).live()
    assert in_section.count() > 3 * 4  # several times the related pages shown
    newest = in_section.order_by("-last_updated", "-pk")
    PageViewRestriction.objects.create(
        page=newest.first(), restriction_type=PageViewRestriction.LOGIN
    )
    oldest = in_section.exclude(pk=page.pk).order_by("last_updated", "pk").first()
    set_references(MUSCLE_SPASMS.url, tags=["large-section"])  # no picks; one tag, shared by
    tag(oldest.url, "large-section")  # the section's oldest page only

    def found(page):
        related, pager = read_next(page)
        return [p.pk for p in related], pager and (pager.previous, pager.next)

    pages = list(in_section.specific())
    by_sql = [found(page) for page in pages]
    monkeypatch.setattr("articles.related.saved_relations", lambda page: False)
    assert [found(page) for page in pages] == by_sql
    assert by_sql[pages.index(page)][0][0] == oldest.pk
    assert all(newest.first().pk not in related for related, _ in by_sql)


def test_related_links_take_two_queries(rf, django_assert_num_queries):
    """The pages found from picks, tags and section, with the pager; the guides."""
    page = set_references(SCIATICA.url, picks=[PILATES_EXERCISES.url], tags=["related-count"])
    tag(HIP_PAIN.url, "related-count")
    template = engines["django"].from_string("{% load related_tags %}{% related_links page %}")
    context = {"page": page_at(SCIATICA.url), "request": rf.get(SCIATICA.url)}
    template.render(context)  # the request's site, found once per request
    with django_assert_num_queries(2):
        html = template.render(context)
    assert html.count('class="card__title"') == 4 + len(page.guide_links.all())


def test_a_preview_shows_the_drafts_picks_and_tags():
    """A preview's picks and tags are in memory, not saved: they are what it shows."""
    saved = page_at(SCIATICA.url)
    draft = page_at(SCIATICA.url)
    draft.related_picks = [RelatedPage(target=page_at(SHOES.url), sort_order=0)]
    draft.tags.set(["preview-only"])
    tag(HIP_PAIN.url, "preview-only")
    shown = [page.url for page in read_next(draft)[0]]
    assert shown[:2] == [SHOES.url, HIP_PAIN.url]
    assert SHOES.url not in [page.url for page in read_next(saved)[0]]


def test_saved_pages_and_previews_find_the_same_pages(monkeypatch):
    """A saved page's related pages come from fixed SQL, a preview's from the ORM: the same
    rules, on every page, with picks made twice or in code (no number), shared tags and a
    private page among the candidates."""
    set_references(SCIATICA.url, picks=[HIP_PAIN.url, SHOES.url, HIP_PAIN.url], tags=["same"])
    page = page_at(LOWER_BACK_PAIN.url)
    RelatedPage.objects.create(page=page, target=page_at(CHAIRS.url))
    RelatedPage.objects.create(page=page, target=page_at(MATTRESSES.url), sort_order=0)
    for path in (HIP_PAIN.url, GOOD_POSTURE.url, UPPER_BACK_PAIN.url):
        tag(path, "same")
    PageViewRestriction.objects.create(
        page=page_at(UPPER_BACK_PAIN.url), restriction_type=PageViewRestriction.LOGIN
    )

    def found(page):
        related, pager = read_next(page)
        return [p.pk for p in related], pager and (pager.previous, pager.next)

    pages = list(ContentPage.objects.live().specific())
    by_sql = [found(page) for page in pages]
    monkeypatch.setattr("articles.related.saved_relations", lambda page: False)
    assert [found(page) for page in pages] == by_sql
    assert any(related for related, _ in by_sql)
    assert any(pager and all(pager) for _, pager in by_sql)

"""`/search/` finds live pages, explains itself, and answers any input sensibly."""

import pytest

from django.utils.html import escape

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from search.models import Synonym
from tests.conftest import page_at
from tests.site_pages import (
    BURSITIS,
    CHAIRS,
    HIP_PAIN,
    PILATES_EXERCISES,
    SCIATICA,
    SPECIFIC_BACK_PAIN,
)

pytestmark = pytest.mark.django_db


def hits(client, query, **params):
    """The links of the search results, in order."""
    html = client.get("/search/", {"q": query, **params}, follow=True).content.decode()
    if '<ol class="search-results"' not in html:
        return []
    results = html.split('<ol class="search-results"')[1].split("</ol>")[0]
    return [part.split('"')[0] for part in results.split('<a href="')[1:]]


def test_search_finds_a_condition(client):
    assert SCIATICA.url in hits(client, "sciatica")


def test_each_hit_shows_its_type_section_and_an_excerpt_with_the_words_marked(client):
    html = client.get("/search/", {"q": "sciatica"}).content.decode()
    hit = html.split('<ol class="search-results"')[1].split("</li>")[0]
    assert ">Sciatica</a>" in hit
    assert "Condition in Specific Back Pain" in hit
    assert "<mark>Sciatica</mark>" in hit


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("wedge-shaped seat cushion", CHAIRS.url),  # a product's name
        ("cauda equina", SCIATICA.url),  # a condition page's section
    ],
)
def test_every_part_of_a_page_is_searchable(client, query, page):
    assert page in hits(client, query)


def test_tags_and_authors_are_searchable(client):
    page = page_at(HIP_PAIN.url)
    page.tags.add("trochanter")
    page.save_revision().publish()
    assert hits(client, "trochanter") == [HIP_PAIN.url]
    # Guides never name their author in their text: only the author field can match.
    assert CHAIRS.url in hits(client, "Alex Morgan", type="product")


def found(client, query, label="All", **params):
    """The number of pages the search page says it found (of the type `label` names)."""
    html = client.get("/search/", {"q": query, **params}, follow=True).content.decode()
    return int(html.split(f">{label} (")[1].split(")")[0]) if f">{label} (" in html else 0


def test_draft_and_private_pages_are_neither_found_nor_counted(client):
    before = found(client, "sciatica"), found(client, "sciatica", type="condition")
    page_at(SCIATICA.url).unpublish()
    assert SCIATICA.url not in hits(client, "sciatica")
    assert SCIATICA.url not in hits(client, "sciatica", type="condition")
    assert (found(client, "sciatica"), found(client, "sciatica", type="condition")) == (
        before[0] - 1,
        before[1] - 1,
    )

    section = page_at(SPECIFIC_BACK_PAIN.url)
    private = section.get_descendants(inclusive=True).live().search("whiplash").count()
    before = found(client, "whiplash")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    assert not [hit for hit in hits(client, "whiplash") if hit.startswith(SPECIFIC_BACK_PAIN.url)]
    assert found(client, "whiplash") == before - private > 0


def test_an_empty_query_shows_the_search_page(client):
    response = client.get("/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "search-results" not in html and 'href="/a-z/"' in html


def test_results_come_ten_to_a_page(client):
    first = hits(client, "back")
    second = hits(client, "back", page=2)
    assert len(first) == 10 and second and not set(first) & set(second)


@pytest.mark.parametrize(("kind", "label"), [("", "All"), ("condition", "Conditions")])
def test_paging_through_the_results_shows_every_page_found_once(client, kind, label):
    total = found(client, "back", label)
    shown = []
    for number in range(1, total // 10 + 2):
        shown += hits(client, "back", page=number, type=kind)
    assert len(shown) == len(set(shown)) == total > 10


def test_the_query_stays_in_the_box(client):
    html = client.get("/search/", {"q": "neck <b>pain</b>"}).content.decode()
    assert 'value="neck &lt;b&gt;pain&lt;/b&gt;"' in html
    assert "<b>pain</b>" not in html


def test_nothing_found_says_so_and_lists_the_sections(client):
    html = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "No pages found for “xylophone”" in html
    assert '<a href="/back-pain-types/">Back Pain Types</a>' in html.split("<main")[1]


def test_a_misspelling_gets_a_suggestion(client):
    html = client.get("/search/", {"q": "sciatca"}).content.decode()
    assert "Did you mean" in html and "q=sciatica" in html


def test_synonyms_editors_add_apply_at_once(client):
    assert hits(client, "trochanteritis") == []
    Synonym.objects.create(term="trochanteritis", page=page_at(BURSITIS.url))
    html = client.get("/search/", {"q": "trochanteritis"}).content.decode()
    assert hits(client, "trochanteritis")[0] == BURSITIS.url
    assert "what many people call bursitis" in html


def test_promoted_results_come_first_marked_as_recommended(client):
    query = Query.get("posture")
    SearchPromotion.objects.create(
        query=query, page=page_at(PILATES_EXERCISES.url), description="Strength for posture."
    )
    html = client.get("/search/", {"q": "Posture"}).content.decode()
    assert hits(client, "Posture")[0] == PILATES_EXERCISES.url
    first = html.split('<ol class="search-results"')[1].split("</li>")[0]
    assert "Recommended" in first and "Strength for posture." in first
    assert hits(client, "posture").count(PILATES_EXERCISES.url) == 1


def test_a_page_promoted_twice_shows_once_with_its_summary_when_undescribed(client):
    query = Query.get("posture")
    page = page_at(PILATES_EXERCISES.url)
    for _ in range(2):
        SearchPromotion.objects.create(query=query, page=page, description="")
    html = client.get("/search/", {"q": "posture"}).content.decode()
    results = html.split('<ol class="search-results"')[1]
    assert results.count('href="/pilates-exercises/"') == 1
    first = results.split("</li>")[0]
    assert escape(page.summary) in first


@pytest.mark.parametrize(
    "query",
    [
        '"sciatica',
        "a & b | !c",
        "back:pain*",
        "(x) <script>alert(1)</script>",
        "\\",
        "-spasm",
        "' OR 1=1 --",
        "'; DROP TABLE wagtailcore_page; --",
        "Data-X.2",
        "x" * 5000,
        "pain\x00\x01\x0b\x1b",
        "😀 back",
        "ألم الظهر",
        "   ",
        "&|!:*()<>\\",
        " ".join(["back"] * 300),
    ],
)
def test_odd_input_never_breaks_search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert Page.objects.filter(slug="home").exists()


def test_a_long_query_is_shortened_and_says_so(client):
    html = client.get("/search/", {"q": "back " * 50}).content.decode()
    assert "we used its first 20 words" in html


def test_invalid_percent_encoding_answers_sensibly(client):
    assert client.get("/search/?q=%E0%A4%A&page=%ZZ", follow=True).status_code == 200


@pytest.mark.parametrize(
    ("page", "canonical"),
    [("-1", ""), ("abc", ""), ("0", ""), ("1e9", ""), ("", ""), ("1", ""), ("02", "&page=2")],
)
def test_odd_page_numbers_redirect_to_the_canonical_address(client, page, canonical):
    response = client.get("/search/", {"q": "back", "page": page, "utm_source": "x"})
    assert response.status_code == 301
    assert response["Location"] == f"/search/?q=back{canonical}"
    assert hits(client, "back", page=page)


def test_a_page_number_past_the_last_page_is_not_found(client):
    assert client.get("/search/", {"q": "back", "page": "99999"}).status_code == 404


@pytest.mark.parametrize("kind", ["condition", "article", "product", "nonsense", ""])
def test_type_filters_answer_sensibly(client, kind):
    assert client.get("/search/", {"q": "back", "type": kind}, follow=True).status_code == 200

"""Lay terms editors tick as search synonyms serve search both ways: a search for the medical
word finds pages written in everyday words, and the other way round."""

import pytest

from articles.models import ArticlePage
from editorial.models import LayTerm
from tests.conftest import page_at
from tests.search.test_search import hits
from tests.site_pages import BACK_PAIN_OVERVIEW

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


@pytest.fixture
def pages():
    """One page in medical words, one in everyday words (made-up words: nothing else on the
    site has them)."""
    parent = page_at(BACK_PAIN_OVERVIEW.url)
    made = {}
    for slug, words in [("medical", "xylomyalgia"), ("everyday", "zorbic ache")]:
        page = parent.add_child(
            instance=ArticlePage(
                title=f"About {slug} words",
                slug=f"about-{slug}-words",
                summary="A page for the test.",
                body=[("paragraph", f"<p>Some people have {words} in the morning.</p>")],
            )
        )
        page.save_revision().publish()
        made[slug] = f"/back-pain-overview/about-{slug}-words/"
    return made


def test_a_ticked_lay_term_finds_pages_in_either_words(client, pages):
    LayTerm.objects.create(term="xylomyalgia", everyday="zorbic ache", search_synonym=True)
    assert set(hits(client, "xylomyalgia")) == {pages["medical"], pages["everyday"]}
    assert set(hits(client, "zorbic ache")) == {pages["medical"], pages["everyday"]}
    # With other words too: every word still counts.
    assert set(hits(client, "morning xylomyalgia")) == {pages["medical"], pages["everyday"]}


def test_an_unticked_lay_term_only_suggests_words_to_editors(client, pages):
    LayTerm.objects.create(term="xylomyalgia", everyday="zorbic ache", search_synonym=False)
    assert hits(client, "xylomyalgia") == [pages["medical"]]
    assert hits(client, "zorbic ache") == [pages["everyday"]]


def test_ticking_a_lay_term_applies_at_once(client, pages):
    term = LayTerm.objects.create(term="xylomyalgia", everyday="zorbic ache")
    assert hits(client, "xylomyalgia") == [pages["medical"]]
    term.search_synonym = True
    term.save()
    assert set(hits(client, "xylomyalgia")) == {pages["medical"], pages["everyday"]}

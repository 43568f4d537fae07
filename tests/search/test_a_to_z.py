"""Conditions A–Z: every condition page and readers' own words for them, by letter."""

import pytest

from search.models import Synonym
from tests.conftest import page_at
from tests.site_pages import A_TO_Z, BURSITIS, HERNIATED_DISC

pytestmark = pytest.mark.django_db


def entries(client):
    html = client.get(A_TO_Z.url).content.decode()
    return html.split("<main")[1].split("</main>")[0]


def test_every_condition_is_listed_alphabetically_under_its_letter(client):
    html = entries(client)
    for name in ("Sciatica", "Muscle Spasms", "Spinal Stenosis", "Whiplash", "Back Arthritis"):
        assert f">{name}</a>" in html
    assert (
        html.index('id="letter-b"') < html.index(">Back Arthritis<") < html.index('id="letter-c"')
    )
    order = [f'<li><a href="/specific-back-pain/{slug}/">' for slug in ("sciatica", "scoliosis")]
    assert html.index(order[0]) < html.index(order[1])
    # Articles appear only where a reader's word leads to them.
    assert '<li><a href="/back-pain-overview/good-posture/">' not in html
    assert 'Slouching: see <a href="/back-pain-overview/good-posture/">' in html


def test_lay_names_point_to_their_page(client):
    html = entries(client)
    assert (
        'Slipped disc: see <a href="/specific-back-pain/herniated-disc/">Herniated Disc</a>' in html
    )
    assert 'Lumbago: see <a href="/back-pain-types/lower-back-pain/">Lower Back Pain</a>' in html


def test_unpublished_pages_leave_the_list(client):
    page_at(HERNIATED_DISC.url).unpublish()
    html = entries(client)
    assert "Herniated Disc" not in html and "Slipped disc" not in html


def test_a_new_synonym_appears(client):
    Synonym.objects.create(term="housemaid's knee", page=page_at(BURSITIS.url))
    assert "Housemaid&#x27;s knee: see" in entries(client)


def test_linked_from_the_navigation_and_the_search_page(client):
    assert 'href="/a-z/"' in client.get("/").content.decode().split('aria-label="Main"')[1]
    assert 'href="/a-z/"' in client.get("/search/", {"q": "x"}).content.decode()

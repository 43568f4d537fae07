"""The demo content reproduces the whole publication, well written, and loads idempotently."""

import re

import pytest

from wagtail.models import Page, Revision

from articles.models import ConditionPage
from demo.loader import DemoLoader, site_map
from healthsite.models import ContentPage
from products.models import ProductGuidePage
from tests.conftest import page_at
from tests.site_pages import CHAIRS, CONTACT, MUSCLE_SPASMS, SCIATICA, SPINAL_STENOSIS

pytestmark = pytest.mark.django_db
COMPLETE_CONDITIONS = [
    MUSCLE_SPASMS.url,
    SCIATICA.url,
    SPINAL_STENOSIS.url,
]


def words_on(client, path):
    """The words of the page's own content: <main> without the breadcrumbs."""
    html = client.get(path).content.decode()
    main = html.split("<main", 1)[1].split("</main>")[0]
    main = re.sub(r'<nav class="breadcrumbs".*?</nav>', "", main, flags=re.S)
    return len(re.sub(r"<[^>]+>", " ", main).split())


def test_every_page_of_the_site_map_exists_with_its_type():
    for path, model in site_map():
        assert type(page_at(path)) is model, path


def test_a_second_load_changes_nothing():
    pages, revisions = Page.objects.count(), Revision.objects.count()
    latest = Page.objects.order_by("-latest_revision_created_at").first().latest_revision_id
    assert DemoLoader(log=lambda message: None).run() == []
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert Page.objects.order_by("-latest_revision_created_at").first().latest_revision_id == latest


@pytest.mark.parametrize("path", [path for path, _model in site_map()])
def test_every_page_has_at_least_150_words_of_its_own(client, path):
    assert words_on(client, path) >= 150


@pytest.mark.parametrize("path", COMPLETE_CONDITIONS)
def test_flagship_condition_pages_are_complete(client, path):
    page = page_at(path)
    assert [field for field, _ in ConditionPage.SECTIONS if not getattr(page, field)] == []
    assert words_on(client, path) >= 600
    urgencies = {
        block.value["urgency"] for block in page.seek_help if block.block_type == "red_flag"
    }
    assert "emergency" in urgencies


def test_every_condition_page_says_when_to_seek_help():
    for page in ConditionPage.objects.all():
        assert any(block.block_type == "red_flag" for block in page.seek_help), page.title


@pytest.mark.parametrize("slug", ["chairs", "mattresses", "shoes"])
def test_product_guides_recommend_at_least_three_products(slug):
    guide = ProductGuidePage.objects.get(slug=slug)
    products = guide.products.all()
    assert len(products) >= 3
    for product in products:
        assert product.why_it_helps and product.pros_list and product.cons_list


def test_publication_dates_spread_over_the_years():
    years = {page.first_published_at.year for page in ContentPage.objects.live()}
    assert len(years) >= 8


def test_internal_links_point_at_pages():
    body = page_at(MUSCLE_SPASMS.url).causes.raw_data
    assert 'linktype="page"' in str(body)


def test_pages_have_drawn_hero_images_with_alt_text(client):
    page = page_at(CHAIRS.url)
    assert page.hero_image and page.hero_alt
    html = client.get(page.url).content.decode()
    assert f'alt="{page.hero_alt}"' in html
    assert "<picture>" in html and 'type="image/webp"' in html


def test_the_contact_page_has_its_form(client):
    html = client.get(CONTACT.url).content.decode()
    assert '<form class="form"' in html and 'name="your_message"' in html

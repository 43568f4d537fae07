"""What a rich-results checker and a share box read of every type of page, parsed by extruct
(the structured-data extractor many crawlers use): JSON-LD that parses, whose every `@id`
resolves, products with the author's review and nothing invented; Open Graph and Twitter
cards everywhere, with a picture."""

import extruct
import pytest
from bs4 import BeautifulSoup

from healthsite.models import ContentPage
from tests.conftest import page_at
from tests.seo.test_findability import sitemap
from tests.site_pages import (
    A_TO_Z,
    ABOUT,
    BACK_PAIN_TYPES,
    CHAIRS,
    CONTACT,
    MATTRESSES,
    NEWSLETTER,
    PILATES_EXERCISES,
    SCIATICA,
    SUBSCRIBE,
    TELL_YOUR_STORY,
    WHATS_NEW,
    WHIPLASH,
)

pytestmark = pytest.mark.django_db
ROOT = "http://testserver"

# One page of each type readers see, and the schema.org type it is described as.
PAGES = {
    "/": "WebPage",
    BACK_PAIN_TYPES.url: "WebPage",
    SCIATICA.url: "MedicalWebPage",
    PILATES_EXERCISES.url: "MedicalWebPage",
    CHAIRS.url: "MedicalWebPage",
    ABOUT.url: "WebPage",
    CONTACT.url: "WebPage",
    TELL_YOUR_STORY.url: "WebPage",
    "/back-pain-overview/tell-your-story/back-to-the-allotment/": "WebPage",
    WHATS_NEW.url: "WebPage",
    SUBSCRIBE.url: "WebPage",
    NEWSLETTER.url: "WebPage",
    A_TO_Z.url: "WebPage",
    "/people/": "WebPage",
    "/people/dr-sam-okafor/": "ProfilePage",
}
# Pages with share cards but no JSON-LD of their own.
CARDS_ONLY = ["/site-map/"]


def extract(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return extruct.extract(
        response.content.decode(),
        base_url=ROOT + path,
        syntaxes=["json-ld", "opengraph"],
    )


def graph(client, path):
    scripts = extract(client, path)["json-ld"]
    assert len(scripts) == 1, path
    assert scripts[0]["@context"] == "https://schema.org"
    return scripts[0]["@graph"]


def walk(value):
    """Every dict inside `value`, nested ones included."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from walk(child)


def card(client, path):
    """{property: content} of the Open Graph and Twitter tags, as extruct and a share box
    read them."""
    data = extract(client, path)["opengraph"]
    assert len(data) == 1, path
    tags = dict(data[0]["properties"])
    head = BeautifulSoup(client.get(path).content, "html.parser").head
    for name in ("twitter:card", "twitter:title", "twitter:description", "twitter:image"):
        tag = head.find("meta", attrs={"name": name})
        assert tag is not None, (path, name)
        tags[name] = tag["content"]
    return tags


@pytest.mark.parametrize(("path", "page_type"), PAGES.items())
def test_every_page_types_json_ld_parses_and_every_id_resolves(client, path, page_type):
    nodes = graph(client, path)
    defined = {node["@id"] for node in walk(nodes) if "@id" in node and len(node) > 1}
    referenced = {node["@id"] for node in walk(nodes) if set(node) == {"@id"}}
    for ref in referenced:
        # Within the page's own graph, or a full URL of a page that describes it.
        assert ref in defined or ref.startswith(f"{ROOT}/people/"), (path, ref)
    assert {f"{ROOT}/#website", f"{ROOT}/#organization"} <= defined
    page = next(node for node in nodes if node.get("@id") == f"{ROOT}{path}#webpage")
    assert page["@type"] == page_type
    assert page["url"] == f"{ROOT}{path}"


def test_the_organization_has_a_logo_served_by_the_site(client):
    organization = next(node for node in graph(client, "/") if node["@type"] == "Organization")
    logo = organization["logo"]
    assert logo["url"].startswith(f"{ROOT}/static/") and logo["width"] >= 112
    assert client.get(logo["url"].removeprefix(ROOT)).status_code == 200


def test_a_persons_id_is_their_profile_which_describes_them(client):
    condition = next(node for node in graph(client, SCIATICA.url) if "reviewedBy" in node)
    reviewer = condition["reviewedBy"]
    assert reviewer["@id"] == f"{ROOT}/people/dr-sam-okafor/#person"
    profile = next(
        node for node in graph(client, "/people/dr-sam-okafor/") if node["@type"] == "ProfilePage"
    )
    assert profile["mainEntity"]["@id"] == reviewer["@id"]
    assert profile["mainEntity"]["@type"] == "Person"
    assert profile["mainEntity"]["name"] == "Dr Sam Okafor"


def test_each_product_carries_its_guides_authors_review_with_the_pros_and_cons(client):
    guide = page_at(CHAIRS.url)
    nodes = graph(client, CHAIRS.url)
    products = [node for node in walk(nodes) if node.get("@type") == "Product"]
    assert [product["name"] for product in products] == [p.name for p in guide.products.all()]
    for product, recommended in zip(products, guide.products.all(), strict=True):
        review = product["review"]
        assert review["@type"] == "Review"
        assert review["author"]["name"] == guide.author.name
        assert review["author"]["@id"] == f"{ROOT}{guide.author.get_absolute_url()}#person"
        assert review["reviewBody"] == recommended.why_it_helps
        pros = [item["name"] for item in review["positiveNotes"]["itemListElement"]]
        cons = [item["name"] for item in review["negativeNotes"]["itemListElement"]]
        assert pros == recommended.pros_list and cons == recommended.cons_list
        # Pros and cons count only inside the review: not on the product itself.
        assert not {"positiveNotes", "negativeNotes"} & set(product)
    invented = {"aggregateRating", "offers", "reviewRating", "ratingValue", "price"}
    assert not [node for node in walk(nodes) if invented & set(node)]


def test_a_guide_without_an_author_lists_its_products_without_claiming_a_review(client):
    guide = page_at(MATTRESSES.url)
    guide.author = None
    guide.save_revision().publish()
    nodes = graph(client, MATTRESSES.url)
    assert not [node for node in walk(nodes) if node.get("@type") in ("Product", "Review")]
    listed = next(node for node in nodes if node["@type"] == "ItemList")
    assert [item["name"] for item in listed["itemListElement"]] == [
        product.name for product in guide.products.all()
    ]


@pytest.mark.parametrize("path", [*PAGES, *CARDS_ONLY])
def test_every_page_type_has_a_share_card_with_a_picture(client, path):
    tags = card(client, path)
    assert tags["og:url"] == f"{ROOT}{path}"
    assert tags["og:title"] and tags["og:description"] and tags["og:site_name"]
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:title"] == tags["og:title"]
    assert tags["og:image"].startswith(ROOT) and tags["twitter:image"] == tags["og:image"]
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert client.get(tags["og:image"].removeprefix(ROOT)).status_code == 200
    html = client.get(path).content.decode().split("</head>")[0]
    assert f'<link rel="canonical" href="{ROOT}{path}">' in html
    assert '<meta name="description" content="' in html


def test_a_page_without_its_own_picture_is_shared_with_the_sites(client):
    page = page_at(ABOUT.url)
    assert not page.hero_image
    image = card(client, ABOUT.url)["og:image"]
    assert image == f"{ROOT}/static/img/share.png"
    assert card(client, CHAIRS.url)["og:image"].startswith(f"{ROOT}/media/")


def test_a_profile_is_shared_as_a_profile_with_the_persons_description(client):
    tags = card(client, "/people/dr-sam-okafor/")
    assert tags["og:type"] == "profile" and tags["og:title"] == "Dr Sam Okafor"
    assert tags["og:description"].startswith("Dr Sam Okafor")


def test_articles_say_when_they_were_published_and_updated(client):
    page = page_at(SCIATICA.url)
    tags = card(client, SCIATICA.url)
    assert tags["og:type"] == "article"
    assert tags["article:published_time"] == page.first_published_at.isoformat()
    assert tags["article:modified_time"] == page.last_updated.isoformat()
    assert "article:published_time" not in card(client, ABOUT.url)


def test_the_sitemap_dates_whats_new_by_the_newest_page_it_lists(client):
    newest = ContentPage.objects.newest().first()
    urls = sitemap(client)
    assert urls[f"{ROOT}/whats-new/"] == f"{newest.last_updated:%Y-%m-%d}"
    assert urls[f"{ROOT}/"] == f"{newest.last_updated:%Y-%m-%d}"
    page = page_at(WHIPLASH.url)
    page.significant_update, page.change_note = True, "New advice on neck collars."
    page.save_revision().publish()
    page.refresh_from_db()
    urls = sitemap(client)
    assert (
        urls[f"{ROOT}/whats-new/"]
        == f"{page.last_updated:%Y-%m-%d}"
        > f"{newest.last_updated:%Y-%m-%d}"
    )


def test_the_sitemap_lists_the_people_and_the_site_map(client):
    urls = sitemap(client)
    assert {f"{ROOT}/people/", f"{ROOT}/site-map/", f"{ROOT}/people/dr-sam-okafor/"} <= set(urls)
    for url in urls:
        assert client.get(url.removeprefix(ROOT)).status_code == 200, url

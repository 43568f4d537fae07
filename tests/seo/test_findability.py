"""Search engines and social networks find every page, and see what it is: sitemap, robots.txt,
canonical and social tags, JSON-LD; old addresses keep working."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from demo.loader import DemoLoader, lines_of
from healthsite.models import ContentPage
from tests.conftest import page_at
from tests.healthsite.test_admin_editing import form_data
from tests.site_pages import (
    ABOUT,
    BACK_PAIN_TYPES,
    CHAIRS,
    HIP_PAIN,
    PILATES_EXERCISES,
    SCIATICA,
    WHIPLASH,
)

pytestmark = pytest.mark.django_db
RULES = json.loads((Path(__file__).parent / "schema_rules.json").read_text())
ROOT = "http://testserver"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap(client):
    tree = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    return {
        url.find(f"{SITEMAP}loc").text: getattr(url.find(f"{SITEMAP}lastmod"), "text", None)
        for url in tree.iter(f"{SITEMAP}url")
    }


def head(client, path):
    return client.get(path).content.decode().split("</head>")[0]


def json_ld(client, path):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head(client, path))
    assert len(scripts) == 1
    return json.loads(scripts[0])["@graph"]


def nodes(value):
    """Every typed node inside `value`, nested ones included."""
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for child in value.values():
            yield from nodes(child)
    elif isinstance(value, list):
        for child in value:
            yield from nodes(child)


def test_the_sitemap_lists_every_live_public_page_with_its_last_update(client):
    urls = sitemap(client)
    pages = ContentPage.objects.live().public()
    assert {ROOT + page.url for page in pages} <= set(urls)
    sciatica = page_at(SCIATICA.url)
    assert urls[f"{ROOT}/specific-back-pain/sciatica/"] == f"{sciatica.last_updated:%Y-%m-%d}"
    assert f"{ROOT}/people/dr-sam-okafor/" in urls
    assert not [url for url in urls if "/search/" in url or "/admin/" in url]


def test_the_sitemap_leaves_out_drafts_and_private_pages(client):
    page_at(WHIPLASH.url).unpublish()
    PageViewRestriction.objects.create(page=page_at(BACK_PAIN_TYPES.url), restriction_type="login")
    urls = sitemap(client)
    assert f"{ROOT}/specific-back-pain/whiplash/" not in urls
    assert not [url for url in urls if BACK_PAIN_TYPES.url in url]
    assert f"{ROOT}/specific-back-pain/sciatica/" in urls


def test_robots_allows_the_site_but_not_admin_or_search_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Allow: /" in lines and "Disallow: /admin/" in lines and "Disallow: /search/" in lines
    assert f"Sitemap: {ROOT}/sitemap.xml" in lines


def test_the_html_site_map_nests_every_page_by_section(client):
    html = client.get("/site-map/").content.decode().split("<main")[1]
    section = html.index('href="/specific-back-pain/"')
    assert section < html.index('href="/specific-back-pain/sciatica/"')
    assert html.count("<a href=") >= Page.objects.live().count()


@pytest.mark.parametrize(
    "path",
    ["/", BACK_PAIN_TYPES.url, SCIATICA.url, CHAIRS.url],
)
def test_canonical_and_social_tags_are_absolute_on_the_sites_own_address(client, path):
    # Asked for under another name the server answers to: the site's own address still wins.
    html = client.get(path, HTTP_HOST="localhost").content.decode().split("</head>")[0]
    assert f'<link rel="canonical" href="{ROOT}{path}">' in html
    assert f'<meta property="og:url" content="{ROOT}{path}">' in html
    assert "//localhost" not in html
    for tag in ("og:title", "og:description", "og:type", "twitter:card"):
        assert f'"{tag}"' in html


def test_shared_pages_show_their_hero_image_at_the_right_size(client):
    html = head(client, CHAIRS.url)
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert image.startswith(f"{ROOT}/media/") and "1200x630" in image
    assert '<meta property="og:image:width" content="1200">' in html
    assert 'name="twitter:card" content="summary_large_image"' in html
    assert client.get(image.removeprefix(ROOT)).status_code == 200


def test_title_and_description_prefer_the_seo_fields(client):
    page = page_at(ABOUT.url)
    page.seo_title, page.search_description = "About this site", "Who writes it and how."
    page.save_revision().publish()
    html = head(client, ABOUT.url)
    assert "<title>About this site | Manage Back Pain</title>" in html
    assert '<meta name="description" content="Who writes it and how.">' in html


@pytest.mark.parametrize(
    ("path", "types"),
    [
        ("/", {"Organization", "WebSite", "BreadcrumbList", "WebPage"}),
        (
            SCIATICA.url,
            {"MedicalWebPage", "MedicalCondition", "HealthTopicContent"},
        ),
        (PILATES_EXERCISES.url, {"MedicalWebPage", "Article"}),
        (CHAIRS.url, {"MedicalWebPage", "ItemList", "Product"}),
        (ABOUT.url, {"WebPage", "BreadcrumbList"}),
    ],
)
def test_json_ld_has_the_required_properties_and_only_allowed_ones(client, path, types):
    graph = json_ld(client, path)
    found = list(nodes(graph))
    assert types <= {node["@type"] for node in found}
    for node in found:
        rules = RULES["types"][node["@type"]]
        properties = set(node) - {"@type"}
        assert set(rules["required"]) <= properties, (node["@type"], rules["required"])
        assert properties <= set(rules["allowed"]), (node["@type"], properties)
    text = json.dumps(graph)
    assert not [word for word in RULES["forbidden"] if f'"{word}"' in text]


def test_a_condition_page_marks_its_sections_and_review(client):
    graph = json_ld(client, SCIATICA.url)
    page = next(node for node in graph if node["@type"] == "MedicalWebPage")
    aspects = {
        part["hasHealthAspect"].removeprefix("https://schema.org/") for part in page["hasPart"]
    }
    assert {
        "SymptomsHealthAspect",
        "CausesHealthAspect",
        "TreatmentsHealthAspect",
        "SelfCareHealthAspect",
    } <= aspects
    assert aspects <= set(RULES["health_aspects"])
    assert page["about"] == {"@type": "MedicalCondition", "name": "Sciatica"}
    assert page["reviewedBy"]["name"] == "Dr Sam Okafor" and page["lastReviewed"]
    crumbs = next(node for node in graph if node["@type"] == "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Home",
        "Specific Back Pain",
        "Sciatica",
    ]


def test_the_home_page_offers_a_search_action(client):
    website = next(node for node in json_ld(client, "/") if node["@type"] == "WebSite")
    action = website["potentialAction"]
    assert action["target"]["urlTemplate"] == f"{ROOT}/search/?q={{search_term_string}}"


def test_json_ld_cannot_break_out_of_its_script(client):
    page = page_at(ABOUT.url)
    page.summary = "</script><script>alert(1)</script> & more"
    page.save_revision().publish()
    html = head(client, ABOUT.url)
    assert "<script>alert(1)" not in html
    assert json_ld(client, ABOUT.url)[1]["description"].startswith("</script>")


def test_paid_product_links_are_marked_sponsored(client):
    guide = page_at(CHAIRS.url)
    product = guide.products.first()
    product.link, product.paid_link = "https://shop.example/chair", True
    product.save()
    guide.save_revision().publish()
    html = client.get(CHAIRS.url).content.decode()
    assert 'href="https://shop.example/chair" rel="sponsored noopener"' in html


def test_every_old_address_redirects_permanently_to_its_page(client):
    old_urls = list(lines_of("legacy_urls.txt", "=>"))
    assert len(old_urls) == 54  # every page of the old site's map
    for old_path, path in old_urls:
        response = client.get(old_path)
        assert response.status_code == 301, old_path
        assert response["Location"].endswith(path), old_path


def test_loading_again_updates_redirects_rather_than_duplicating_them():
    Redirect.objects.filter(old_path="/sciatica-treatment.html").update(redirect_page=page_at("/"))
    count = Redirect.objects.count()
    DemoLoader(log=lambda message: None).run()
    assert Redirect.objects.count() == count
    assert (
        Redirect.objects.get(old_path="/sciatica-treatment.html").redirect_page_id
        == page_at(SCIATICA.url).pk
    )


def test_renaming_a_slug_in_the_admin_keeps_the_old_address_working(
    admin_client, django_capture_on_commit_callbacks
):
    page = page_at(HIP_PAIN.url)
    data = form_data(type(page), page.title)
    data.update({"slug": "hip-and-groin-pain", "action-publish": "1"})
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    with django_capture_on_commit_callbacks(execute=True):  # redirects are made on commit
        assert admin_client.post(edit, data).status_code == 302
    response = admin_client.get(HIP_PAIN.url)
    assert response.status_code == 301
    assert response["Location"].endswith("/back-pain-types/hip-and-groin-pain/")

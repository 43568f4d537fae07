"""Citations: editors cite a page's sources from rich text; readers get numbered links to the
Sources list and back, on the page and in the feeds."""

import json
import uuid

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.test.utils.form_data import nested_form_data, rich_text

from articles.models import ArticlePage, ConditionPage
from editorial.citations import MISSING_SOURCE
from healthsite.blocks import PARAGRAPH_FEATURES
from products.models import ProductGuidePage
from tests.conftest import page_at
from tests.healthsite.test_admin_editing import add_url, form_data
from tests.site_pages import BACK_PAIN_OVERVIEW, BACK_PAIN_PRODUCTS, SPECIFIC_BACK_PAIN

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
NICE = str(uuid.uuid4())
NHS = str(uuid.uuid4())
# (id, title, publisher, year, link, accessed as the admin's date field takes it)
SOURCES = [
    (NICE, "Low back pain in over 16s", "NICE", "2016", "https://www.nice.org.uk/", "01/03/2025"),
    (NHS, "Sciatica", "NHS website", "", "", ""),
]
# Where each content template keeps its rich text: (page type, parent, stream field).
PAGE_TYPES = [
    (ArticlePage, BACK_PAIN_OVERVIEW.url, "body"),
    (ConditionPage, SPECIFIC_BACK_PAIN.url, "overview"),
    (ProductGuidePage, BACK_PAIN_PRODUCTS.url, "body"),
]


def cite(source, text):
    """A citation as the editor stores it."""
    return f'<a linktype="citation" id="{source}">{text}</a>'


# NHS is the second source but is cited first, then NICE, then NHS again.
CITING = (
    f"<p>Rest briefly{cite(NHS, '[2]')}, keep moving{cite(NICE, '[1]')} "
    f"and walk{cite(NHS, '[2]')}.</p>"
)


def stream(blocks):
    """StreamField form data whose blocks keep the ids given, as the admin's editor posts."""
    data = {
        str(index): {"type": kind, "id": block_id, "value": value, "deleted": "", "order": index}
        for index, (kind, block_id, value) in enumerate(blocks)
    }
    return {**data, "count": len(blocks)}


def paragraph(html):
    return ("paragraph", str(uuid.uuid4()), rich_text(html, features=PARAGRAPH_FEATURES))


def sources(entries=SOURCES):
    return stream(
        [
            (
                "source",
                block_id,
                {
                    "title": title,
                    "publisher": publisher,
                    "year": year,
                    "url": url,
                    "accessed": accessed,
                },
            )
            for block_id, title, publisher, year, url, accessed in entries
        ]
    )


def page_data(model, title, html, entries=SOURCES, field="body"):
    """The admin's form data for a new page whose `field` holds `html`."""
    data = {
        key: value
        for key, value in form_data(model, title).items()
        if not key.startswith((f"{field}-", "sources-"))
    }
    data.update(nested_form_data({field: stream([paragraph(html)]), "sources": sources(entries)}))
    data["action-publish"] = "action-publish"
    return data


def publish(admin_client, model, parent, html, field="body", entries=SOURCES):
    title = "Citing sources"
    data = page_data(model, title, html, entries=entries, field=field)
    response = admin_client.post(add_url(model, page_at(parent)), data)
    assert response.status_code == 302, response.context["form"].errors
    return model.objects.get(title=title)


def editor_states(form):
    """The rich text editors' contents in an admin edit form (its StreamFields' data)."""

    def walk(data):
        if isinstance(data, str) and '"entityMap"' in data:
            yield json.loads(data)
        elif isinstance(data, dict | list):
            for item in data.values() if isinstance(data, dict) else data:
                yield from walk(item)

    soup = BeautifulSoup(form, "html.parser")
    for element in soup.find_all(attrs={"data-w-block-arguments-value": True}):
        yield from walk(json.loads(element["data-w-block-arguments-value"]))


def citations(soup):
    return [(sup.a["id"], sup.a["href"], sup.a.text) for sup in soup.select("sup.citation")]


def sources_list(soup):
    section = soup.find("section", class_="sources")
    assert section["aria-labelledby"] == "sources"
    assert section.find("h2", id="sources").text == "Sources"
    return section.find("ol").find_all("li", recursive=False)


@pytest.mark.parametrize(
    ("model", "parent", "field"), PAGE_TYPES, ids=[m.__name__ for m, _p, _f in PAGE_TYPES]
)
def test_citations_are_numbered_by_the_sources_list_and_link_both_ways(
    admin_client, client, model, parent, field
):
    page = publish(admin_client, model, parent, CITING, field=field)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    # Numbered by the place of the source in Sources, not by the order they are cited in.
    assert citations(soup) == [
        (f"cite-{NHS}-1", f"#source-{NHS}", "[2]"),
        (f"cite-{NICE}-1", f"#source-{NICE}", "[1]"),
        (f"cite-{NHS}-2", f"#source-{NHS}", "[2]"),
    ]
    nice, nhs = sources_list(soup)
    assert nice["id"] == f"source-{NICE}" and nhs["id"] == f"source-{NHS}"
    assert nice.find("a", href="https://www.nice.org.uk/").text == SOURCES[0][1]
    assert "NICE, 2016; accessed 1 March 2025." in nice.text
    assert nice.find("time")["datetime"] == "2025-03-01"
    assert nhs.find("cite").find("a") is None  # no link given
    assert nhs.text.strip().endswith("Sciatica. NHS website.")
    back = [(a["href"], a["aria-label"], a.text) for a in nice.select(".sources__back a")]
    assert back == [(f"#cite-{NICE}-1", "Back to citation 1 in the text", "↑")]
    back = [(a["href"], a["aria-label"]) for a in nhs.select(".sources__back a")]
    assert back == [
        (f"#cite-{NHS}-1", "a: back to citation 2 in the text, 1 of 2"),
        (f"#cite-{NHS}-2", "b: back to citation 2 in the text, 2 of 2"),
    ]

    # Valid without JavaScript: ids are unique and every link within the page has its target.
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    targets = {a["href"][1:] for a in soup.find_all("a", href=True) if a["href"].startswith("#")}
    assert targets <= set(ids)
    assert 'linktype="citation"' not in str(soup)


def test_the_feeds_carry_the_numbered_citations_and_the_sources_with_absolute_links(
    admin_client, client
):
    page = publish(admin_client, ArticlePage, BACK_PAIN_OVERVIEW.url, CITING)
    address = f"http://testserver{page.url}"
    assert 'class="sources"' in page.content_html

    feed = json.loads(client.get("/feed/json/", {"limit": 50}).content)
    item = next(item for item in feed["items"] if item["url"] == address)
    soup = BeautifulSoup(item["content_html"], "html.parser")
    assert citations(soup)[0] == (f"cite-{NHS}-1", f"{address}#source-{NHS}", "[2]")
    nice, _nhs = sources_list(soup)
    assert nice.select_one(".sources__back a")["href"] == f"{address}#cite-{NICE}-1"
    assert nice.find("a", href="https://www.nice.org.uk/")


def test_a_typed_number_in_brackets_is_not_a_citation(admin_client, client):
    page = publish(admin_client, ArticlePage, BACK_PAIN_OVERVIEW.url, "<p>See [1] below.</p>")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert "See [1] below." in soup.find("main").text
    assert citations(soup) == []
    assert [li["id"] for li in sources_list(soup)] == [f"source-{NICE}", f"source-{NHS}"]
    assert not soup.select(".sources__back")

    editor = ContentstateConverter(PARAGRAPH_FEATURES)
    assert json.loads(editor.from_database_format(page.body[0].value.source))["entityMap"] == {}


def test_the_editor_keeps_a_citation_from_its_html_to_the_database_and_back(admin_client):
    page = publish(admin_client, ArticlePage, BACK_PAIN_OVERVIEW.url, CITING)
    stored = page.body[0].value.source
    assert cite(NHS, "[2]") in stored and cite(NICE, "[1]") in stored

    editor = ContentstateConverter(PARAGRAPH_FEATURES)
    state = json.loads(editor.from_database_format(stored))
    assert [entity["type"] for entity in state["entityMap"].values()] == ["CITATION"] * 3
    assert state["entityMap"]["0"]["data"] == {"source": NHS}
    assert state["entityMap"]["0"]["mutability"] == "IMMUTABLE"
    assert editor.to_database_format(json.dumps(state)) == stored

    # The edit form hands the citations back to the editor.
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    cited = [
        entity["data"]
        for state in editor_states(form)
        for entity in state["entityMap"].values()
        if entity["type"] == "CITATION"
    ]
    assert cited == [{"source": NHS}, {"source": NICE}, {"source": NHS}]


@pytest.mark.parametrize("action", ["action-publish", None], ids=["publish", "save-draft"])
def test_a_citation_of_a_deleted_source_is_refused_with_a_clear_message(admin_client, action):
    data = page_data(ArticlePage, "Lost source", CITING, entries=SOURCES[:1])  # NHS deleted
    if action is None:
        data.pop("action-publish")
    parent = page_at(BACK_PAIN_OVERVIEW.url)
    response = admin_client.post(add_url(ArticlePage, parent), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert [str(error) for error in errors["body"].as_data()[0]] == [MISSING_SOURCE]
    assert "A citation points to a source that is no longer in Sources" in MISSING_SOURCE
    assert not ArticlePage.objects.filter(title="Lost source").exists()


def test_a_citation_in_a_condition_section_is_checked_too(admin_client):
    data = page_data(ConditionPage, "Lost source", CITING, entries=SOURCES[:1], field="overview")
    response = admin_client.post(add_url(ConditionPage, page_at(SPECIFIC_BACK_PAIN.url)), data)
    assert response.status_code == 200
    assert "overview" in response.context["form"].errors
    assert MISSING_SOURCE in response.content.decode()


def test_a_citation_whose_source_went_away_outside_the_admin_is_left_out(admin_client, client):
    page = publish(admin_client, ArticlePage, BACK_PAIN_OVERVIEW.url, CITING)
    del page.sources[1]  # NHS
    page.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert citations(soup) == [(f"cite-{NICE}-1", f"#source-{NICE}", "[1]")]
    assert "Rest briefly, keep moving[1] and walk." in soup.find("main").text
    assert [li["id"] for li in sources_list(soup)] == [f"source-{NICE}"]


def test_a_page_without_sources_has_no_sources_list(admin_client, client):
    page = publish(admin_client, ArticlePage, BACK_PAIN_OVERVIEW.url, "<p>Hi.</p>", entries=[])
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.find("section", class_="sources") is None

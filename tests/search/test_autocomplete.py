"""`/search/autocomplete/` suggests pages by the start of their titles, as cacheable JSON."""

import json

import pytest

from tests.site_pages import HERNIATED_DISC, SCIATICA

pytestmark = pytest.mark.django_db

URL = "/search/autocomplete/"


def suggest(client, text):
    response = client.get(URL, {"q": text})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_a_prefix_suggests_matching_titles_with_url_and_type(client):
    results = suggest(client, "scia")["results"]
    assert {
        "title": "Sciatica",
        "url": SCIATICA.url,
        "type": "condition",
    } in results
    assert all(result["title"].lower().startswith("scia") for result in results)


def test_a_readers_word_suggests_the_page_it_means(client):
    results = suggest(client, "slipped")["results"]
    assert {
        "title": "Herniated Disc",
        "url": HERNIATED_DISC.url,
        "type": "condition",
        "synonym": "slipped disc",
    } in results


def test_one_character_suggests_nothing(client):
    assert suggest(client, "a") == {"query": "a", "results": []}


def test_no_query_suggests_nothing(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert json.loads(response.content)["results"] == []


@pytest.mark.parametrize(
    "text",
    [
        '"sciatica',
        "scia'",
        "a & b | !c",
        "back:pain*",
        "(x) <script>",
        "\\",
        "-spasm",
        "' OR 1=1 --",
        "x" * 5000,
        "sci\x00atica",
        "\x00\x01",
        "😀 back",
        "😀😀",
        "ألم الظهر",
        "   ",
    ],
)
def test_odd_input_answers_valid_json(client, text):
    data = suggest(client, text)
    assert isinstance(data["results"], list)
    assert len(data["query"]) <= 200
    assert "\x00" not in data["query"]


def test_suggestions_are_cacheable_and_set_no_cookie(client):
    response = client.get(URL, {"q": "back"})
    assert "public" in response["Cache-Control"]
    assert "max-age" in response["Cache-Control"]
    assert "private" not in response["Cache-Control"]
    assert not response.cookies
    assert not response.has_header("Set-Cookie")

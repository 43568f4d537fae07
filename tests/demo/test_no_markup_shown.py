"""Readers never see markup as text: the demo's Markdown-like source becomes links, bold and
lists, and plain-text fields (a red flag, a step's title, a summary) refuse it at load time."""

import html
import re

import pytest

from demo.loader import site_map
from demo.markup import plain

pytestmark = pytest.mark.django_db

# A Markdown link, bold text, a heading marker at a line's start, or a callout marker.
MARKUP = re.compile(
    r"\[[^\]\n]{1,120}\]\([^)\s]{1,200}\)"
    r"|\*\*[^*\n]{1,120}\*\*"
    r"|^\s*#{1,6} \w"
    r"|!(?:tip|warning|urgent|emergency|soon):",
    re.M,
)
SEARCHES = ["sciatica", "lower back pain", "chair", "exercises"]


def visible_text(response):
    """What a reader reads: the page without its tags, scripts, styles and attributes."""
    page = response.content.decode()
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def markup_in(response):
    text = visible_text(response)
    return [text[max(0, m.start() - 30) : m.end()] for m in MARKUP.finditer(text)]


@pytest.mark.parametrize("path", [path for path, _model in site_map()])
def test_no_page_shows_markup_as_text(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert markup_in(response) == []


@pytest.mark.parametrize("words", SEARCHES)
def test_search_excerpts_show_no_markup(client, words):
    response = client.get("/search/", {"q": words})
    assert response.status_code == 200
    assert markup_in(response) == []


def test_plain_text_fields_refuse_markup():
    assert plain("Weakness in both legs.") == "Weakness in both legs."
    for text in ["Read about [sciatica](/specific-back-pain/sciatica/).", "**Stop** now"]:
        with pytest.raises(ValueError, match="plain-text field"):
            plain(text)

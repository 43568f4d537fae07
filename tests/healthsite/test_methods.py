"""Readers only read: a page answers GET, HEAD and OPTIONS, and POST only where it has a form;
anything else gets 405 Method Not Allowed, never a page or an error."""

import pytest

from tests.site_pages import CONTACT, MUSCLE_SPASMS, NEWSLETTER, TELL_YOUR_STORY

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

CONDITION = MUSCLE_SPASMS.url
WITH_A_FORM = [NEWSLETTER.url, CONTACT.url, TELL_YOUR_STORY.url]


@pytest.mark.parametrize("method", ["put", "delete", "patch", "post"])
def test_a_page_without_a_form_refuses_anything_but_reading(client, method):
    response = getattr(client, method)(CONDITION)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("url", WITH_A_FORM)
def test_a_page_with_a_form_takes_posts_and_refuses_the_rest(client, url):
    assert client.post(url, {}).status_code != 405
    for method in ("put", "delete", "patch"):
        assert getattr(client, method)(url).status_code == 405


def test_options_says_what_a_page_answers(client):
    response = client.options(CONDITION)
    assert response.status_code == 200 and response["Allow"] == "GET, HEAD, OPTIONS"

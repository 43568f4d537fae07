"""Pages a site has one of and every page links (the newsletter's, Subscribe): read together,
once per request, and only while live."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.models import SubscribePage, WhatsNewPage
from healthsite.one_of_a_kind import one_of_a_kind
from newsletter.models import NewsletterPage
from tests.conftest import page_at
from tests.site_pages import MUSCLE_SPASMS, NEWSLETTER, SUBSCRIBE

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def test_the_signup_box_and_the_footer_link_their_pages(client):
    html = client.get(MUSCLE_SPASMS.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    box = soup.find(id="newsletter-signup")
    assert box.form["action"] == f"{NEWSLETTER.url}#newsletter-signup"
    assert page_at(NEWSLETTER.url).summary in box.get_text()
    assert soup.footer.find("a", string="Subscribe to this site")["href"] == SUBSCRIBE.url


def test_both_pages_are_read_in_one_query_once_per_request():
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        pages = [one_of_a_kind(model, request) for model in (NewsletterPage, SubscribePage) * 2]
    assert len(queries) == 1
    assert [page.url for page in pages[:2]] == [NEWSLETTER.url, SUBSCRIBE.url]


def test_a_page_not_live_is_none():
    page_at(SUBSCRIBE.url).unpublish()
    assert one_of_a_kind(SubscribePage) is None
    assert one_of_a_kind(NewsletterPage).url == NEWSLETTER.url


def test_a_type_must_say_it_is_linked_everywhere():
    with pytest.raises(TypeError, match="linked_everywhere"):
        one_of_a_kind(WhatsNewPage)

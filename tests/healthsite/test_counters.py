"""Everything the site counts goes to the `counters` cache, never the one pages are kept in:
clearing (or evicting) the page cache loses no rate limit and no search count."""

from datetime import timedelta

import pytest

from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from newsletter.subscriptions import MAILS_PER_ADDRESS, mailed_too_often
from search import stats
from search.models import SearchQueryCount
from tests.healthsite.test_admin_login import sign_in
from tests.healthsite.test_contact_form import ORIGIN, URL, message
from tests.site_pages import NEWSLETTER

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
READER = "203.0.113.30"


def test_a_forms_limit_outlives_the_page_cache(client):
    for _ in range(5):
        assert client.post(URL, message(), REMOTE_ADDR=READER, **ORIGIN).status_code == 200
    cache.clear()
    assert client.post(URL, message(), REMOTE_ADDR=READER, **ORIGIN).status_code == 429


def test_refused_posts_are_still_counted_after_the_page_cache_is_cleared(client):
    for _ in range(30):
        client.post(URL, message(), REMOTE_ADDR=READER, HTTP_ORIGIN="https://evil.example")
    cache.clear()
    assert client.post(URL, message(), REMOTE_ADDR=READER, **ORIGIN).status_code == 429


def test_failed_sign_ins_outlive_the_page_cache(client, django_user_model):
    django_user_model.objects.create_user("sam", "sam@example.com", "right-password-1")
    for _ in range(10):
        sign_in(client, "sam", "guess")
    cache.clear()
    assert sign_in(client, "sam", "right-password-1").status_code == 429


def test_a_success_clearing_its_count_outlives_the_page_cache(client, django_user_model):
    django_user_model.objects.create_user("sam", "sam@example.com", "right-password-1")
    for _ in range(9):
        sign_in(client, "sam", "guess")
    assert sign_in(client, "sam", "right-password-1").status_code == 302
    client.logout()
    cache.clear()  # the generation that success started is kept with the counts
    for _ in range(9):
        sign_in(client, "sam", "guess")
    assert sign_in(client, "sam", "right-password-1").status_code == 302


def test_newsletter_mails_to_one_address_outlive_the_page_cache():
    request = RequestFactory().post(NEWSLETTER.url, REMOTE_ADDR=READER)
    allowed = int(MAILS_PER_ADDRESS.split("/")[0])
    assert not any(mailed_too_often(request, "sam@example.com") for _ in range(allowed))
    cache.clear()
    assert mailed_too_often(request, "sam@example.com")


def test_searches_not_yet_flushed_outlive_the_page_cache():
    stats.record("stiff hamstrings", found=True, now=timezone.now() - timedelta(minutes=2))
    cache.clear()
    stats.flush()
    assert SearchQueryCount.objects.get(query="stiff hamstrings").searches == 1

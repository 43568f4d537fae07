"""Readers' pages come from the shared cache, and every change shows at once where it should:
publishing purges the page, its parents, feeds, What's New and pages linking to it; a change
of tree, menu or settings purges everything; editors always see fresh pages. A page the cache
cannot answer is made around the parts it keeps longer (its article, the menu), which every
purge of the page renews."""

import re

import pytest

from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

from caching.page_cache import PageCacheMiddleware
from healthsite.models import SiteSettings
from tests.conftest import page_at
from tests.newsletter.conftest import URL as NEWSLETTER
from tests.newsletter.conftest import sign_up
from tests.site_pages import (
    A_TO_Z,
    ABOUT,
    BACK_PAIN_TYPES,
    CONTACT,
    MUSCLE_SPASMS,
    PILATES_EXERCISES,
    SPECIFIC_BACK_PAIN,
    WHATS_NEW,
)

pytestmark = pytest.mark.django_db

SPASMS = MUSCLE_SPASMS.url
PILATES = PILATES_EXERCISES.url  # picked as related by Muscle Spasms
UNRELATED = ABOUT.url
PURGED_WITH_A_PAGE = [
    SPASMS,
    BACK_PAIN_TYPES.url,
    "/",
    "/feed/",
    "/feed/atom/",
    "/feed/json/",
    "/back-pain-types/feed/",
    WHATS_NEW.url,
]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def get(client, url, **headers):
    """The response, and whether it came from the cache (no SQL at all)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries) == 0


def cached(client, url):
    return get(client, url)[1]


def warm(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200
        assert cached(client, url), f"{url} was not kept"


def expire(url):
    """Lets the kept copy of `url` run out (as after PAGE_CACHE_SECONDS), while the parts
    kept longer stay."""
    cache.delete(PageCacheMiddleware.key(RequestFactory().get(url)))


def publish(page, commit, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    with commit(execute=True):
        page.save_revision().publish()


def test_a_reader_gets_the_page_from_the_cache_with_validators_and_no_cookie(client):
    first, from_cache = get(client, SPASMS)
    assert not from_cache
    again, from_cache = get(client, SPASMS)

    assert from_cache
    assert again.content == first.content
    assert not again.cookies
    assert "public" in again["Cache-Control"] and "s-maxage=600" in again["Cache-Control"]
    not_modified, _ = get(client, SPASMS, HTTP_IF_NONE_MATCH=again["ETag"])
    assert not_modified.status_code == 304


def test_a_feed_made_for_a_reader_asking_whether_it_changed_is_kept(client):
    etag = client.get("/feed/")["ETag"]
    cache.clear()  # the feed's entry expired

    assert client.get("/feed/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    again, from_cache = get(client, "/feed/")
    assert from_cache and again.status_code == 200 and again["ETag"] == etag


def test_a_page_from_the_cache_has_every_header_the_page_made_afresh_had(client):
    first, _ = get(client, SPASMS)
    again, from_cache = get(client, SPASMS)

    assert from_cache
    assert dict(again.items()) == dict(first.items())
    assert "Content-Security-Policy" in again and "Permissions-Policy" in again


def test_a_page_kept_for_https_never_answers_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS = True, 3600
    warm_https = [get(client, SPASMS, secure=True) for _ in range(2)]
    assert warm_https[1][1], "kept for HTTPS"
    assert "Strict-Transport-Security" in warm_https[1][0]

    plain = client.get(SPASMS)
    assert plain.status_code == 301
    assert plain["Location"] == f"https://testserver{SPASMS}"


def test_feeds_are_kept_too_with_their_own_lifetime_for_feed_readers(client):
    warm(client, "/feed/")
    assert "max-age=900" in client.get("/feed/")["Cache-Control"]


def test_what_is_not_a_page_for_everyone_is_not_kept(client):
    for url in ["/search/?q=sciatica", SPASMS + "?utm_source=newsletter"]:
        client.get(url)
        assert not cached(client, url), url


def test_editors_always_see_the_page_as_it_is(admin_client):
    reader = Client()
    warm(reader, SPASMS)
    Page.objects.filter(url_path="/home/back-pain-types/muscle-spasms/").update(
        title="Muscle cramps"  # behind Wagtail's back: no purge
    )

    assert "Muscle cramps" not in reader.get(SPASMS).content.decode()
    assert "Muscle cramps" in admin_client.get(SPASMS).content.decode()


def test_publishing_new_text_purges_the_page_its_parents_feeds_and_whats_new_only(
    client, django_capture_on_commit_callbacks
):
    warm(client, *PURGED_WITH_A_PAGE, UNRELATED)
    page = page_at(SPASMS)

    publish(page, django_capture_on_commit_callbacks, summary=page.summary)  # same card
    assert not any(cached(client, url) for url in PURGED_WITH_A_PAGE)

    assert cached(client, UNRELATED)  # an unchanged card: the rest of the site stays cached


def test_publishing_new_text_purges_the_pages_linking_to_it(
    client, django_capture_on_commit_callbacks
):
    warm(client, SPASMS, UNRELATED)

    publish(page_at(PILATES), django_capture_on_commit_callbacks)

    assert not cached(client, SPASMS)
    assert cached(client, UNRELATED)


def test_a_new_title_shows_in_the_menu_of_every_page(client, django_capture_on_commit_callbacks):
    warm(client, UNRELATED, A_TO_Z.url)

    publish(page_at(SPASMS), django_capture_on_commit_callbacks, title="Muscle cramps")

    assert "Muscle cramps" in client.get(UNRELATED).content.decode()
    assert "Muscle cramps" in client.get(A_TO_Z.url).content.decode()


def test_a_new_page_shows_in_its_section_and_the_menus(client, django_capture_on_commit_callbacks):
    warm(client, UNRELATED, BACK_PAIN_TYPES.url)
    section = page_at(BACK_PAIN_TYPES.url)
    page = type(page_at(SPASMS))(
        title="Sore feet", slug="sore-feet", summary="Why feet hurt.", show_in_menus=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        section.add_child(instance=page)
        page.save_revision().publish()

    assert "Sore feet" in client.get(BACK_PAIN_TYPES.url).content.decode()
    assert "Sore feet" in client.get(UNRELATED).content.decode()


def test_unpublishing_takes_the_page_out_everywhere(client, django_capture_on_commit_callbacks):
    warm(client, SPASMS, UNRELATED)

    with django_capture_on_commit_callbacks(execute=True):
        page_at(SPASMS).unpublish()

    assert client.get(SPASMS).status_code == 404
    assert f'href="{SPASMS}"' not in client.get(UNRELATED).content.decode()


def test_moving_a_page_purges_everything(client, django_capture_on_commit_callbacks):
    warm(client, SPASMS, UNRELATED)

    with django_capture_on_commit_callbacks(execute=True):
        page_at(SPASMS).move(page_at(SPECIFIC_BACK_PAIN.url), pos="last-child")

    assert client.get(SPASMS)["Location"] == "/specific-back-pain/muscle-spasms/"
    assert 'href="/specific-back-pain/muscle-spasms/"' in client.get(UNRELATED).content.decode()


def test_deleting_a_page_purges_everything(client, django_capture_on_commit_callbacks):
    warm(client, SPASMS, UNRELATED)

    with django_capture_on_commit_callbacks(execute=True):
        page_at(SPASMS).delete()

    assert client.get(SPASMS).status_code == 404
    assert f'href="{SPASMS}"' not in client.get(UNRELATED).content.decode()


def test_a_change_of_settings_shows_on_every_page(client, django_capture_on_commit_callbacks):
    warm(client, UNRELATED)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))

    with django_capture_on_commit_callbacks(execute=True):
        settings.disclaimer = "<p>Read this first, please.</p>"
        settings.save()

    assert "Read this first, please." in client.get(UNRELATED).content.decode()


def test_the_footer_follows_the_settings_on_every_page_and_search(
    client, django_capture_on_commit_callbacks
):
    warm(client, UNRELATED, SPASMS)
    client.get("/search/?q=sciatica")  # its footer is kept, not the page
    urls = [UNRELATED, SPASMS, "/search/?q=sciatica"]
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))

    with django_capture_on_commit_callbacks(execute=True):
        settings.copyright_holder = "A New Holder Ltd"
        settings.save()

    for url in urls:
        assert "A New Holder Ltd" in client.get(url).content.decode(), url


def test_the_menu_is_built_once_for_all_pages(client):
    warm(client, UNRELATED)
    Page.objects.filter(url_path="/home/back-pain-types/muscle-spasms/").update(
        title="Muscle cramps"  # behind Wagtail's back: no purge
    )

    another_page = client.get(CONTACT.url).content.decode()  # not cached yet

    assert ">Muscle Spasms<" in another_page  # its menu came from the cache
    assert "Muscle cramps" not in another_page


def article(response):
    html = response.content.decode()
    return html[html.index("<article") : html.index("</main>")]


def test_a_page_the_cache_cannot_answer_is_made_around_its_kept_article(
    client, django_capture_on_commit_callbacks
):
    with CaptureQueriesContext(connection) as first:
        client.get(SPASMS)
    expire(SPASMS)
    Page.objects.filter(url_path="/home/back-pain-types/muscle-spasms/").update(
        title="Muscle cramps"  # behind Wagtail's back: no purge
    )

    with CaptureQueriesContext(connection) as again:
        response = client.get(SPASMS)
    assert len(again) < len(first)
    # Wagtail finding the page (its site, then per level of the path the page's row and its
    # type's, then the view restrictions of its ancestors) and the page's own images and
    # people, which the page reads whether its parts are kept or not: its settings and the
    # menu are kept too.
    assert len(again) == 11, [query["sql"] for query in again]
    assert "Muscle Spasms" in article(response)  # the article and related links as kept
    assert "<title>Muscle cramps" in response.content.decode()  # the rest made afresh

    publish(page_at(SPASMS), django_capture_on_commit_callbacks, summary="Cramps explained.")
    assert "Cramps explained." in article(client.get(SPASMS))


def test_the_home_page_is_shown_as_published_not_as_kept_for_routing(
    client, django_capture_on_commit_callbacks
):
    client.get("/")  # keeps the site, whose home page starts every route
    home = page_at("/")

    publish(home, django_capture_on_commit_callbacks, body=[("paragraph", "<p>Welcome back.</p>")])

    assert "Welcome back." in client.get("/").content.decode()


def test_a_page_made_private_leaves_the_cache_at_once(client, django_capture_on_commit_callbacks):
    warm(client, SPASMS, UNRELATED)

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=page_at(SPASMS), restriction_type=PageViewRestriction.LOGIN
        )

    assert client.get(SPASMS).status_code == 302  # to the login page
    expire(SPASMS)
    assert client.get(SPASMS).status_code == 302
    assert client.get(UNRELATED).status_code == 200


def test_each_page_of_a_section_listing_is_kept_apart(client):
    section = SPECIFIC_BACK_PAIN.url  # 13 pages: two pages of listing
    first, second = (article_links(client.get(url)) for url in (section, f"{section}?page=2"))
    assert len(first) == 12 and len(second) == 1
    assert cached(client, section) and cached(client, f"{section}?page=2")

    # Made again around the kept listings, each as it was.
    expire(section), expire(f"{section}?page=2")
    assert article_links(client.get(f"{section}?page=2")) == second
    assert article_links(client.get(section)) == first


def test_only_canonical_addresses_are_kept(client):
    """Page numbers in other forms, past the end or on pages without a listing, and query
    strings no page reads, are redirected or not found, and never kept: a reader cannot fill
    the cache with variants of one address."""
    section, listing_pages = SPECIFIC_BACK_PAIN.url, 2
    paths = [section, WHATS_NEW.url, SPASMS, "/", "/feed/", "/back-pain-types/feed/"]
    warm(client, *paths, f"{section}?page=2")
    kept = []
    original_set = cache.set

    def spy(key, *args, **kwargs):
        kept.append(key)
        return original_set(key, *args, **kwargs)

    variants = [
        f"{path}?{query}"
        for path in paths
        for query in (
            "page=0",
            "page=1",
            "page=01",
            "page=0002",
            "page=9999",
            "page=abc",
            "page=2&page=3",
            "utm_source=mail",
            f"page={listing_pages + 1}",
            "page=%20",
            "PAGE=2",
            "page=2&x=1",
            "x",
            "page=-1",
            "page=1e3",
        )
    ]
    assert len(variants) == 90
    cache.set = spy
    try:
        answers = {variant: client.get(variant).status_code for variant in variants}
    finally:
        cache.set = original_set

    assert not [key for key in kept if key.startswith("page-cache:response:")], kept
    assert not [key for key in kept if key.startswith("page-cache:fragment:")], kept
    assert set(answers.values()) <= {200, 301, 404}, answers
    assert answers[f"{section}?page=0002"] == 301
    assert client.get(f"{section}?page=0002")["Location"] == f"{section}?page=2"
    assert answers[f"{section}?page=3"] == answers["/whats-new/?page=9999"] == 404
    assert client.get(f"{SPASMS}?page=2")["Location"] == SPASMS
    assert client.get("/learn-more/contact/?utm_source=x")["Location"] == CONTACT.url


def article_links(response):
    html = response.content.decode()
    listing = html[html.index('id="pages-heading"') : html.index("</main>")]
    return re.findall(r'class="card__title"><a href="([^"]+)"', listing)


def test_a_new_title_of_a_related_page_shows_under_the_kept_article(
    client, django_capture_on_commit_callbacks
):
    client.get(SPASMS)

    publish(page_at(PILATES), django_capture_on_commit_callbacks, title="Pilates at home")

    assert "Pilates at home" in article(client.get(SPASMS))


def test_editors_see_the_article_as_it_is_too(admin_client):
    Client().get(SPASMS)
    Page.objects.filter(url_path="/home/back-pain-types/muscle-spasms/").update(
        title="Muscle cramps"  # behind Wagtail's back: no purge
    )

    assert "Muscle cramps" in article(admin_client.get(SPASMS))


def test_a_form_sent_back_with_mistakes_shows_them_over_the_kept_page(client):
    client.get(NEWSLETTER)

    answer = sign_up(client, email="not an address")

    assert "like name@example.com" in article(answer)
    assert 'value="Sam"' in article(answer)
    expire(NEWSLETTER)
    assert "like name@example.com" not in article(client.get(NEWSLETTER))


def test_a_redis_outage_serves_pages_uncached_not_errors(client, settings, redis_server):
    process, port = redis_server
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
            },
        },
        "uncached": settings.UNCACHED,
    }
    warm(client, SPASMS)

    process.kill()
    process.wait()

    response, from_cache = get(client, SPASMS)
    assert response.status_code == 200
    assert not from_cache
    assert "Muscle Spasms" in response.content.decode()


def test_a_head_request_never_leaves_an_empty_page_in_the_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    url = MUSCLE_SPASMS.url
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    page = client.get(url)
    assert page.status_code == 200 and b"Muscle Spasms" in page.content
    assert client.head(url)["Content-Length"] == page["Content-Length"]

"""A `next` or return address never sends anyone off the site: the admin's sign-in and sign-out,
the readers' sign-in and password forms of private pages and documents, and the admin's own
`?next=` links all fall back to an address of the site when given another site's."""

from urllib.parse import urlsplit

import pytest

from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.conftest import page_at
from tests.site_pages import PRIVACY

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "https:evil.example",
    "///evil.example",
    "\\\\evil.example",
    "http://testserver@evil.example/",
]
PRIVATE = PRIVACY.url


def assert_on_site(response):
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"}), location
    parts = urlsplit(location)
    assert not parts.scheme and not parts.netloc, location
    assert location.startswith("/") and location[1:2] not in ("/", "\\"), location
    return location


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_superuser("sam", "sam@example.com", "pw-right-1")


@pytest.mark.parametrize("target", OFF_SITE)
def test_admin_sign_in(client, user, target):
    signed_in = client.post(
        f"/admin/login/?next={target}",
        {"username": "sam", "password": "pw-right-1", "next": target},
    )
    assert assert_on_site(signed_in) == "/admin/"
    # Signed in already, the sign-in page sends on at once.
    assert assert_on_site(client.get("/admin/login/", {"next": target})) == "/admin/"


@pytest.mark.parametrize("target", OFF_SITE)
def test_admin_sign_out(client, user, target):
    client.force_login(user)
    assert_on_site(client.post("/admin/logout/", {"next": target}))
    client.force_login(user)
    assert_on_site(client.post(f"/admin/logout/?next={target}"))


@pytest.mark.parametrize("target", OFF_SITE)
def test_admin_links_with_next(client, user, target):
    client.force_login(user)
    page = page_at(PRIVATE)
    assert_on_site(client.post(f"/admin/pages/{page.pk}/lock/", {"next": target}))
    assert_on_site(client.post(f"/admin/pages/{page.pk}/unlock/?next={target}"))


def test_a_next_on_the_site_is_followed(client, user):
    signed_in = client.post(
        "/admin/login/", {"username": "sam", "password": "pw-right-1", "next": "/admin/pages/"}
    )
    assert assert_on_site(signed_in) == "/admin/pages/"


@pytest.mark.parametrize("target", OFF_SITE)
def test_readers_sign_in_to_a_private_page(client, user, target):
    signed_in = client.post(
        "/_util/login/", {"username": "sam", "password": "pw-right-1", "next": target}
    )
    assert assert_on_site(signed_in) == "/"


def test_a_private_page_asks_readers_to_sign_in_and_brings_them_back(client, user):
    PageViewRestriction.objects.create(
        page=page_at(PRIVATE), restriction_type=PageViewRestriction.LOGIN
    )
    asked = client.get(PRIVATE)
    assert assert_on_site(asked).startswith("/_util/login/?next=")
    assert client.get(asked["Location"]).status_code == 200
    signed_in = client.post(
        asked["Location"], {"username": "sam", "password": "pw-right-1", "next": PRIVATE}
    )
    assert assert_on_site(signed_in) == PRIVATE
    assert client.get(PRIVATE).status_code == 200


@pytest.mark.parametrize("target", OFF_SITE)
def test_the_password_of_a_private_page(client, target):
    page = page_at(PRIVATE)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    form = client.get(PRIVATE)
    assert form.status_code == 200
    action = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    assert action in form.content.decode()

    passed = client.post(action, {"password": "letmein", "return_url": target})

    assert assert_on_site(passed) == "/"
    assert client.get(PRIVATE).status_code == 200


@pytest.mark.parametrize("target", OFF_SITE)
def test_the_password_of_a_private_collection_of_documents(client, target):
    restriction = CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="letmein",
    )
    passed = client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "letmein", "return_url": target},
    )
    assert assert_on_site(passed) == "/"


@pytest.mark.parametrize("path", ["//evil.example", "//evil.example/", "/\\evil.example"])
def test_an_address_like_another_sites_is_not_redirected_there(client, path):
    response = client.get("/", PATH_INFO=path)
    assert response.status_code in (301, 302, 404)
    if response.status_code != 404:
        assert_on_site(response)

"""The admin's sign-in resists password guessing without locking anyone out: past ten failures
for a username from one address in an hour even the right password is refused there, in the
same words whether the username exists or not; good sign-ins never count, a success clears the
count, and guesses from elsewhere change nothing for the editor."""

import pytest

from django.core import mail

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from healthsite.admin_login import REFUSED
from tests.conftest import page_at
from tests.site_pages import ABOUT

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("sam", "sam@example.com", "right-password-1")


def sign_in(client, username, password, address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_right_password_signs_in(client, editor):
    assert sign_in(client, "sam", "right-password-1").status_code == 302


def test_guessing_is_stopped_even_for_the_right_password(client, editor):
    for _ in range(10):
        assert sign_in(client, "sam", "guess").status_code == 200  # the form again, with errors

    refused = sign_in(client, "sam", "right-password-1")

    assert refused.status_code == 429
    assert REFUSED in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_unknown_username_gets_the_same_answer(client, editor):
    answers = []
    for username in ("sam", "nobody"):
        for _ in range(10):
            sign_in(client, username, "guess")
        answer = sign_in(client, username, "guess")
        answers.append((answer.status_code, REFUSED in answer.content.decode()))
    assert answers == [(429, True), (429, True)]


def test_the_limit_for_one_username_leaves_the_others_alone(client, editor, django_user_model):
    django_user_model.objects.create_user("alex", "alex@example.com", "another-password-2")
    for _ in range(11):
        sign_in(client, "sam", "guess")
    assert sign_in(client, "alex", "another-password-2").status_code == 302


def test_good_sign_ins_never_count(client, editor):
    for _ in range(15):
        assert sign_in(client, "sam", "right-password-1").status_code == 302
        client.logout()


def test_guesses_from_elsewhere_do_not_lock_the_editor_out(client, editor):
    for number in range(12):
        sign_in(client, "sam", "guess", address=f"198.51.100.{number}")
        sign_in(client, "sam", "guess", address="198.51.100.99")
    assert sign_in(client, "sam", "right-password-1").status_code == 302


def test_a_success_clears_the_count(client, editor):
    for _ in range(9):
        sign_in(client, "sam", "guess")
    assert sign_in(client, "sam", "right-password-1").status_code == 302
    client.logout()
    for _ in range(9):
        assert sign_in(client, "sam", "guess").status_code == 200
    assert sign_in(client, "sam", "right-password-1").status_code == 302


def test_one_address_guessing_many_usernames_is_stopped(client, editor):
    for number in range(30):
        sign_in(client, f"user{number}", "guess")
    refused = sign_in(client, "sam", "right-password-1")
    assert refused.status_code == 429
    assert sign_in(client, "sam", "right-password-1", address="192.0.2.77").status_code == 302


def test_the_refusal_says_when_to_try_again(client, editor):
    for _ in range(10):
        sign_in(client, "sam", "guess")
    refused = sign_in(client, "sam", "guess")
    assert "Please try again in" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 3600


def test_password_reset_e_mails_are_limited_without_telling_anything(client, editor):
    answers = {
        client.post("/admin/password_reset/", {"email": "sam@example.com"}).status_code
        for _ in range(5)
    }
    assert answers == {302}  # the same answer every time
    assert len(mail.outbox) == 3
    for _ in range(5):
        client.post("/admin/password_reset/", {"email": "someone@example.com"})
    flood = client.post("/admin/password_reset/", {"email": "sam@example.com"})
    assert flood.status_code == 429


def test_guessing_a_private_pages_password_is_stopped(client):
    page = page_at(ABOUT.url)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    action = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    for _ in range(9):
        assert client.post(action, {"password": "guess", "return_url": "/"}).status_code == 200
    assert client.post(action, {"password": "letmein", "return_url": "/"}).status_code == 302
    for _ in range(10):
        client.post(action, {"password": "guess", "return_url": "/"})
    refused = client.post(action, {"password": "letmein", "return_url": "/"})
    assert refused.status_code == 429


def test_guessing_a_private_collections_password_is_stopped(client):
    restriction = CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="letmein",
    )
    action = f"/documents/authenticate_with_password/{restriction.pk}/"
    for _ in range(10):
        client.post(action, {"password": "guess", "return_url": "/"})
    assert client.post(action, {"password": "letmein", "return_url": "/"}).status_code == 429

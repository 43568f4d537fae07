"""The admin's sign-in resists password guessing: past ten attempts for a username in an hour
even the right password is refused, in the same words whether the username exists or not."""

import pytest

from healthsite.admin_login import REFUSAL

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("sam", "sam@example.com", "right-password-1")


def sign_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_the_right_password_signs_in(client, editor):
    assert sign_in(client, "sam", "right-password-1").status_code == 302


def test_guessing_is_stopped_even_for_the_right_password(client, editor):
    for _ in range(10):
        assert sign_in(client, "sam", "guess").status_code == 200  # the form again, with errors

    refused = sign_in(client, "sam", "right-password-1")

    assert refused.status_code == 429
    assert REFUSAL in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_unknown_username_gets_the_same_answer(client, editor):
    answers = []
    for username in ("sam", "nobody"):
        for _ in range(10):
            sign_in(client, username, "guess")
        answer = sign_in(client, username, "guess")
        answers.append((answer.status_code, REFUSAL in answer.content.decode()))
    assert answers == [(429, True), (429, True)]


def test_the_limit_for_one_username_leaves_the_others_alone(client, editor, django_user_model):
    django_user_model.objects.create_user("alex", "alex@example.com", "another-password-2")
    for _ in range(11):
        sign_in(client, "sam", "guess")
    assert sign_in(client, "alex", "another-password-2").status_code == 302

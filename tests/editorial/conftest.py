"""The editorial team as the demo sets it up: an editor, two medical reviewers (each signing
with a registered People profile), a moderator and a superuser, each a logged-in client."""

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from editorial.models import Person
from editorial.setup import EDITORS, MODERATORS, REVIEWERS


def member(django_user_model, username, group=None, person=None, **extra):
    """A logged-in client for a new user in `group`, signing as `person` (field values)."""
    user = django_user_model.objects.create_user(
        username, f"{username}@example.com", "pw", first_name=username.title(), **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    if person is not None:
        Person.objects.create(user=user, **person)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def registered(name, number):
    return {
        "name": name,
        "profession": "Physiotherapist",
        "registration_body": "Health and Care Professions Council",
        "registration_number": number,
    }


@pytest.fixture
def editor(django_user_model):
    return member(django_user_model, "writer", EDITORS)


@pytest.fixture
def reviewer(django_user_model):
    return member(django_user_model, "doctor", REVIEWERS, registered("Dr Sam Patel", "PH100001"))


@pytest.fixture
def second_reviewer(django_user_model):
    return member(django_user_model, "physio", REVIEWERS, registered("Alex Morgan", "PH100002"))


@pytest.fixture
def moderator(django_user_model):
    return member(django_user_model, "moderator", MODERATORS)


@pytest.fixture
def superuser(django_user_model):
    return member(django_user_model, "owner", is_superuser=True, is_staff=True)

"""`create_admin` makes the superuser of a new site, with no demo involved."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def test_creates_the_admin_superuser_and_prints_its_password(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("create_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].strip()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(password)
    assert not get_user_model().objects.filter(username__in=["editor", "reviewer"]).exists()


def test_admin_password_sets_it(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "chosen-by-the-operator")
    call_command("create_admin", stdout=io.StringIO())
    assert get_user_model().objects.get(username="admin").check_password("chosen-by-the-operator")

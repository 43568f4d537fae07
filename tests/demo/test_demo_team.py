"""`create_demo_team` gives the demo's editor and medical reviewer accounts to sign in with."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from demo.loader import AUTHOR, REVIEWER
from editorial.models import Person

pytestmark = pytest.mark.django_db


def test_the_demo_team_signs_in_as_the_demo_people(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "try-the-workflow")
    out = io.StringIO()
    call_command("create_demo_team", stdout=out)
    User = get_user_model()
    editor, reviewer = User.objects.get(username="editor"), User.objects.get(username="reviewer")
    assert [group.name for group in editor.groups.all()] == ["Editors"]
    assert [group.name for group in reviewer.groups.all()] == ["Medical reviewers"]
    assert not editor.is_superuser and not reviewer.is_superuser
    assert editor.check_password("try-the-workflow")
    assert Person.objects.get(name=AUTHOR["name"]).user == editor
    assert Person.objects.get(name=REVIEWER["name"]).user == reviewer
    assert not User.objects.filter(username="admin").exists()  # create_admin's job


def test_a_second_run_keeps_the_passwords(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "first")
    call_command("create_demo_team", stdout=io.StringIO())
    monkeypatch.delenv("ADMIN_PASSWORD")
    out = io.StringIO()
    call_command("create_demo_team", stdout=out)
    assert "exists; its password is unchanged" in out.getvalue()
    assert get_user_model().objects.get(username="editor").check_password("first")

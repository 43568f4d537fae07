"""The editors' guide is where editors work: in the admin's Help menu and on the dashboard."""

import pytest

from django.contrib.auth.models import Group

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
GUIDE = "/admin/editors-guide/"


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("new-editor", "e@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_a_new_editor_finds_the_guide_on_the_dashboard_and_in_the_help_menu(editor_client):
    dashboard = editor_client.get("/admin/").content.decode()
    assert f'href="{GUIDE}"' in dashboard and "New here?" in dashboard  # the panel
    # The sidebar is drawn from data in the page: the Help menu's item is in it.
    assert "This site\\u0027s guide for editors" in dashboard or "This site's guide" in dashboard
    assert dashboard.count(GUIDE) >= 2


def test_the_guide_is_the_projects_own_shown_as_a_page(editor_client):
    response = editor_client.get(GUIDE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "A guide for editors and medical reviewers" in html
    assert "<table>" in html  # Markdown's tables become tables
    assert "## Who does what" not in html


def test_readers_do_not_see_the_guide(client):
    response = client.get(GUIDE)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

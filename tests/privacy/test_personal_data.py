"""The admin's "Personal data" tool and the retention command: an editor exports or erases
everything about one address; the command deletes what is past its stated period, nothing else."""

import json
from datetime import timedelta
from io import StringIO

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from tests.conftest import page_at
from tests.site_pages import CONTACT

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
URL = "/admin/personal-data/"


def contact_message(email, days_ago=0):
    submission = FormSubmission.objects.create(
        page=page_at(CONTACT.url),
        form_data={"your_name": "Sam", "your_e_mail_address": email, "your_message": "Hello"},
    )
    # submit_time is set on creation; age it as the retention test needs.
    FormSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - timedelta(days=days_ago)
    )
    return submission


@pytest.fixture
def editor_client(client, django_user_model):
    """An editor of the demo team's Editors group, which may not handle personal data."""
    user = django_user_model.objects.create_user("eddie", password="pw", is_active=True)
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client.force_login(user)
    return client


def test_an_export_lists_everything_held_about_the_address(admin_client):
    contact_message("sam@example.com")
    contact_message("alex@example.com")

    response = admin_client.post(URL, {"email": "SAM@example.com", "export": "1"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="personal-data.json"'
    exported = json.loads(response.content)
    [message] = exported["data"]["Contact messages"]
    assert message["your_e_mail_address"] == "sam@example.com"
    assert "Newsletter subscribers" in exported["data"]  # every holder is asked, even if empty


def test_erasing_needs_the_box_ticked_and_then_deletes_that_address_only(admin_client):
    contact_message("sam@example.com")
    contact_message("alex@example.com")

    refused = admin_client.post(URL, {"email": "sam@example.com", "erase": "1"})
    assert "Tick the box to confirm" in refused.content.decode()
    assert FormSubmission.objects.count() == 2

    done = admin_client.post(
        URL, {"email": "sam@example.com", "erase": "1", "confirm": "on"}, follow=True
    )

    assert "Contact messages: 1" in done.content.decode()
    [kept] = FormSubmission.objects.all()
    assert kept.get_data()["your_e_mail_address"] == "alex@example.com"


def test_a_bad_address_is_answered_in_words(admin_client):
    response = admin_client.post(URL, {"email": "not an address", "export": "1"})
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()


def test_the_tool_states_each_retention_period(admin_client):
    page = admin_client.get(URL).content.decode()
    assert "12 months" in page
    assert "Newsletter subscribers" in page


def test_editors_without_the_permission_are_turned_away(editor_client):
    assert editor_client.get(URL).status_code in (302, 403)
    contact_message("sam@example.com")
    editor_client.post(URL, {"email": "sam@example.com", "erase": "1", "confirm": "on"})
    assert FormSubmission.objects.count() == 1


def test_the_purge_command_deletes_old_contact_messages_and_keeps_recent_ones():
    contact_message("old@example.com", days_ago=366)
    contact_message("new@example.com", days_ago=364)
    out = StringIO()

    call_command("purge_personal_data", stdout=out)

    [kept] = FormSubmission.objects.all()
    assert kept.get_data()["your_e_mail_address"] == "new@example.com"
    assert "Contact messages: 1 deleted" in out.getvalue()
    assert "Done:" in out.getvalue()

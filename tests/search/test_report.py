"""The "Search terms" report in the admin: what readers searched for, for editors."""

import csv
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from search import stats

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

REPORT = "/admin/reports/search-terms/"


@pytest.fixture(autouse=True)
def searches():
    """Readers' searches over the last weeks, counted and flushed as cron would have."""
    now = timezone.now()
    for days_ago, query, found, times in [
        (45, "slipped disc", True, 9),
        (20, "trapped nerve", False, 1),
        (12, "lumbago", False, 1),
        (10, "lumbago", True, 5),
        (2, "sciatica", True, 1),
        (1, "crick in the neck", False, 2),
        (0, "sciatica", True, 3),
    ]:
        moment = now - timedelta(days=days_ago, minutes=5)
        for _n in range(times):
            stats.record(query, found, now=moment)
        stats.flush(now=moment + timedelta(minutes=2))


def rows(response):
    """[(query, searches, found nothing)] as the report lists them."""
    html = response.content.decode()
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    cells = [cell.split(">", 1)[1].split("</td>")[0].strip() for cell in body.split("<td")[1:]]
    columns = zip(cells[::3], cells[1::3], cells[2::3], strict=True)
    return [(query, int(searches), int(nothing)) for query, searches, nothing in columns]


@pytest.fixture
def editor(client, django_user_model):
    """A non-superuser editor whose group may see the report."""
    group = Group.objects.create(name="Search editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_searchquerycount"),
    )
    user = django_user_model.objects.create_user("searcher", password="pw")
    user.groups.add(group)
    client.force_login(user)
    return client


def test_the_report_lists_the_last_30_days_by_searches(admin_client):
    response = admin_client.get(REPORT)

    assert response.status_code == 200
    assert rows(response) == [
        ("lumbago", 6, 1),
        ("sciatica", 4, 0),
        ("crick in the neck", 2, 2),
        ("trapped nerve", 1, 1),
    ]


def test_the_report_lists_the_last_7_days(admin_client):
    response = admin_client.get(REPORT, {"days": "7"})

    assert rows(response) == [("sciatica", 4, 0), ("crick in the neck", 2, 2)]


def test_the_report_lists_queries_that_found_nothing(admin_client):
    response = admin_client.get(REPORT, {"found_nothing": "true", "ordering": "-not_found"})

    assert rows(response) == [
        ("crick in the neck", 2, 2),
        ("lumbago", 6, 1),
        ("trapped nerve", 1, 1),
    ]


def test_the_report_filters_and_sorts_its_results_in_place(admin_client):
    response = admin_client.get(
        f"{REPORT}results/", {"days": "7", "found_nothing": "true", "ordering": "not_found"}
    )

    assert rows(response) == [("crick in the neck", 2, 2)]


def test_the_report_exports_csv(admin_client):
    response = admin_client.get(REPORT, {"days": "7", "export": "csv"})

    assert response["Content-Type"] == "text/csv"
    text = b"".join(response.streaming_content).decode()
    assert list(csv.reader(io.StringIO(text))) == [
        ["Search terms", "Searches", "Found nothing"],
        ["sciatica", "4", "0"],
        ["crick in the neck", "2", "2"],
    ]


def test_the_report_exports_xlsx(admin_client):
    response = admin_client.get(REPORT, {"found_nothing": "true", "export": "xlsx"})

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [list(row) for row in sheet.values] == [
        ["Search terms", "Searches", "Found nothing"],
        ["lumbago", 6, 1],
        ["crick in the neck", 2, 2],
        ["trapped nerve", 1, 1],
    ]


def test_an_editor_without_the_permission_cannot_see_the_report(client, django_user_model):
    user = django_user_model.objects.create_user("writer", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(REPORT)

    assert response.status_code in (302, 403)
    assert "searches" not in response.content.decode()
    assert REPORT not in client.get("/admin/").content.decode()


def test_a_reader_is_sent_to_log_in(client):
    response = client.get(REPORT)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_editor_with_the_permission_sees_the_report_and_its_menu_item(editor):
    assert rows(editor.get(REPORT))[0] == ("lumbago", 6, 1)
    assert REPORT in editor.get("/admin/").content.decode()


def test_admins_can_grant_the_permission_to_a_group(admin_client):
    group = Group.objects.create(name="Writers")
    permission = Permission.objects.get(codename="view_searchquerycount")

    html = admin_client.get(f"/admin/groups/edit/{group.pk}/").content.decode()

    assert f'value="{permission.pk}"' in html


def test_the_reports_menu_has_one_search_terms_report_ours(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("search_terms_report") in html
    assert reverse("wagtailsearchpromotions:search_terms") not in html

"""The "Reviews due" report and its dashboard panel: health pages overdue for medical review,
due within 30 days, or never reviewed."""

import csv
import io
import re
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import ArticlePage, ConditionPage
from editorial.models import Person
from editorial.reports import health_page_types
from editorial.setup import EDITORS, MODERATORS, REVIEWERS
from healthsite.models import ContentPage, StandardPage
from products.models import ProductGuidePage
from tests.conftest import page_at
from tests.site_pages import BACK_PAIN_OVERVIEW, BACK_PAIN_PRODUCTS, BACK_PAIN_TYPES, LEARN_MORE

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

REPORT = "/admin/reports/reviews-due/"
TODAY = timezone.localdate()


def days(number):
    return TODAY + timedelta(days=number)


@pytest.fixture(autouse=True)
def pages():
    """The demo's health pages far from due, and pages in every state of review."""
    ContentPage.objects.filter(content_type__in=health_page_types()).update(
        next_review_due=days(300)
    )
    reviewer = Person.objects.create(name="Dr Ada Reviewer")
    for model, parent, title, last, due, live in [
        (ConditionPage, BACK_PAIN_TYPES.url, "Overdue condition", -375, -10, True),
        (ArticlePage, BACK_PAIN_OVERVIEW.url, "Soon article", -355, 10, True),
        (ProductGuidePage, BACK_PAIN_PRODUCTS.url, "Month guide", -152, 30, True),
        (ArticlePage, BACK_PAIN_OVERVIEW.url, "Far article", -334, 31, True),
        (ArticlePage, BACK_PAIN_OVERVIEW.url, "Unreviewed article", None, None, True),
        (ConditionPage, BACK_PAIN_TYPES.url, "Draft condition", -400, -30, False),
        (StandardPage, LEARN_MORE.url, "Plain page", None, None, True),
    ]:
        page = page_at(parent).add_child(
            instance=model(title=title, slug=title.lower().replace(" ", "-"), summary="S.")
        )
        # Made live without rendering: these pages only need their review dates.
        ContentPage.objects.filter(pk=page.pk).update(
            live=live,
            last_reviewed=None if last is None else days(last),
            next_review_due=None if due is None else days(due),
            reviewed_by=None if last is None else reviewer,
        )


def rows(response):
    """The report's table: one list of cell texts per row."""
    html = response.content.decode()
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [
        [
            " ".join(strip_tags(cell).split())
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in body.split("<tr")[1:]
    ]


def titles(response):
    return [row[0] for row in rows(response)]


def user_client(django_user_model, username, group=None, *permissions):
    user = django_user_model.objects.create_user(username, password="pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    user.user_permissions.add(*(Permission.objects.get(codename=name) for name in permissions))
    client = Client()
    client.force_login(user)
    return client


def test_the_report_lists_pages_overdue_due_soon_and_never_reviewed(admin_client):
    response = admin_client.get(REPORT)

    assert response.status_code == 200
    assert rows(response) == [
        ["Unreviewed article", "Article", "—", "—", "—", "Never reviewed"],
        [
            "Overdue condition",
            "Condition",
            f"{days(-375):%-d %b %Y}",
            "Dr Ada Reviewer",
            f"{days(-10):%-d %b %Y}",
            "Overdue",
        ],
        [
            "Soon article",
            "Article",
            f"{days(-355):%-d %b %Y}",
            "Dr Ada Reviewer",
            f"{days(10):%-d %b %Y}",
            "Due soon",
        ],
        [
            "Month guide",
            "Product guide",
            f"{days(-152):%-d %b %Y}",
            "Dr Ada Reviewer",
            f"{days(30):%-d %b %Y}",
            "Due soon",
        ],
    ]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        (
            "-next_review_due",
            ["Month guide", "Soon article", "Overdue condition", "Unreviewed article"],
        ),
        ("title", ["Month guide", "Overdue condition", "Soon article", "Unreviewed article"]),
        ("-title", ["Unreviewed article", "Soon article", "Overdue condition", "Month guide"]),
        (
            "last_reviewed",
            ["Unreviewed article", "Overdue condition", "Soon article", "Month guide"],
        ),
        (
            "content_type__model",
            ["Soon article", "Unreviewed article", "Overdue condition", "Month guide"],
        ),
        ("-urgency", ["Month guide", "Soon article", "Overdue condition", "Unreviewed article"]),
    ],
)
def test_the_report_sorts_by_its_columns(admin_client, ordering, expected):
    assert titles(admin_client.get(REPORT, {"ordering": ordering})) == expected


def test_the_report_filters_by_status(admin_client):
    assert titles(admin_client.get(REPORT, {"status": "1"})) == ["Overdue condition"]


def test_the_report_exports_csv(admin_client):
    response = admin_client.get(REPORT, {"export": "csv"})

    assert response["Content-Type"] == "text/csv"
    assert f"reviews-due-{TODAY.isoformat()}.csv" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert table[0] == [
        "Page",
        "Type",
        "Last reviewed",
        "Reviewed by",
        "Next review due",
        "Status",
        "Address",
    ]
    assert table[2] == [
        "Overdue condition",
        "Condition",
        days(-375).isoformat(),
        "Dr Ada Reviewer",
        days(-10).isoformat(),
        "Overdue",
        page_at("/back-pain-types/overdue-condition/").full_url,
    ]
    assert [row[0] for row in table[1:]] == [
        "Unreviewed article",
        "Overdue condition",
        "Soon article",
        "Month guide",
    ]


def test_the_report_exports_xlsx(admin_client):
    response = admin_client.get(REPORT, {"export": "xlsx"})

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0][:3] == ("Page", "Type", "Last reviewed")
    assert values[1][0] == "Unreviewed article"
    assert values[1][5] == "Never reviewed"
    assert len(values) == 5


@pytest.mark.parametrize("group", [EDITORS, REVIEWERS, MODERATORS])
def test_editors_reviewers_and_moderators_see_the_report(django_user_model, group):
    client = user_client(django_user_model, "someone", group)

    response = client.get(REPORT)
    assert response.status_code == 200
    assert "Overdue condition" in response.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'"url": "{REPORT}"' in dashboard  # in the Reports menu
    assert f'href="{REPORT}"' in dashboard  # from the panel


def test_the_report_is_not_shown_without_admin_access(django_user_model):
    client = user_client(django_user_model, "reader")

    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_report_is_not_shown_to_admin_users_without_page_permissions(django_user_model):
    client = user_client(django_user_model, "clerk", None, "access_admin")

    response = client.get(REPORT)
    assert response.status_code == 302
    assert "Overdue condition" not in client.get(response["Location"]).content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert REPORT not in dashboard


def counts(html):
    panel = html.split('id="reviews-due-content"')[1].split("</ul>")[0]
    return {
        label.strip(): int(number)
        for number, label in re.findall(r"<li><strong>(\d+)</strong>([^<]+)</li>", panel)
    }


def test_the_dashboard_panel_counts_reviews_due(django_user_model):
    client = user_client(django_user_model, "someone", EDITORS)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert counts(html) == {"overdue": 1, "due within 30 days": 2, "never reviewed": 1}


def test_overdue_pages_stay_live(admin_client, client):
    page = ContentPage.objects.live().filter(content_type__in=health_page_types()).first()
    ContentPage.objects.filter(pk=page.pk).update(next_review_due=days(-100))

    admin_client.get(REPORT)
    admin_client.get(reverse("wagtailadmin_home"))

    assert ContentPage.objects.get(pk=page.pk).live
    assert client.get(page.url).status_code == 200

"""Every CSV export of what readers or anonymous visitors typed is safe to open in a
spreadsheet: a cell that starts like a formula starts with a quote instead."""

import csv
import io

import pytest

from django.urls import reverse
from django.utils import timezone

from search.models import SearchQueryCount
from tests.conftest import page_at
from tests.healthsite.test_contact_form import ORIGIN, URL, message

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

ATTACKS = ['=HYPERLINK("http://evil.example","Click")', "=cmd|' /C calc'!A0", "@SUM(1,2)"]


def csv_rows(response):
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def assert_neutralised(rows):
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for attack in ATTACKS:
        assert f"'{attack}" in cells


def test_the_contact_messages_export_runs_no_formulas(client, admin_client):
    for attack in ATTACKS:
        assert client.post(URL, message(your_name=attack), **ORIGIN).status_code == 200
    contact = page_at(URL)
    url = reverse("wagtailforms:list_submissions", args=[contact.pk])
    assert_neutralised(csv_rows(admin_client.get(url, {"export": "csv"})))


def test_the_search_terms_export_runs_no_formulas(admin_client):
    for attack in ATTACKS:
        SearchQueryCount.objects.create(
            query=attack, day=timezone.localdate(), searches=3, without_results=3
        )
    response = admin_client.get(reverse("search_terms_report"), {"export": "csv"})
    assert_neutralised(csv_rows(response))

"""Editors manage synonyms as a snippet: Settings → Search synonyms."""

import pytest

from wagtail.test.utils.form_data import nested_form_data

from search.models import Synonym
from tests.conftest import page_at
from tests.site_pages import SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

SYNONYMS = "/admin/snippets/search/synonym/"


def test_editors_find_synonyms_under_settings(admin_client):
    assert SYNONYMS in admin_client.get("/admin/").content.decode()


def test_the_listing_is_searchable_by_term(admin_client):
    page = page_at(SCIATICA.url)
    Synonym.objects.create(term="sciatic pain", page=page)
    Synonym.objects.create(term="pins and needles", page=page)

    html = admin_client.get(SYNONYMS, {"q": "sciatic"}).content.decode()

    assert "sciatic pain" in html
    assert "pins and needles" not in html


def test_an_editor_adds_a_synonym(admin_client):
    page = page_at(SCIATICA.url)

    response = admin_client.post(
        f"{SYNONYMS}add/", nested_form_data({"term": "  Sciatic  NERVE pain", "page": page.pk})
    )

    assert response.status_code == 302
    assert Synonym.objects.get(term="sciatic nerve pain").page_id == page.pk

"""Promoted search results in the admin: a page or link is promoted at most once for a search
term, whether twice in one form, beside a promotion saved before, or by moving promotions to a
term that has the same one. The refusal says what and where, and saves nothing."""

import pytest

from django.urls import resolve, reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from search import promotions
from tests.conftest import page_at

pytestmark = pytest.mark.django_db

TERM = "nerve pain down the leg"
ADD = reverse("wagtailsearchpromotions:add")


def edit(query):
    return reverse("wagtailsearchpromotions:edit", args=[query.pk])


def page(pk, **extra):
    return {
        "page": pk,
        "external_link_url": "",
        "external_link_text": "",
        "description": "",
        **extra,
    }


def link(url, text):
    return {"page": "", "external_link_url": url, "external_link_text": text, "description": ""}


def data(term, items, initial=0):
    return nested_form_data(
        {"query_string": term, "editors_picks": inline_formset(items, initial=initial)}
    )


def promoted(term):
    return list(
        SearchPromotion.objects.filter(query__query_string=term)
        .order_by("sort_order")
        .values_list("page_id", "external_link_url")
    )


@pytest.fixture
def sciatica():
    return page_at("/specific-back-pain/sciatica/")


@pytest.fixture
def whiplash():
    return page_at("/specific-back-pain/whiplash/")


def refused(response, title, term=TERM):
    assert response.status_code == 200
    html = response.content.decode()
    assert f"“{title}” is already promoted for “{term}”" in html
    assert "each page or link can be promoted only once for a search term" in html


def test_the_admin_serves_the_views_that_refuse_duplicates():
    assert resolve(ADD).func.view_class is promotions.CreateView
    assert resolve("/admin/searchpicks/1/").func.view_class is promotions.EditView


def test_the_same_page_twice_in_one_form_is_refused(admin_client, sciatica):
    response = admin_client.post(ADD, data(TERM, [page(sciatica.pk), page(sciatica.pk)]))
    refused(response, sciatica.title)
    assert promoted(TERM) == []


def test_distinct_pages_and_links_are_saved(admin_client, sciatica, whiplash):
    items = [page(sciatica.pk), page(whiplash.pk), link("https://www.nhs.uk/sciatica/", "NHS")]
    response = admin_client.post(ADD, data(TERM, items))
    assert response.status_code == 302
    assert promoted(TERM) == [
        (sciatica.pk, ""),
        (whiplash.pk, ""),
        (None, items[2]["external_link_url"]),
    ]


def test_adding_a_page_the_term_already_promotes_is_refused(admin_client, sciatica, whiplash):
    assert admin_client.post(ADD, data(TERM, [page(sciatica.pk)])).status_code == 302
    # "Add" again for the same words, differently typed: Wagtail adds to the same term.
    response = admin_client.post(ADD, data("Nerve pain down the LEG", [page(sciatica.pk)]))
    refused(response, sciatica.title)
    assert promoted(TERM) == [(sciatica.pk, "")]

    assert admin_client.post(ADD, data(TERM, [page(whiplash.pk)])).status_code == 302
    assert promoted(TERM) == [(sciatica.pk, ""), (whiplash.pk, "")]


def test_the_same_link_twice_is_refused_in_the_edit_view(admin_client, sciatica):
    url = "https://www.nhs.uk/conditions/sciatica/"
    admin_client.post(ADD, data(TERM, [link(url, "NHS: sciatica")]))
    query = Query.objects.get(query_string=TERM)
    first = SearchPromotion.objects.get(query=query)

    items = [{"id": first.pk, **link(url, "NHS: sciatica")}, link(url.rstrip("/"), "The NHS")]
    response = admin_client.post(edit(query), data(TERM, items, initial=1))
    refused(response, url.rstrip("/"))
    assert promoted(TERM) == [(None, url)]

    items[1] = page(sciatica.pk)
    assert admin_client.post(edit(query), data(TERM, items, initial=1)).status_code == 302
    assert promoted(TERM) == [(None, url), (sciatica.pk, "")]


def test_a_page_can_be_promoted_again_once_its_first_promotion_is_deleted(admin_client, sciatica):
    admin_client.post(ADD, data(TERM, [page(sciatica.pk)]))
    query = Query.objects.get(query_string=TERM)
    first = SearchPromotion.objects.get(query=query)

    items = [page(sciatica.pk, id=first.pk, DELETE="1"), page(sciatica.pk, description="New")]
    response = admin_client.post(edit(query), data(TERM, items, initial=1))
    assert response.status_code == 302
    assert list(SearchPromotion.objects.filter(query=query).values_list("description")) == [
        ("New",)
    ]


def test_moving_promotions_to_a_term_that_has_the_page_is_refused(admin_client, sciatica):
    admin_client.post(ADD, data(TERM, [page(sciatica.pk)]))
    admin_client.post(ADD, data("sciatica", [page(sciatica.pk)]))
    other = Query.objects.get(query_string="sciatica")
    pick = SearchPromotion.objects.get(query=other)

    response = admin_client.post(edit(other), data(TERM, [page(sciatica.pk, id=pick.pk)], 1))
    refused(response, sciatica.title)
    assert promoted(TERM) == [(sciatica.pk, "")]
    assert promoted("sciatica") == [(sciatica.pk, "")]

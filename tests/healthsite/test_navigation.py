"""The menu follows the page tree: publishing, unpublishing, order and "show in menus"."""

from datetime import timedelta

import pytest

from django.db import connection
from django.utils import timezone

from wagtail.models import Page

from healthsite.models import ContentPage
from tests.conftest import page_at
from tests.site_pages import (
    BACK_PAIN_TYPES,
    BACK_PAIN_WHILE_SLEEPING,
    HIP_PAIN,
    LOWER_BACK_PAIN,
    NEWSLETTER,
    SCIATICA,
    WHIPLASH,
)

pytestmark = pytest.mark.django_db


def main_menu(client, path="/"):
    html = client.get(path).content.decode()
    return html.split('aria-label="Main"')[1].split("</nav>")[0]


def test_the_menu_groups_pages_under_their_sections(client):
    menu = main_menu(client)
    assert (
        menu.index("Back Pain Types")
        < menu.index("Muscle Spasms")
        < menu.index("Back Pain Management")
    )
    assert 'href="/specific-back-pain/sciatica/"' in menu
    assert 'href="/pilates-exercises/"' in menu


def test_the_top_bar_links_home_newsletter_and_whats_new(client):
    html = client.get(BACK_PAIN_TYPES.url).content.decode()
    top_bar = html.split('aria-label="Quick links"')[1].split("</nav>")[0]
    assert [part.split(">")[0] for part in top_bar.split("<a ")[1:]] == [
        'href="/"',
        'href="/newsletter/"',
        'href="/whats-new/"',
    ]
    assert 'action="/search/"' in html


def test_the_current_page_is_marked(client):
    menu = main_menu(client, SCIATICA.url)
    assert 'href="/specific-back-pain/sciatica/" aria-current="page"' in menu
    assert menu.count('aria-current="page"') == 1


def test_a_top_bar_page_is_marked_there_when_current(client):
    html = client.get(NEWSLETTER.url).content.decode()
    top_bar = html.split('aria-label="Quick links"')[1].split("</nav>")[0]
    assert 'href="/newsletter/" aria-current="page"' in top_bar
    assert top_bar.count('aria-current="page"') == 1


def test_an_unpublished_page_leaves_the_menu(client):
    assert 'href="/specific-back-pain/whiplash/"' in main_menu(client)
    page_at(WHIPLASH.url).unpublish()
    assert 'href="/specific-back-pain/whiplash/"' not in main_menu(client)


def test_show_in_menus_and_order_come_from_the_tree(client):
    page = page_at(HIP_PAIN.url)
    page.show_in_menus = False
    page.save()
    assert HIP_PAIN.url not in main_menu(client)

    last = page_at(BACK_PAIN_WHILE_SLEEPING.url)
    last.move(page_at(LOWER_BACK_PAIN.url), pos="left")
    menu = main_menu(client)
    assert menu.index("Back Pain While Sleeping") < menu.index("Lower Back Pain")


def test_new_badge_for_recent_and_flagged_pages(client):
    menu = main_menu(client)
    assert 'Lifting Technique <span class="badge">New</span>' in menu  # published days ago
    assert 'Tell Your Story <span class="badge">New</span>' in menu  # flagged by the editor
    assert "Sciatica <span" not in menu

    Page.objects.filter(url_path="/home/specific-back-pain/sciatica/").update(
        first_published_at=timezone.now() - timedelta(days=2)
    )
    assert 'Sciatica <span class="badge">New</span>' in main_menu(client)


def test_only_a_few_demo_pages_are_new(client):
    new = [page for page in ContentPage.objects.live() if page.is_new]
    assert 1 <= len(new) <= 5


def test_the_pages_in_menus_have_an_index_of_their_own():
    """The menu reads the few in-menu pages without reading the whole site (migration 0011)."""
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert indexes["navigation_menu_pages"]["columns"] == ["path"]

"""Readers see who wrote a health page, who checked it and when, the disclaimer, and what to
do in an emergency; people have public profiles."""

import pytest

from django.utils import timezone

from editorial.models import Person
from healthsite.models import SiteSettings
from tests.conftest import page_at
from tests.site_pages import ABOUT, CHAIRS, PILATES_EXERCISES, SCIATICA, TMJ_PAIN

pytestmark = pytest.mark.django_db


def main(client, path):
    return client.get(path).content.decode().split("<main")[1].split("</main>")[0]


def test_a_health_page_names_its_author_and_reviewer_with_dates(client):
    html = main(client, SCIATICA.url)
    page = page_at(SCIATICA.url)
    assert 'Written by <a href="/people/alex-morgan/">Alex Morgan</a>' in html
    assert 'Medically reviewed by <a href="/people/dr-sam-okafor/">Dr Sam Okafor</a>' in html
    assert f'Last reviewed: <time datetime="{page.last_reviewed:%Y-%m-%d}">' in html
    assert f'Next review due: <time datetime="{page.next_review_due:%Y-%m-%d}">' in html


def test_review_intervals_come_from_the_page_type(client):
    for path, months in [(SCIATICA.url, 12), (CHAIRS.url, 6)]:
        page = page_at(path)
        due = page.next_review_due
        assert (
            due.year - page.last_reviewed.year
        ) * 12 + due.month - page.last_reviewed.month == months


def test_the_disclaimer_is_on_every_health_page_once(client):
    for path in (SCIATICA.url, CHAIRS.url, PILATES_EXERCISES.url):
        html = client.get(path).content.decode()
        assert html.count("Medical disclaimer") == 1
        assert 'class="disclaimer"' in html.split("</main>")[0]
    assert "Medical disclaimer" in client.get(ABOUT.url).content.decode()


def test_emergency_signs_say_what_to_do_as_settings_put_it(client):
    html = main(client, SCIATICA.url)
    seek_help = html.split('id="seek-help"')[1]
    assert "Get emergency help now if:" in seek_help
    assert "call 999 or go to your nearest A&amp;E" in seek_help

    settings = SiteSettings.objects.get()
    settings.emergency_sentence = "In an emergency, call 112."
    settings.save()
    html = main(client, SCIATICA.url)
    assert "In an emergency, call 112." in html
    # Another country's edition: no other page text names the UK's number or A&E.
    assert "999" not in html and "A&amp;E" not in html


def test_a_profile_shows_credentials_registration_and_pages(client):
    html = main(client, "/people/dr-sam-okafor/")
    assert "<h1>Dr Sam Okafor</h1>" in html
    assert "General Medical Council" in html and "0000000" in html
    assert "(sample)" not in html and "sample profile" not in html
    # The demo's people are fictional, and their pages say so once.
    assert html.count("This person is fictional") == 1
    assert "Pages medically reviewed by Dr Sam Okafor" in html
    assert f'href="{SCIATICA.url}"' in html
    author = main(client, "/people/alex-morgan/")
    assert (
        "Pages written by Alex Morgan" in author and "Health and Care Professions Council" in author
    )


def test_unpublished_pages_leave_a_profile(client):
    page_at(SCIATICA.url).unpublish()
    assert f'href="{SCIATICA.url}"' not in main(client, "/people/dr-sam-okafor/")


def test_profiles_answer_404_for_nobody_and_list_everyone(client):
    assert client.get("/people/nobody/").status_code == 404
    html = main(client, "/people/")
    assert 'href="/people/alex-morgan/"' in html and 'href="/people/dr-sam-okafor/"' in html


def test_a_new_person_gets_a_free_slug():
    first = Person.objects.create(name="Jo Bloggs")
    second = Person.objects.create(name="Jo Bloggs")
    assert (first.slug, second.slug) == ("jo-bloggs", "jo-bloggs-2")


def test_a_page_past_its_review_date_says_it_is_being_reviewed(client):
    """As NHS.UK does: no stale "next review due" date shown as if it were still ahead."""
    page = page_at(TMJ_PAIN.url)
    assert page.next_review_due < timezone.localdate()
    html = main(client, TMJ_PAIN.url)
    assert "Being reviewed</strong>: its review was due on" in html
    assert "Next review due" not in html
    assert "Being reviewed" not in main(client, SCIATICA.url)


def test_a_printed_page_carries_its_address(client):
    html = main(client, SCIATICA.url)
    address = page_at(SCIATICA.url).get_full_url()  # the site's own address, not the request's
    assert f'<p class="print-only">Printed from {address}</p>' in html

"""Editors write issues, preview them and send a test to themselves; moderators send them to
subscribers and follow progress; subscribers are listed, searched, exported and erased."""

import csv
import io

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client

from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial.setup import EDITORS, MODERATORS
from newsletter.models import Delivery, IssuePage, NewsletterIssue, Subscriber
from tests.conftest import page_at
from tests.site_pages import MANAGEMENT_EXERCISES, SCIATICA

pytestmark = pytest.mark.django_db
ISSUES = "/admin/snippets/newsletter/newsletterissue/"
SUBSCRIBERS = "/admin/newsletter/subscribers/"
PAGE = SCIATICA.url


def member(django_user_model, group, name):
    user = django_user_model.objects.create_user(
        name, f"{name}@example.com", "pw", first_name=name.title()
    )
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(django_user_model):
    return member(django_user_model, EDITORS, "edith")


@pytest.fixture
def moderator(django_user_model):
    return member(django_user_model, MODERATORS, "morgan")


def subscriber(email, status=Subscriber.Status.CONFIRMED, **fields):
    return Subscriber.objects.create(
        email=email,
        status=status,
        consent_source=Subscriber.Source.PAGE_BOX,
        consent_wording="2026-11",
        **fields,
    )


def issue_form(
    subject="Three stretches for a stiff back", pages=(PAGE,), intro="A short note from the clinic."
):
    return nested_form_data(
        {
            "subject": subject,
            "intro": intro,
            "pages": inline_formset([{"page": page_at(path).pk} for path in pages]),
        }
    )


def draft(subject="Three stretches for a stiff back"):
    issue = NewsletterIssue.objects.create(subject=subject, intro="A short note.")
    IssuePage.objects.create(issue=issue, page=page_at(PAGE), sort_order=0)
    return issue


def test_editors_find_the_newsletter_in_the_menu(editor, moderator):
    assert ISSUES in editor.get("/admin/").content.decode()
    assert SUBSCRIBERS not in editor.get("/admin/").content.decode()
    assert SUBSCRIBERS in moderator.get("/admin/").content.decode()


def test_an_editor_writes_an_issue_with_chosen_pages_in_order(editor):
    response = editor.post(f"{ISSUES}add/", issue_form(pages=[PAGE, MANAGEMENT_EXERCISES.url]))

    assert response.status_code == 302
    issue = NewsletterIssue.objects.get()
    assert issue.status == NewsletterIssue.Status.DRAFT
    assert [choice.page.url_path for choice in issue.pages.all()] == [
        "/home/specific-back-pain/sciatica/",
        "/home/back-pain-management/exercises/",
    ]
    # What comes next is on the issue's Send page: a test to oneself, then sending.
    assert response["Location"] == f"{ISSUES}inspect/{issue.pk}/"


def test_a_subject_on_two_lines_is_refused(editor):
    response = editor.post(f"{ISSUES}add/", issue_form(subject="Hi\nBcc: everyone@example.com"))
    assert response.status_code == 200
    assert "on one line" in response.content.decode()
    assert not NewsletterIssue.objects.exists()


def test_the_editor_previews_the_email_as_html_and_as_text(editor):
    preview = f"{ISSUES}preview/"
    assert editor.post(preview, issue_form()).json()["is_valid"]

    html = editor.get(preview, {"mode": ""}).content.decode()
    text = editor.get(preview, {"mode": "text"})

    sciatica = page_at(PAGE)
    assert "Three stretches for a stiff back" in html
    assert f'href="http://testserver{PAGE}"' in html and sciatica.summary in html
    assert text["Content-Type"].startswith("text/plain")
    assert f"http://testserver{PAGE}" in text.content.decode()


def test_the_greeting_is_never_doubled(editor):
    preview = f"{ISSUES}preview/"
    for intro, greetings in [
        ("A short note.", 1),
        ("Hello everyone, a short note.", 1),
        ("Hello, a short note.", 1),
        ("Hello from the clinic.", 2),  # no greeting of its own: the e-mail's comes first
    ]:
        assert editor.post(preview, issue_form(intro=intro)).json()["is_valid"]
        for mode in ("", "text"):
            email = editor.get(preview, {"mode": mode}).content.decode()
            assert email.count("Hello") == greetings, (intro, mode)


def test_an_editor_sends_a_test_to_themselves_but_cannot_send_to_subscribers(editor):
    issue = draft()
    subscriber("reader@example.com")

    page = editor.get(f"{ISSUES}inspect/{issue.pk}/").content.decode()
    assert "Send a test to me" in page and "Send to subscribers" not in page
    response = editor.post(f"{ISSUES}send-test/{issue.pk}/")

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["edith@example.com"]
    assert message.subject == "[Test] Three stretches for a stiff back"
    assert "Hello Edith," in message.body
    assert "List-Unsubscribe" in message.extra_headers
    editor.post(f"{ISSUES}queue/{issue.pk}/")
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.DRAFT
    assert len(mail.outbox) == 1


def test_a_moderator_queues_an_issue_after_confirming_and_follows_progress(moderator):
    issue = draft()
    for number in range(3):
        subscriber(f"reader{number}@example.com")
    subscriber("waiting@example.com", status=Subscriber.Status.PENDING)

    confirm = moderator.get(f"{ISSUES}queue/{issue.pk}/").content.decode()
    assert "<strong>3</strong> confirmed subscribers" in confirm
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.DRAFT  # asking is not sending

    response = moderator.post(f"{ISSUES}queue/{issue.pk}/")

    assert response["Location"] == f"{ISSUES}inspect/{issue.pk}/"
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.QUEUED
    assert issue.queued_by.username == "morgan"
    assert not mail.outbox  # sending happens outside the request

    Delivery.objects.bulk_create(
        [
            Delivery(issue=issue, subscriber=reader)
            for reader in Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
        ]
    )
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=NewsletterIssue.Status.SENDING)
    Delivery.objects.filter(subscriber__email="reader0@example.com").update(
        status=Delivery.Status.SENT
    )
    Delivery.objects.filter(subscriber__email="reader1@example.com").update(
        status=Delivery.Status.UNKNOWN
    )
    listing = moderator.get(ISSUES).content.decode()
    assert "1 sent · 0 failed · 1 unknown · 1 waiting" in listing
    inspect = moderator.get(f"{ISSUES}inspect/{issue.pk}/").content.decode()
    assert "Unknown" in inspect and "Send to subscribers" not in inspect

    call_command("send_newsletter", verbosity=0)
    listing = moderator.get(ISSUES).content.decode()
    assert "2 sent · 0 failed · 1 unknown" in listing


def test_an_issue_queued_or_sent_can_no_longer_be_changed(moderator):
    issue = draft()
    moderator.post(f"{ISSUES}queue/{issue.pk}/")
    response = moderator.post(f"{ISSUES}edit/{issue.pk}/", issue_form(subject="Changed"))
    assert "can no longer be changed" in response.content.decode()
    issue.refresh_from_db()
    assert issue.subject == "Three stretches for a stiff back"
    moderator.post(f"{ISSUES}queue/{issue.pk}/")  # queuing twice sends once
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.QUEUED


def test_subscribers_are_listed_searched_and_filtered(moderator):
    subscriber("sam@example.com", first_name="Sam")
    subscriber("alex@example.com", first_name="Alex", status=Subscriber.Status.PENDING)
    Subscriber.objects.create(
        email="robin@example.com",
        consent_source=Subscriber.Source.NEWSLETTER_PAGE,
        consent_wording="2026-11",
    )

    assert "sam@example.com" in moderator.get(SUBSCRIBERS, {"q": "Sam"}).content.decode()
    assert "alex@example.com" not in moderator.get(SUBSCRIBERS, {"q": "Sam"}).content.decode()
    pending = moderator.get(SUBSCRIBERS, {"status": "pending"}).content.decode()
    assert "alex@example.com" in pending and "sam@example.com" not in pending
    by_source = moderator.get(SUBSCRIBERS, {"consent_source": "newsletter-page"}).content
    assert b"robin@example.com" in by_source and b"sam@example.com" not in by_source


def test_the_csv_export_cannot_carry_a_formula(moderator):
    subscriber("sam@example.com", first_name='=HYPERLINK("http://evil.example")')
    subscriber("alex@example.com", first_name="+1")
    subscriber("robin@example.com", first_name="Robin")

    response = moderator.get(SUBSCRIBERS, {"export": "csv"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    names = {row["E-mail address"]: row["First name"] for row in rows}
    assert names == {
        "sam@example.com": '\'=HYPERLINK("http://evil.example")',
        "alex@example.com": "'+1",
        "robin@example.com": "Robin",
    }


def test_a_moderator_erases_a_subscriber_and_their_deliveries(moderator):
    sam = subscriber("sam@example.com")
    issue = draft()
    Delivery.objects.create(issue=issue, subscriber=sam, status=Delivery.Status.SENT)
    subscriber("alex@example.com")

    confirm = moderator.get(f"{SUBSCRIBERS}delete/{sam.pk}/").content.decode()
    assert "Yes, erase" in confirm
    response = moderator.post(f"{SUBSCRIBERS}delete/{sam.pk}/")

    assert response.status_code == 302
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["alex@example.com"]
    assert not Delivery.objects.exists()
    entry = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(sam.pk))
    assert "sam@example.com" not in f"{entry.label} {entry.data}"


def test_nobody_adds_or_edits_a_subscriber_in_the_admin(admin_client):
    sam = subscriber("sam@example.com")
    assert "/new/" not in admin_client.get(SUBSCRIBERS).content.decode()
    for url in (f"{SUBSCRIBERS}new/", f"{SUBSCRIBERS}edit/{sam.pk}/"):
        assert admin_client.get(url).status_code in (302, 403)
        assert admin_client.post(url, {"email": "x@example.com"}).status_code in (302, 403)
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["sam@example.com"]


def test_editors_do_not_see_subscribers(editor):
    sam = subscriber("sam@example.com")
    for url in (SUBSCRIBERS, f"{SUBSCRIBERS}inspect/{sam.pk}/", f"{SUBSCRIBERS}delete/{sam.pk}/"):
        response = editor.get(url)
        assert response.status_code in (302, 403)
        assert b"sam@example.com" not in response.content

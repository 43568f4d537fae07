"""A new reader's whole path, with the e-mails read from the outbox: sign up, confirm, download
the gift, get an issue, unsubscribe from the e-mail's link (and by one click in a mail
program)."""

import pytest

from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.models import Site

from newsletter.models import IssuePage, NewsletterIssue, NewsletterSettings, Subscriber
from tests.conftest import page_at
from tests.newsletter.conftest import ORIGIN, link, sign_up
from tests.site_pages import SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def gift():
    document = Document.objects.create(
        title="Top 10 Tips for Managing Your Back Pain",
        file=ContentFile(PDF, name="top-10-tips.pdf"),
    )
    NewsletterSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"gift": document}
    )
    yield document
    document.file.delete(save=False)


def send_an_issue():
    issue = NewsletterIssue.objects.create(
        subject="Three stretches for a stiff back",
        intro="Hello from the clinic.",
        status=NewsletterIssue.Status.QUEUED,
        queued_at=timezone.now(),
    )
    IssuePage.objects.create(issue=issue, page=page_at(SCIATICA.url))
    call_command("send_newsletter", verbosity=0)


def test_sign_up_confirm_download_read_and_unsubscribe(client, gift):
    response = sign_up(client, email="sam@example.com", first_name="Sam")
    assert "Check your inbox." in response.content.decode()

    confirm = link(mail.outbox[0])
    assert "Yes, subscribe me" in client.get(confirm).content.decode()
    thanks = client.post(confirm, **ORIGIN).content.decode()
    assert "Download Top 10 Tips for Managing Your Back Pain" in thanks
    assert f'href="{gift.url}"' in thanks
    download = client.get(gift.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF

    mail.outbox.clear()
    send_an_issue()
    [issue] = mail.outbox
    assert issue.to == ["sam@example.com"] and "Hello Sam," in issue.body
    unsubscribe = link(issue)
    assert issue.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"

    assert "<button" in client.get(unsubscribe).content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    left = client.post(unsubscribe, **ORIGIN).content.decode()
    assert "You are unsubscribed" in left
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED

    mail.outbox.clear()
    send_an_issue()
    assert not mail.outbox


def test_one_click_from_the_mail_program(client):
    sign_up(client)
    client.post(link(mail.outbox[0]), **ORIGIN)
    mail.outbox.clear()
    send_an_issue()
    [issue] = mail.outbox

    # What the mail provider does with the headers, on the reader's behalf.
    target = issue.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    response = client.post(target, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED

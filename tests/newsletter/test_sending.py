"""`send_newsletter` sends queued issues outside the web request, one e-mail at a time: a killed
sender resumes where it stopped, nobody gets an issue twice, and a crash leaves at most one
recipient unknown."""

import io
import smtplib
from collections import Counter

import pytest

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from newsletter.models import Delivery, IssuePage, NewsletterIssue, Subscriber
from newsletter.sending import only_sender, send_queued
from tests.conftest import page_at
from tests.newsletter.conftest import LINK
from tests.site_pages import MANAGEMENT_EXERCISES, SCIATICA

pytestmark = pytest.mark.django_db
PAGES = [SCIATICA.url, MANAGEMENT_EXERCISES.url]


class Killed(BaseException):
    """What a process sees of SIGKILL: nothing after this point runs."""


class DiesAfter(EmailBackend):
    """Hands `count` e-mails over, then the process dies while handing over the next."""

    def __init__(self, count, **kwargs):
        super().__init__(**kwargs)
        self.left = count

    def send_messages(self, messages):
        if self.left == 0:
            raise Killed
        self.left -= len(messages)
        return super().send_messages(messages)


class Refuses(EmailBackend):
    """A mail server that refuses one recipient."""

    def __init__(self, address, **kwargs):
        super().__init__(**kwargs)
        self.address = address

    def send_messages(self, messages):
        if messages[0].to == [self.address]:
            raise smtplib.SMTPRecipientsRefused({self.address: (550, b"No such user")})
        return super().send_messages(messages)


def subscriber(email, status=Subscriber.Status.CONFIRMED, first_name=""):
    return Subscriber.objects.create(
        email=email,
        first_name=first_name,
        status=status,
        consent_source=Subscriber.Source.PAGE_BOX,
        consent_wording="2026-11",
    )


def queued_issue(subject="Three stretches for a stiff back", intro="Hello from the clinic."):
    issue = NewsletterIssue.objects.create(
        subject=subject,
        intro=intro,
        status=NewsletterIssue.Status.QUEUED,
        queued_at=timezone.now(),
    )
    for order, path in enumerate(PAGES):
        IssuePage.objects.create(issue=issue, page=page_at(path), sort_order=order)
    return issue


@pytest.fixture
def readers():
    confirmed = [subscriber(f"reader{number}@example.com") for number in range(10)]
    subscriber("waiting@example.com", status=Subscriber.Status.PENDING)
    subscriber("gone@example.com", status=Subscriber.Status.UNSUBSCRIBED)
    return confirmed


def send(**options):
    out = io.StringIO()
    call_command("send_newsletter", stdout=out, **options)
    return out.getvalue()


def recipients():
    return Counter(message.to[0] for message in mail.outbox)


def test_a_queued_issue_goes_to_each_confirmed_subscriber_once(readers):
    issue = queued_issue()

    output = send()
    send()  # cron runs it again a minute later: nothing more goes out

    assert recipients() == Counter({reader.email: 1 for reader in readers})
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert (issue.sent_count, issue.failed_count, issue.unknown_count) == (10, 0, 0)
    assert issue.sent_at is not None
    assert "10 e-mail(s) sent" in output
    assert set(issue.deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_the_email_has_the_pages_absolute_links_and_a_one_click_unsubscribe():
    reader = subscriber("zoe@example.com", first_name="Zoë 🌸")
    queued_issue(intro="Stretch <gently> & often.\n\nSee you next month.")

    send()

    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert message.subject == "Three stretches for a stiff back"
    assert message.alternatives[0][1] == "text/html"
    assert "Hello Zoë 🌸," in message.body and "Hello Zoë 🌸," in html
    assert "Stretch <gently> & often." in message.body
    assert "Stretch &lt;gently&gt; &amp; often." in html
    for path in PAGES:
        page = page_at(path)
        assert (
            f"http://testserver{path}" in message.body and f'href="http://testserver{path}"' in html
        )
        assert page.title in message.body and page.summary in message.body
    [unsubscribe] = set(LINK.findall(message.body))
    assert unsubscribe.startswith("/newsletter/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f'href="http://testserver{unsubscribe}"' in html

    # The link in the e-mail unsubscribes.
    from django.test import Client

    Client().post(unsubscribe)
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED


def test_a_sender_killed_mid_batch_resumes_and_sends_nobody_twice(readers):
    issue = queued_issue()

    with pytest.raises(Killed):
        send_queued(connection=DiesAfter(4))

    assert len(mail.outbox) == 4
    states = Counter(issue.deliveries.values_list("status", flat=True))
    assert states == {
        Delivery.Status.SENT: 4,
        Delivery.Status.SENDING: 1,
        Delivery.Status.PENDING: 5,
    }

    output = send()

    assert "1 e-mail(s) left unknown" in output
    got = recipients()
    assert max(got.values()) == 1
    assert len(got) == 9  # everyone but the one the killed sender was handing over
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert (issue.sent_count, issue.unknown_count) == (9, 1)
    unknown = issue.deliveries.get(status=Delivery.Status.UNKNOWN)
    assert unknown.subscriber.email not in got


def test_killed_again_and_again_each_crash_leaves_at_most_one_unknown(readers):
    issue = queued_issue()
    for _attempt in range(3):
        with pytest.raises(Killed):
            send_queued(connection=DiesAfter(2))
    send()

    assert max(recipients().values()) == 1
    issue.refresh_from_db()
    assert (issue.sent_count, issue.unknown_count) == (7, 3)


def test_a_refused_address_is_marked_failed_and_the_others_are_sent(readers):
    issue = queued_issue()

    send_queued(connection=Refuses("reader3@example.com"))

    issue.refresh_from_db()
    assert (issue.sent_count, issue.failed_count) == (9, 1)
    failed = issue.deliveries.get(status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "reader3@example.com"
    assert "SMTPRecipientsRefused" in failed.error
    assert "reader3@example.com" not in recipients()


def test_who_unsubscribes_while_an_issue_goes_out_is_not_sent_it(readers):
    issue = queued_issue()
    with pytest.raises(Killed):
        send_queued(connection=DiesAfter(2))
    leaving = issue.deliveries.filter(status=Delivery.Status.PENDING).first().subscriber
    Subscriber.objects.filter(pk=leaving.pk).update(status=Subscriber.Status.UNSUBSCRIBED)

    send()

    assert leaving.email not in recipients()
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert not issue.deliveries.filter(subscriber=leaving).exists()


def test_drafts_are_not_sent(readers):
    NewsletterIssue.objects.create(subject="Not yet", intro="Draft")
    assert "0 e-mail(s) sent" in send()
    assert not mail.outbox


def test_a_second_sender_on_the_machine_leaves_it_to_the_first(readers):
    queued_issue()
    with only_sender() as alone:
        assert alone
        assert "Another send_newsletter is running" in send()
    assert not mail.outbox
    send()
    assert len(mail.outbox) == 10


def test_the_command_says_nothing_at_verbosity_zero(readers):
    queued_issue()
    assert send(verbosity=0) == ""
    assert len(mail.outbox) == 10


def test_a_page_unpublished_since_it_was_chosen_is_left_out():
    subscriber("zoe@example.com")
    queued_issue()
    page_at(PAGES[1]).unpublish()

    send()

    [message] = mail.outbox
    assert f"http://testserver{PAGES[0]}" in message.body
    assert PAGES[1] not in message.body and PAGES[1] not in message.alternatives[0][0]

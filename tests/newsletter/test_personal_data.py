"""What the newsletter keeps about a reader: exported and erased with the privacy tools, and
deleted once no longer needed."""

from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Site

from newsletter.models import Delivery, NewsletterIssue, NewsletterSettings, Subscriber
from newsletter.personal_data import DELIVERY_DAYS, UNCONFIRMED_DAYS, UNSUBSCRIBED_DAYS
from privacy import personal_data
from tests.site_pages import SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
NAME = "Newsletter subscribers"


def subscriber(email, status=Subscriber.Status.CONFIRMED, days_ago=0, **fields):
    when = timezone.now() - timedelta(days=days_ago)
    return Subscriber.objects.create(
        email=email,
        status=status,
        consent_at=when,
        unsubscribed_at=when if status == Subscriber.Status.UNSUBSCRIBED else None,
        consent_source=Subscriber.Source.PAGE_BOX,
        consent_page=SCIATICA.url,
        consent_wording="2026-11",
        **fields,
    )


def sent_issue(days_ago=0):
    return NewsletterIssue.objects.create(
        subject="Three stretches",
        intro="Hello.",
        status=NewsletterIssue.Status.SENT,
        sent_at=timezone.now() - timedelta(days=days_ago),
    )


def test_the_newsletter_says_how_long_it_keeps_what():
    [holder] = [holder for holder in personal_data.holders() if holder.name == NAME]
    assert f"{UNCONFIRMED_DAYS} days" in holder.kept_for
    assert f"{UNSUBSCRIBED_DAYS} days" in holder.kept_for


def test_export_gives_the_subscription_its_consent_and_the_emails_sent():
    sam = subscriber("Sam@Example.com", first_name="Sam")
    Delivery.objects.create(issue=sent_issue(), subscriber=sam, status=Delivery.Status.SENT)
    subscriber("alex@example.com")

    records = personal_data.export("sam@example.com ")[NAME]

    subscription, email = records
    assert subscription["e-mail address"] == "Sam@Example.com"
    assert subscription["first name"] == "Sam"
    assert subscription["status"] == "Subscribed"
    assert subscription["consent given on the page"] == SCIATICA.url
    assert subscription["privacy promise version"] == "2026-11"
    assert subscription["consent given"]
    assert (email["issue"], email["status"]) == ("Three stretches", "Sent")


def test_erase_deletes_the_subscriber_and_their_deliveries_only():
    sam = subscriber("sam@example.com")
    alex = subscriber("alex@example.com")
    issue = sent_issue()
    Delivery.objects.create(issue=issue, subscriber=sam)
    Delivery.objects.create(issue=issue, subscriber=alex)

    assert personal_data.erase("SAM@example.com")[NAME] == 2

    assert list(Subscriber.objects.values_list("email", flat=True)) == ["alex@example.com"]
    assert list(Delivery.objects.values_list("subscriber__email", flat=True)) == [
        "alex@example.com"
    ]


def test_purge_deletes_what_is_past_its_period_and_nothing_else():
    pending = Subscriber.Status.PENDING
    left = Subscriber.Status.UNSUBSCRIBED
    subscriber("unconfirmed-old@example.com", pending, days_ago=UNCONFIRMED_DAYS + 1)
    subscriber("unconfirmed-new@example.com", pending, days_ago=UNCONFIRMED_DAYS - 1)
    subscriber("left-long-ago@example.com", left, days_ago=UNSUBSCRIBED_DAYS + 1)
    subscriber("left-lately@example.com", left, days_ago=UNSUBSCRIBED_DAYS - 1)
    loyal = subscriber("loyal@example.com", days_ago=3000)
    Delivery.objects.create(issue=sent_issue(days_ago=DELIVERY_DAYS + 1), subscriber=loyal)
    recent = Delivery.objects.create(issue=sent_issue(days_ago=DELIVERY_DAYS - 1), subscriber=loyal)

    deleted = personal_data.purge(timezone.now())[NAME]

    assert deleted == 3
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "unconfirmed-new@example.com",
        "left-lately@example.com",
        "loyal@example.com",
    }
    assert list(Delivery.objects.all()) == [recent]
    assert NewsletterIssue.objects.count() == 2  # issues keep their totals


def test_changing_the_privacy_promise_needs_a_new_version():
    site = Site.objects.get(is_default_site=True)
    newsletter = NewsletterSettings.for_site(site)  # the demo's, or new ones
    newsletter.privacy_promise = "We may share your address."
    with pytest.raises(ValidationError) as refused:
        newsletter.clean()
    assert "privacy_version" in refused.value.message_dict
    newsletter.privacy_version = "2026-12"
    newsletter.clean()

"""What the newsletter keeps about readers, for the privacy tools (privacy/): each
subscriber with their consent, and the record of each issue e-mailed to them."""

from privacy.personal_data import PersonalData, older_than

from . import tokens
from .models import Delivery, NewsletterIssue, Subscriber

# An unconfirmed signup is kept as long as its confirmation link works.
UNCONFIRMED_DAYS = tokens.CONFIRM_FOR.days
UNSUBSCRIBED_DAYS = 30
# The record of who got an issue: its totals stay with the issue.
DELIVERY_DAYS = 90


def when(value):
    return value.isoformat() if value else ""


def export(email):
    records = []
    for subscriber in Subscriber.objects.filter(email__iexact=email):
        records.append(
            {
                "record": "newsletter subscription",
                "e-mail address": subscriber.email,
                "first name": subscriber.first_name,
                "status": subscriber.get_status_display(),
                "first signed up": when(subscriber.created_at),
                "consent given": when(subscriber.consent_at),
                "consent given in": subscriber.get_consent_source_display(),
                "consent given on the page": subscriber.consent_page,
                "privacy promise version": subscriber.consent_wording,
                "confirmed": when(subscriber.confirmed_at),
                "unsubscribed": when(subscriber.unsubscribed_at),
            }
        )
        for delivery in subscriber.deliveries.select_related("issue").order_by("created_at"):
            records.append(
                {
                    "record": "newsletter e-mail",
                    "issue": delivery.issue.subject,
                    "status": delivery.get_status_display(),
                    "sent": when(delivery.finished_at),
                    "error": delivery.error,
                }
            )
    return records


def erase(email):
    """Deletes the subscriber and the record of every issue sent to them."""
    deleted, _by_model = Subscriber.objects.filter(email__iexact=email).delete()
    return deleted


def purge(now):
    unconfirmed = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, consent_at__lt=older_than(now, UNCONFIRMED_DAYS)
    )
    unsubscribed = Subscriber.objects.filter(
        status=Subscriber.Status.UNSUBSCRIBED,
        unsubscribed_at__lt=older_than(now, UNSUBSCRIBED_DAYS),
    )
    old_deliveries = Delivery.objects.filter(
        issue__status=NewsletterIssue.Status.SENT,
        issue__sent_at__lt=older_than(now, DELIVERY_DAYS),
    )
    return sum(records.delete()[0] for records in (unconfirmed, unsubscribed, old_deliveries))


SUBSCRIBERS = PersonalData(
    name="Newsletter subscribers",
    kept_for=f"unconfirmed signups {UNCONFIRMED_DAYS} days; subscribers until they "
    f"unsubscribe, then {UNSUBSCRIBED_DAYS} days; the record of each newsletter e-mailed to "
    f"a subscriber {DELIVERY_DAYS} days",
    export=export,
    erase=erase,
    purge=purge,
)

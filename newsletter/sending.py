"""Sending queued issues to subscribers, outside any web request (`send_newsletter`).

Each e-mail has its Delivery row, moved pending → sending → sent (or failed), each step
committed on its own. A sender killed while handing one e-mail to the mail server leaves that
one row "sending"; the next run marks it "unknown" and never sends it again. So nobody gets an
issue twice, and a crash leaves at most one recipient unknown. Claiming a row is a conditional
update, so two senders running at once still never send the same e-mail.
"""

import fcntl
import hashlib
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Count
from django.utils import timezone

from .emails import IssueEmail, newsletter_site
from .models import Delivery, NewsletterIssue, Subscriber

BATCH = 200
ERROR_LENGTH = Delivery._meta.get_field("error").max_length


@contextmanager
def only_sender():
    """Yields whether this is the only sender for this database on this machine. The lock
    is released with the process, however it ends (killed included)."""
    database = settings.DATABASES["default"]
    name = f"{database.get('HOST', '')}/{database['NAME']}".encode()
    path = Path(tempfile.gettempdir()) / f"send_newsletter-{hashlib.sha256(name).hexdigest()[:16]}"
    with path.open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
        else:
            yield True


def mark_interrupted():
    """E-mails a stopped sender was handing over: perhaps sent, so never sent again."""
    return Delivery.objects.filter(status=Delivery.Status.SENDING).update(
        status=Delivery.Status.UNKNOWN, finished_at=timezone.now()
    )


def send_queued(connection=None, log=lambda message: None):
    """Sends every queued issue, oldest first; returns the number of e-mails sent."""
    unknown = mark_interrupted()
    if unknown:
        log(f"{unknown} e-mail(s) left unknown by a sender that stopped mid-send")
    issues = NewsletterIssue.objects.filter(
        status__in=[NewsletterIssue.Status.QUEUED, NewsletterIssue.Status.SENDING]
    ).order_by("queued_at", "pk")
    if not issues.exists():
        return 0
    connection = connection or get_connection()
    connection.open()
    try:
        return sum(send_issue(issue, connection, log) for issue in issues)
    finally:
        connection.close()


def address_deliveries(issue):
    """A pending Delivery for each confirmed subscriber who has none for this issue yet."""
    subscribers = (
        Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
        .exclude(deliveries__issue=issue)
        .values_list("pk", flat=True)
    )
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, subscriber_id=pk) for pk in subscribers.iterator()],
        batch_size=1000,
        ignore_conflicts=True,
    )


def send_issue(issue, connection, log):
    if issue.status == NewsletterIssue.Status.QUEUED:
        address_deliveries(issue)
        NewsletterIssue.objects.filter(pk=issue.pk, status=NewsletterIssue.Status.QUEUED).update(
            status=NewsletterIssue.Status.SENDING
        )
        log(f'"{issue}": sending to {issue.deliveries.count()} subscribers')
    email = IssueEmail(issue, newsletter_site())
    sent = 0
    while batch := list(waiting(issue)[:BATCH]):
        for delivery in batch:
            if claim(delivery):
                sent += deliver(delivery, email.for_subscriber(delivery.subscriber), connection)
    # Those who left while it was being sent are not sent it: nothing to record for them.
    issue.deliveries.filter(status=Delivery.Status.PENDING).delete()
    finish(issue, log)
    return sent


def waiting(issue):
    return (
        issue.deliveries.filter(
            status=Delivery.Status.PENDING, subscriber__status=Subscriber.Status.CONFIRMED
        )
        .select_related("subscriber")
        .order_by("pk")
    )


def claim(delivery):
    """Marks the delivery as being sent, unless another sender got there first."""
    return bool(
        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SENDING, started_at=timezone.now()
        )
    )


def deliver(delivery, message, connection):
    """Sends one e-mail and records how it went (1 if sent, else 0)."""
    try:
        error = "" if connection.send_messages([message]) else "The mail server took nothing."
    except Exception as problem:  # one e-mail failing must not stop the others
        error = f"{type(problem).__name__}: {problem}"
    # Whatever another run marked it meanwhile, this sender knows how it went.
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.FAILED if error else Delivery.Status.SENT,
        finished_at=timezone.now(),
        error=error[:ERROR_LENGTH],
    )
    if error:
        # The connection may be broken: start a fresh one. If that fails too, the run stops
        # here and the next one resumes.
        connection.close()
        connection.open()
    return 0 if error else 1


def finish(issue, log):
    """Once no e-mail of the issue waits or is being sent, the issue is sent: its totals are
    kept with it."""
    counts = dict(issue.deliveries.values_list("status").annotate(Count("pk")))
    if counts.get(Delivery.Status.PENDING) or counts.get(Delivery.Status.SENDING):
        return
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.SENT,
        sent_at=timezone.now(),
        sent_count=counts.get(Delivery.Status.SENT, 0),
        failed_count=counts.get(Delivery.Status.FAILED, 0),
        unknown_count=counts.get(Delivery.Status.UNKNOWN, 0),
    )
    log(f'"{issue}": sent ({counts.get(Delivery.Status.SENT, 0)} e-mails)')

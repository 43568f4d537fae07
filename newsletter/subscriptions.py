"""What a signup does, whatever the state of the address. The reader always sees the same
answer; the owner of the address gets the e-mail that fits its state."""

import hashlib

from django_ratelimit.core import is_ratelimited

from django.utils import timezone

from . import emails
from .models import Subscriber

# However many connections a robot spreads its signups over, one address gets at most this
# many e-mails from signup boxes.
MAILS_PER_ADDRESS = "5/d"


def sign_up(request, site, email, first_name, source, page_path, wording):
    """Records the signup and e-mails the address: a confirmation link when it is new, waiting
    or unsubscribed; a note when it is already subscribed (with nothing changed, since whoever
    typed it may not own it). Returns the subscriber."""
    now = timezone.now()
    consent = {
        "consent_at": now,
        "consent_source": source,
        "consent_page": page_path,
        "consent_wording": wording,
    }
    subscriber, created = Subscriber.objects.get_or_create(
        email__iexact=email,
        defaults={"email": email, "first_name": first_name, "created_at": now, **consent},
    )
    if subscriber.status == Subscriber.Status.CONFIRMED:
        mail = emails.already_subscribed(subscriber, site)
    else:
        if not created:
            # Signing up again is consenting again: to the wording shown this time.
            subscriber.status = Subscriber.Status.PENDING
            subscriber.first_name = first_name or subscriber.first_name
            subscriber.unsubscribed_at = None
            for name, value in consent.items():
                setattr(subscriber, name, value)
            subscriber.save()
        mail = emails.confirmation(subscriber, site)
    if not mailed_too_often(request, subscriber.email):
        mail.send()
    return subscriber


def mailed_too_often(request, address):
    digest = hashlib.sha256(address.casefold().encode()).hexdigest()
    return is_ratelimited(
        request,
        group="newsletter-mail",
        key=lambda _group, _request: digest,
        rate=MAILS_PER_ADDRESS,
        increment=True,
    )

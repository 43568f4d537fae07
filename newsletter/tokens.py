"""The signed tokens in newsletter links: confirming an address (expires) and unsubscribing
(never expires: an e-mail from years ago must still let its reader leave).

Each carries the subscriber's random key, signed with its own salt, so that a token for one
purpose is worthless for the other and a changed token is refused before the database is read.
"""

import uuid
from datetime import timedelta

from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRM_FOR = timedelta(days=7)

Expired = signing.SignatureExpired
Invalid = signing.BadSignature  # Expired is one kind of Invalid


def for_confirming(key):
    return signing.dumps(key.hex, salt=CONFIRM_SALT)


def for_unsubscribing(key):
    return signing.dumps(key.hex, salt=UNSUBSCRIBE_SALT)


def confirming(token):
    """The key a confirmation token carries; raises Expired or Invalid."""
    return _key(signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_FOR))


def unsubscribing(token):
    """The key an unsubscribe token carries; raises Invalid."""
    return _key(signing.loads(token, salt=UNSUBSCRIBE_SALT))


def _key(value):
    try:
        return uuid.UUID(hex=value)
    except (TypeError, ValueError, AttributeError) as error:
        raise Invalid("not a subscriber key") from error

"""Personal data readers give the site, whichever app holds it: an editor can export or erase
everything about one e-mail address, and what is past its retention period is deleted.

Each app that keeps personal data registers a `PersonalData` with the Wagtail hook
"register_personal_data" (see newsletter/, stories/, and contact_messages.py for the
site's contact forms).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from wagtail import hooks


@dataclass(frozen=True)
class PersonalData:
    """One kind of personal data the site keeps."""

    name: str  # what editors see, e.g. "Newsletter subscribers"
    kept_for: str  # the retention period in words, as the privacy notice states it
    export: Callable[[str], list[dict]]  # everything held about an e-mail address
    erase: Callable[[str], int]  # deletes it; returns how many records went
    purge: Callable[[object], int]  # deletes what is past retention at a datetime; how many


def holders():
    return [register() for register in hooks.get_hooks("register_personal_data")]


def export(email):
    """{kind of data: [records]} held about `email`."""
    email = email.strip()
    return {holder.name: holder.export(email) for holder in holders()}


def erase(email):
    """Deletes everything held about `email`: {kind of data: records deleted}."""
    email = email.strip()
    return {holder.name: holder.erase(email) for holder in holders()}


def purge(now):
    """Deletes what each kind of data keeps past its retention period: {kind: deleted}."""
    return {holder.name: holder.purge(now) for holder in holders()}


def older_than(now, days):
    return now - timedelta(days=days)

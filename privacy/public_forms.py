"""Spam protection for readers' forms on pages cached for everyone.

Such pages cannot carry a per-reader CSRF cookie (reading is cookie-free), so a form proves
itself instead: a signed timestamp (sent too fast, or from a page too old, is refused), a
honeypot field people never see, an Origin/Referer check on the POST, and a limit on how many
posts one address may send (counted in the shared `counters` cache).
"""

import time
from types import SimpleNamespace
from urllib.parse import urlsplit

from django_ratelimit.core import get_usage, is_ratelimited

from django import forms
from django.conf import settings
from django.core import signing
from django.template.response import TemplateResponse

# The name this module had when the salt was chosen: changing it would refuse every form
# already open on a reader's screen.
SALT = "healthsite.public_forms.started"
OLDEST = 2 * 24 * 60 * 60  # seconds: longer than any cached copy of a page lives
HONEYPOT = "website"
TIMESTAMP = "form_started"
# Posts refused in an hour from one address (each form counts its own), before every post from
# it is refused: far above a person's mistakes, far below a flood.
REFUSED_PER_HOUR = "30/h"


class PublicForm(forms.Form):
    """A base for every public form: adds and checks the hidden anti-spam fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TIMESTAMP] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=signing.dumps(time.time(), salt=SALT)
        )
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self.errors:
            return
        # Fields in error say so to screen readers, and point at their message.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = [attrs.get("aria-describedby"), f"{self[name].auto_id}_error"]
                attrs["aria-describedby"] = " ".join(filter(None, described))
        # Sent again once corrected, the form must be neither too quick nor too old.
        self.data = self.data.copy()
        key = self.add_prefix(TIMESTAMP)
        self.data[key] = carried_over(self.data.get(key))

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(HONEYPOT, ""):
            raise forms.ValidationError("Sorry, we could not accept this form. Please try again.")
        age = age_of(cleaned_data.pop(TIMESTAMP, ""))
        if age > OLDEST:
            raise forms.ValidationError(
                "This form has expired. Please check your answers and send it again."
            )
        if age < settings.PUBLIC_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                "That was very quick. Please check your answers and send the form again."
            )
        return cleaned_data


def age_of(stamp):
    """Seconds since the form was first shown; more than OLDEST when the stamp is not ours."""
    try:
        return time.time() - float(signing.loads(stamp or "", salt=SALT))
    except (signing.BadSignature, ValueError, TypeError):
        return OLDEST + 1


def carried_over(stamp):
    """The stamp an error page sends back. The clock keeps counting from the form's first
    display, so a reader correcting a typo is never "too quick"; a stamp that is not ours
    starts it again (a robot still waits). Near its expiry, a reader's form gets a stamp that
    is just old enough, to give them time to finish."""
    age = age_of(stamp)
    if age > OLDEST:
        return signing.dumps(time.time(), salt=SALT)
    if age > OLDEST / 2:
        return signing.dumps(time.time() - settings.PUBLIC_FORM_MIN_SECONDS, salt=SALT)
    return stamp


def same_origin(request):
    """True when a POST comes from a page of this site (Origin, or else Referer, matches)."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return False
    parts = urlsplit(source)
    return parts.netloc == request.get_host() and parts.scheme == request.scheme


def too_many(request, group, rate):
    """Counts an accepted post and says whether this address has now sent more than `rate`
    (e.g. "5/h") to `group`'s forms. Only posts that passed every other check count, so an
    attacker's refused posts never use up a reader's allowance.

    Counted in the shared `counters` cache (settings.RATELIMIT_USE_CACHE), so every worker sees
    the same count; a cache outage lets posts through rather than refusing everyone
    (settings.RATELIMIT_FAIL_OPEN).
    """
    return is_ratelimited(request, group=group, key="ip", rate=rate, method="POST", increment=True)


def refused_too_often(request, group):
    """Whether this address has had REFUSED_PER_HOUR posts to `group`'s forms refused (cross-
    site, honeypot, timestamp, invalid): asked first, counting nothing."""
    usage = refusals(request, group)
    return bool(usage and usage["count"] >= usage["limit"])


def refused_before_reading(request, group, page):
    """The answer to a post refused before its form is read (this address has been refused
    too often, or the post comes from another site), or None to read it. A cross-site post
    counts toward the refusals' ceiling only."""
    if refused_too_often(request, group):
        return refuse_too_many(request)
    if not same_origin(request):
        count_refusal(request, group)
        return TemplateResponse(request, "form_refused.html", {"page": page}, status=403)
    return None


def refusals(request, group, increment=False):
    return get_usage(
        request,
        group=f"{group}-refused",
        key="ip",
        rate=REFUSED_PER_HOUR,
        method="POST",
        increment=increment,
    )


def count_refusal(request, group):
    """Counts a refused post toward the address's separate, higher ceiling."""
    refusals(request, group, increment=True)


def refuse_too_many(request):
    """The answer to a reader who posted too often: 429, in friendly words."""
    return TemplateResponse(request, "too_many.html", status=429)


# The checks above for a page that imports nothing from this app: the site shell's FormPage
# (Contact) finds them through settings.PUBLIC_FORM_PROTECTION.
PROTECTION = SimpleNamespace(
    PublicForm=PublicForm,
    refused_before_reading=refused_before_reading,
    count_refusal=count_refusal,
    too_many=too_many,
    refuse_too_many=refuse_too_many,
)

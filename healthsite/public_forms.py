"""Spam protection for readers' forms on pages cached for everyone.

Such pages cannot carry a per-reader CSRF cookie (reading is cookie-free), so a form proves
itself instead: a signed timestamp (sent too fast, or from a page too old, is refused), a
honeypot field people never see, and an Origin/Referer check on the POST.
"""

import time
from urllib.parse import urlsplit

from django import forms
from django.core import signing

SALT = "healthsite.public_forms.started"
FASTEST = 3  # seconds: people take longer than this to fill in a form
OLDEST = 2 * 24 * 60 * 60  # seconds: longer than any cached copy of a page lives
HONEYPOT = "website"
TIMESTAMP = "form_started"


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

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(HONEYPOT, ""):
            raise forms.ValidationError("Sorry, we could not accept this form. Please try again.")
        try:
            age = time.time() - float(signing.loads(cleaned_data.pop(TIMESTAMP, ""), salt=SALT))
        except (signing.BadSignature, ValueError, TypeError):
            age = OLDEST + 1
        if age > OLDEST:
            raise forms.ValidationError(
                "This form has expired. Please check your answers and send it again."
            )
        if age < FASTEST:
            raise forms.ValidationError(
                "That was very quick. Please check your answers and send the form again."
            )
        return cleaned_data


def same_origin(request):
    """True when a POST comes from a page of this site (Origin, or else Referer, matches)."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return False
    parts = urlsplit(source)
    return parts.netloc == request.get_host() and parts.scheme == request.scheme

"""The form of every signup box."""

import re

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator, validate_email

from privacy.public_forms import PublicForm

from .models import EMAIL_LENGTH, NAME_LENGTH
from .validators import has_control_characters

PREFIX = "newsletter"  # the box shares pages with other forms (contact, stories)
WORDING_SALT = "newsletter.wording"
EXPIRED = "This form has expired. Please check your answers and send it again."
PAGE_PATH = re.compile(r"/[A-Za-z0-9_\-./]{0,250}")


class ReaderTextMixin:
    """Refuses control characters in the field's own words: Django's check for NUL alone would
    add a second, technical message."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]


class EmailAddressField(ReaderTextMixin, forms.EmailField):
    """An address and nothing else: no line breaks or other control characters, no quoted
    local part (which may hold them)."""

    default_validators = []  # validate() says it once, in the reader's words

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        invalid = ValidationError(self.error_messages["invalid"], code="invalid")
        if has_control_characters(value) or '"' in value:
            raise invalid
        try:
            validate_email(value)
        except ValidationError:
            raise invalid from None


class FirstNameField(ReaderTextMixin, forms.CharField):
    """A first name as the reader writes it (accents and emoji welcome), on one line."""

    def validate(self, value):
        super().validate(value)
        if has_control_characters(value):
            raise ValidationError(
                "Please type your first name without special characters.", code="invalid"
            )
        # Robots put links here, hoping to have them e-mailed to someone.
        if "@" in value or "://" in value or "www." in value.casefold():
            raise ValidationError("Please give only your first name here.", code="invalid")


class SignupForm(PublicForm):
    email = EmailAddressField(
        label="Your e-mail address",
        max_length=EMAIL_LENGTH,
        error_messages={
            "required": "Please enter your e-mail address.",
            "invalid": "Please enter your e-mail address like name@example.com.",
            "max_length": f"An e-mail address has at most {EMAIL_LENGTH} characters. "
            "Please check yours.",
        },
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )
    first_name = FirstNameField(
        label="Your first name (optional)",
        required=False,
        max_length=NAME_LENGTH,
        error_messages={
            "max_length": f"Please shorten your first name to {NAME_LENGTH} characters or fewer."
        },
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    # Which page the box was on, and the version of the privacy promise it showed (signed,
    # so that the consent we record is the wording the reader saw, even on a cached page).
    source = forms.CharField(required=False, widget=forms.HiddenInput)
    wording = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, source="", wording="", **kwargs):
        super().__init__(*args, prefix=PREFIX, **kwargs)
        self.fields["source"].initial = source
        self.fields["wording"].initial = signing.dumps(wording, salt=WORDING_SALT)

    def clean_source(self):
        path = self.cleaned_data["source"]
        return path if PAGE_PATH.fullmatch(path) else ""

    def clean(self):
        cleaned_data = super().clean()
        try:
            wording = signing.loads(cleaned_data.get("wording", ""), salt=WORDING_SALT)
        except signing.BadSignature:
            raise ValidationError(EXPIRED) from None
        cleaned_data["wording"] = str(wording)[:40]
        return cleaned_data

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.errors:
            # Shown again for correction: with the wording this page shows now.
            self.data[self.add_prefix("wording")] = self.fields["wording"].initial

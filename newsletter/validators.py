"""What one line of text typed by a reader or an editor may hold, since it may end up in an
e-mail (a subject is a header: a line break there would add headers)."""

import unicodedata

from django.core.exceptions import ValidationError

# Bidirectional overrides make a line read differently from what it holds.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_control_characters(value):
    return any(unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS for char in value)


def single_line(value):
    if has_control_characters(value):
        raise ValidationError(
            "Use plain text on one line, without special characters.", code="control_characters"
        )

"""Reader text is plain text: cleaned on the way in (it is never marked safe as HTML
anywhere, and exports make it harmless to spreadsheets: privacy/spreadsheets.py)."""

import re

# C0 and C1 control characters except tab and line feed: they mean nothing in a story, break
# feeds and e-mail, and PostgreSQL refuses NUL.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
SPACES = re.compile(r"\s+")


def multiline(value):
    """Paragraphs as the reader typed them: Unix line ends, at most one blank line between
    paragraphs, no control characters."""
    value = CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return BLANK_LINES.sub("\n\n", value).strip()


def one_line(value):
    """A single line: any run of whitespace (line breaks too) becomes one space."""
    return SPACES.sub(" ", CONTROL.sub("", value.replace("\r", " "))).strip()

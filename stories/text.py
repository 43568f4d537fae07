"""Reader text is plain text: cleaned on the way in, and made harmless on the way out to
spreadsheets (it is never marked safe as HTML anywhere)."""

import re

# C0 and C1 control characters except tab and line feed: they mean nothing in a story, break
# feeds and e-mail, and PostgreSQL refuses NUL.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
SPACES = re.compile(r"\s+")
# What spreadsheet programs read as the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def multiline(value):
    """Paragraphs as the reader typed them: Unix line ends, at most one blank line between
    paragraphs, no control characters."""
    value = CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return BLANK_LINES.sub("\n\n", value).strip()


def one_line(value):
    """A single line: any run of whitespace (line breaks too) becomes one space."""
    return SPACES.sub(" ", CONTROL.sub("", value.replace("\r", " "))).strip()


def spreadsheet_safe(value):
    """A cell value no spreadsheet will run as a formula: a leading quote marks it as text."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value

"""Excerpts of a page's text around the words a reader searched for, those words marked."""

import re
import string

from django.utils.html import escape
from django.utils.safestring import mark_safe

WINDOW = 36  # words in an excerpt
PUNCTUATION = string.punctuation + "“”‘’…"


def stem(term):
    # Crude, on purpose: the search engine stems properly; this only needs to mark
    # "exercises" when a reader typed "exercising".
    return term[: max(4, len(term) - 3)] if len(term) > 5 else term


def excerpt(text, terms):
    """Safe HTML: the stretch of `text` around its first matched term, or None."""
    stems = [stem(term.lower()) for term in terms]

    def matches(token):
        word = token.strip(PUNCTUATION).lower()
        return any(word.startswith(s) for s in stems)

    # The first match found in the whole text at once (a page's text has thousands of words).
    words = "|".join(re.escape(s) for s in stems)
    found = re.search(rf"(?:^|\s)[{re.escape(PUNCTUATION)}]*(?:{words})", text, re.IGNORECASE)
    if not stems or found is None:
        return None
    tokens = text.split()
    first = len(text[: found.start()].split())
    start = max(0, first - WINDOW // 3)
    window = tokens[start : start + WINDOW]
    html = " ".join(f"<mark>{escape(t)}</mark>" if matches(t) else escape(t) for t in window)
    before = "… " if start else ""
    after = " …" if start + WINDOW < len(tokens) else ""
    return mark_safe(before + html + after)  # noqa: S308 - every token is escaped above

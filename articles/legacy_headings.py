"""Headings as the old site's author wrote them, and the condition page section each one
starts.

Old pages often have no heading markup: a heading is a short line of its own, often ending in
".", ":" or "?" ("Symptoms of Back Pain Muscle Spasms.", "The most common causes of muscle
spasms that I see are:"), numbered or not, or a paragraph in bold. SECTION_PHRASES is the one
table that says which words start which section; the import report shows it to editors.
"""

import re
from html import escape

from .legacy_reading import HEADING_MAX_CHARS, Block

# (condition page field, phrases): a heading containing one of the phrases (as the start of a
# word: "exercise" finds "exercises") starts that section. The first row that matches wins, so
# "Simple home treatment" is self-care, not treatment. A heading ending in "." must start with
# its phrase ("Treatment for sciatica."), so a sentence ending "…see a doctor." is not one.
SECTION_PHRASES = [
    ("seek_help", ["when to see", "see a doctor", "see your doctor", "seek medical",
                   "seek help", "medical help", "get help", "warning sign", "red flag",
                   "when to worry"]),
    ("self_care", ["home treatment", "home remed", "at home", "self-care", "self care",
                   "help yourself", "what you can do"]),
    ("exercises", ["exercise", "stretch"]),
    ("causes", ["what causes", "causes of", "common causes", "cause", "why does", "why do"]),
    ("symptoms", ["symptom", "signs of", "how it feels", "what does it feel like"]),
    ("treatment", ["treatment", "treating", "how is it treated", "treat", "therapy", "relief",
                   "reliev"]),
    ("overview", ["what is", "what are", "overview"]),
]  # fmt: skip
NUMBERING = re.compile(r"^\s*(?:\d+|[ivx]+|[a-h])[.)]\s+", re.I)
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or",
               "the", "to", "with", "your", "my", "is", "are", "do", "does", "it"}  # fmt: skip


def phrase_table():
    """The table as editors read it in the report: [(section name, [phrases])]."""
    return [(name.replace("_", " "), phrases) for name, phrases in SECTION_PHRASES]


def section_for(heading, starting=False):
    """The section a heading starts (a field name), or None."""
    words = " ".join(NUMBERING.sub("", heading).lower().split())
    for name, phrases in SECTION_PHRASES:
        for phrase in phrases:
            found = re.search(r"(?<![\w-])" + re.escape(phrase), words)
            if found and (not starting or found.start() == 0):
                return name
    return None


def title_case(text):
    """Most of the words that count start with a capital: "Symptoms of Back Pain Spasms"."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in SMALL_WORDS]
    if len(words) < 2:
        return False
    return sum(word[0].isupper() for word in words) / len(words) >= 0.75


def reads_as_heading(text):
    """A short line, one phrase or sentence, that introduces what follows."""
    text = " ".join(NUMBERING.sub("", text).split())
    if not text or len(text) > HEADING_MAX_CHARS + 20:
        return False
    body, end = text[:-1], text[-1]
    if re.search(r"[.!?;]\s", body):  # more than one sentence
        return False
    if end == "?":
        return True
    if end == ":":
        return section_for(body) is not None or title_case(body)
    if end == ".":
        starts_section = section_for(body, starting=True) is not None
        return "," not in body and (title_case(body) or starts_section)
    return end not in ",;!" and len(text) <= HEADING_MAX_CHARS


def promote(blocks):
    """Paragraphs that are headings as people wrote them become headings (their closing "."
    or ":" and numbering taken off); a heading introduces something, so never the last block."""
    # Beside real headings, one that starts no section is a sub-heading.
    marked_up = any(block.kind == "heading" for block in blocks)
    result = []
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if block.kind == "paragraph" and following is not None and following.kind != "heading":
            text = block.text
            bold_line = block.emphasised and len(text) <= HEADING_MAX_CHARS
            punctuated = text.endswith((".", ":", "?")) and reads_as_heading(text)
            if bold_line or punctuated:
                plain = NUMBERING.sub("", text).rstrip(" .:")
                level = 3 if marked_up and section_for(plain) is None else 2
                block = Block("heading", html=escape(plain), level=level)
        result.append(block)
    return result

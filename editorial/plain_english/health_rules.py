"""The rules health pages follow, beyond reading level and medical words: a condition page
says when to seek help (each warning sign with its urgency), pages cite their sources, link
text says where it goes, headings do not skip a level, images have alt text, and the words
the NHS content style guide avoids are avoided."""

import re

from .text import BODY_FIELD

# Link text that says nothing about where it leads (screen readers list links by it).
VAGUE_LINK_TEXT = {"click here", "here", "read more", "learn more", "more", "this link", "link"}

# Words that cast people as victims of their condition, with what to write instead: the
# one list of them (the NHS content style guide avoids these).
AVOIDED_PHRASES = [
    (r"suffer(?:s|ed|ing)? (?:from|with)", "have, or live with"),
    (r"sufferers?", "people with (the condition)"),
    (r"victims?", "people who have (had) it"),
    (r"afflicted (?:by|with)", "have"),
    (r"stricken (?:by|with)", "have"),
    (r"wheelchair[- ]bound|confined to a wheelchair", "uses a wheelchair"),
    (r"battl(?:e|es|ed|ing) (?:with|against)", "live with, or have treatment for"),
]


def flag(kind, text, suggestion=""):
    return {"kind": kind, "text": text, "suggestion": suggestion}


def seek_help(page, text):
    """A condition page says when to get help, each warning sign with how urgent it is."""
    if "seek_help" not in {name for name, _heading in getattr(page, "SECTIONS", [])}:
        return []
    if "seek_help" not in text.filled:
        return [
            flag(
                "seek_help",
                'No "When to seek medical help" section.',
                "Add the warning signs that mean a reader should get help, each with how "
                "urgently (red flags).",
            )
        ]
    flags = [
        flag(
            "red_flag_urgency",
            f"Warning sign without its urgency: {sign or '(empty)'}",
            "Choose how urgently to get help: emergency, today or soon.",
        )
        for urgency, sign in text.red_flags
        if not urgency
    ]
    if not text.red_flags:
        flags.append(
            flag(
                "red_flag_urgency",
                "The warning signs are written as text, without their urgency.",
                "Add each sign as a red flag, saying how urgently to get help.",
            )
        )
    return flags


def sources(page):
    if getattr(page, "sources", None):
        return []
    return [
        flag(
            "no_sources",
            "The page cites no source.",
            "Add what the page is based on under Sources, and cite it from the text.",
        )
    ]


def link_text(text):
    return [
        flag(
            "link_text",
            f'Link text "{words}" does not say where it leads.',
            'Use the name of the page or what readers will find, e.g. "exercises for back pain".',
        )
        for _field, words, _address in text.links
        if " ".join(re.findall(r"\w+", words.lower())) in VAGUE_LINK_TEXT or not words.strip()
    ]


def heading_levels(text):
    """Headings that skip a level: the body follows the page's title (h1), other fields
    their own section heading (h2)."""
    flags, last = [], {}
    for field, level, heading in text.headings:
        previous = last.get(field, 1 if field == BODY_FIELD else 2)
        if level > previous + 1:
            flags.append(
                flag(
                    "heading_level",
                    f'Heading "{heading}" skips a level (h{previous} to h{level}).',
                    f"Make it a main heading (h{previous + 1}), or add one before it.",
                )
            )
        last[field] = level
    return flags


def image_alt(text):
    return [
        flag(
            "image_alt",
            f"Image without alt text: {name}.",
            "Say what the picture shows, or mark it as decorative.",
        )
        for _field, alt, decorative, name in text.images
        if not decorative and not (alt or "").strip()
    ]


def avoided_phrases(segments):
    flags, seen = [], set()
    for pattern, instead in AVOIDED_PHRASES:
        for segment in segments:
            for match in re.finditer(rf"\b(?:{pattern})\b", segment, re.IGNORECASE):
                words = match.group(0).lower()
                if words not in seen:
                    seen.add(words)
                    flags.append(flag("avoid_phrase", f'"{match.group(0)}"', instead))
    return flags


def check(page, text):
    """The rule flags of `page`, whose text is `text` (text.page_text)."""
    segments = [segment.text for segment in text.segments]
    return [
        *seek_help(page, text),
        *sources(page),
        *link_text(text),
        *heading_levels(text),
        *image_alt(text),
        *avoided_phrases(segments),
    ]

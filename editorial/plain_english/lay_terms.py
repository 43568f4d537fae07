"""Medical words used without their everyday alternative nearby.

A term is explained when, at one of its uses at least, its everyday words (or one of the
alternatives they list: "sudden or short-term") appear in the same paragraph or within a
few words of it; or when the editor marked it as explained on the page."""

import re
from dataclasses import dataclass

# How far (in words, either side) the everyday words may be from the term, across segments.
NEARBY_WORDS = 30


@dataclass(frozen=True)
class Term:
    term: str
    everyday: str

    @property
    def pattern(self):
        # Whole words, any case, a plural "s"/"es" allowed; spaces and hyphens alike.
        words = [re.escape(word) for word in re.split(r"[\s-]+", self.term) if word]
        return re.compile(r"\b" + r"[\s-]+".join(words) + r"(?:e?s)?\b", re.IGNORECASE)

    @property
    def alternatives(self):
        """The everyday words whole, and each alternative they list."""
        parts = re.split(r",|;|\bor\b", self.everyday)
        found = [self.everyday, *(part.strip() for part in parts)]
        return [part for part in dict.fromkeys(found) if part]


def mentions(text, words):
    """Whether `text` contains `words` (whole words, any case, plurals allowed)."""
    return Term(words, "").pattern.search(text) is not None


def unexplained(segments, terms, explained=()):
    """The terms used in `segments` (strings, in reading order) with no everyday alternative
    near any use, in order of first use; `explained` names terms the page explains itself."""
    explained = {term.lower() for term in explained}
    text, starts = "", []
    for segment in segments:
        starts.append(len(text))
        text += segment + "\n"
    words = [match.start() for match in re.finditer(r"\S+", text)]
    taken = []  # spans already matched by a longer term ("lumbar radiculopathy" ⊃ "lumbar")
    found = []
    for term in sorted(terms, key=lambda term: -len(term.term)):
        uses = [
            match
            for match in term.pattern.finditer(text)
            if not any(start <= match.start() < end for start, end in taken)
        ]
        if not uses:
            continue
        taken.extend((match.start(), match.end()) for match in uses)
        if term.term.lower() in explained:
            continue
        if not any(nearby(text, starts, words, match, term) for match in uses):
            found.append((uses[0].start(), term, text[uses[0].start() : uses[0].end()]))
    return [(term, used) for _start, term, used in sorted(found, key=lambda item: item[0])]


def nearby(text, starts, words, match, term):
    """Whether an everyday alternative of `term` is in the segment of `match` or within
    NEARBY_WORDS words of it."""
    index = max(i for i, start in enumerate(starts) if start <= match.start())
    segment_start = starts[index]
    segment_end = starts[index + 1] if index + 1 < len(starts) else len(text)
    first = next((i for i, start in enumerate(words) if start >= match.start()), len(words))
    window_start = words[max(first - NEARBY_WORDS, 0)] if words else 0
    last = min(first + NEARBY_WORDS, len(words) - 1)
    window_end = words[last] + 40 if words else len(text)
    around = text[min(segment_start, window_start) : max(segment_end, window_end)]
    around = around.replace(text[match.start() : match.end()], " ", 1)
    return any(mentions(around, words_) for words_ in term.alternatives)

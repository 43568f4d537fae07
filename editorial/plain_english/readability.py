"""Reading level, from textstat: SMOG (what health literacy research uses for patient
information) and the Flesch–Kincaid grade, as a UK reading age (US school grade + 5).

textstat is pinned at 0.7.3: it counts syllables with pyphen's dictionaries, which ship with
pyphen. From 0.7.4 on it fetches NLTK's CMU dictionary from the internet the first time it
counts, which fails offline and must never happen in a worker
(tests/editorial/test_plain_english_offline.py)."""

import re
import warnings
from dataclasses import dataclass

with warnings.catch_warnings():
    # textstat 0.7.3 imports pkg_resources (to read its word lists), which now warns that it
    # is deprecated; setuptools is pinned below the version that drops it.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    import textstat

# A UK reading age is the US school grade plus five years.
GRADE_TO_AGE = 5
# SMOG is defined on 30 sentences; with fewer it is not meaningful.
SMOG_MIN_SENTENCES = 30
LONG_SENTENCE_WORDS = 25
LONG_PARAGRAPH_WORDS = 100
# Sentences as textstat counts them.
SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
ENDS_SENTENCE = re.compile(r"[.!?]['\"’”)]*$")


@dataclass
class Level:
    reading_age: float | None  # None: no text to measure
    smog: float | None  # None: fewer than SMOG_MIN_SENTENCES sentences
    fk_grade: float | None
    sentences: int
    words: int

    @property
    def note(self):
        if self.reading_age is None:
            return "No text to measure yet."
        if self.smog is None:
            sentences = f"{self.sentences} sentence{'s' if self.sentences != 1 else ''}"
            return (
                f"{sentences}: too short for SMOG (it needs {SMOG_MIN_SENTENCES}), so the "
                "reading age is from Flesch–Kincaid only."
            )
        return "Reading age from SMOG."


def as_sentences(segments):
    """The segments as one text of sentences: a heading-like line without a full stop (a list
    item, a caption) would otherwise run into the next one and make a long sentence of both."""
    return " ".join(text if ENDS_SENTENCE.search(text) else f"{text}." for text in segments)


def measure(segments):
    """The reading level of `segments` (strings of running text, in reading order)."""
    text = as_sentences(segments)
    words = textstat.lexicon_count(text) if text else 0
    if not words:
        return Level(None, None, None, 0, 0)
    sentences = textstat.sentence_count(text)
    fk_grade = textstat.flesch_kincaid_grade(text)
    smog = textstat.smog_index(text) if sentences >= SMOG_MIN_SENTENCES else None
    grade = smog if smog is not None else fk_grade
    # Below a first-year reader's level the formulas only say "very easy".
    reading_age = round(max(grade, 0) + GRADE_TO_AGE, 1)
    return Level(reading_age, smog, fk_grade, sentences, words)


def verdict(reading_age, target):
    """Plain words for a reading age against its target."""
    if reading_age is None:
        return "no text yet"
    if reading_age <= target - 2:
        return "easy"
    if reading_age <= target:
        return "fine"
    return "hard for many readers"


def sentences_of(text):
    return [sentence.strip() for sentence in SENTENCE.findall(text) if sentence.strip()]


def word_count(text):
    return textstat.lexicon_count(text)

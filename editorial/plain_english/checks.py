"""All the plain-English checks of one page, put together."""

from dataclasses import dataclass, field

from wagtail.models import Site

from ..models import LayTerm, PlainEnglishSettings
from . import health_rules, lay_terms, readability
from .text import page_text

# The target reading age of each kind of health page: its PlainEnglishSettings field.
DEFAULT_TARGET_SETTING = "article_reading_age"


@dataclass
class Result:
    """What the checks found on a page."""

    level: readability.Level
    target: int
    flags: list = field(default_factory=list)  # {"kind", "text", "suggestion"}

    @property
    def above_target(self):
        return self.level.reading_age is not None and self.level.reading_age > self.target

    @property
    def verdict(self):
        return readability.verdict(self.level.reading_age, self.target)

    @property
    def failed(self):
        """Above target or flagged: what `check_plain_english` exits 1 for."""
        return self.above_target or bool(self.flags)

    def as_json(self):
        return {
            "reading_age": self.level.reading_age,
            "smog": self.level.smog,
            "fk_grade": self.level.fk_grade,
            "target": self.target,
            "flags": self.flags,
        }


def known_terms():
    """Every lay term, for checking one page or many."""
    rows = LayTerm.objects.values_list("term", "everyday")
    return [lay_terms.Term(term, everyday) for term, everyday in rows]


def target_for(page, site=None):
    """The reading age `page` is written for (PlainEnglishSettings of its site)."""
    site = site or page.get_site() or Site.objects.filter(is_default_site=True).first()
    settings = PlainEnglishSettings.for_site(site) if site else PlainEnglishSettings()
    name = getattr(page, "reading_age_setting", None) or DEFAULT_TARGET_SETTING
    return getattr(settings, name)


def explained_terms(page):
    """The terms the editor marked as explained on `page` (its draft's or its live row's)."""
    related = getattr(page, "explained_terms", None)
    if related is None:
        return []
    return [item.term.term for item in related.all() if item.term_id]


def check_page(page, terms=None, target=None, explained=None):
    """The checks of `page` as it stands (the live row for the published page, a draft page
    built from the editor's form for the draft)."""
    text = page_text(page)
    prose = [segment.text for segment in text.prose]
    level = readability.measure(prose)
    terms = known_terms() if terms is None else terms
    explained = explained_terms(page) if explained is None else explained
    segments = [segment.text for segment in text.segments]
    flags = []
    for term, used in lay_terms.unexplained(segments, terms, explained):
        flags.append(
            health_rules.flag(
                "medical_term",
                used,
                term.everyday,
            )
        )
    flags += health_rules.check(page, text)
    for segment in text.prose:
        for sentence in readability.sentences_of(segment.text):
            words = readability.word_count(sentence)
            if words > readability.LONG_SENTENCE_WORDS:
                flags.append(
                    health_rules.flag(
                        "long_sentence",
                        sentence,
                        f"{words} words: split it into sentences of "
                        f"{readability.LONG_SENTENCE_WORDS} words or fewer.",
                    )
                )
        if segment.kind == "paragraph":
            words = readability.word_count(segment.text)
            if words > readability.LONG_PARAGRAPH_WORDS:
                flags.append(
                    health_rules.flag(
                        "long_paragraph",
                        shortened(segment.text),
                        f"{words} words: break it into paragraphs of "
                        f"{readability.LONG_PARAGRAPH_WORDS} words or fewer.",
                    )
                )
    return Result(level, target_for(page) if target is None else target, flags)


def shortened(text, words=12):
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# What editors see each kind of flag called.
KIND_LABELS = {
    "medical_term": "Medical word",
    "seek_help": "When to seek help",
    "red_flag_urgency": "Warning sign",
    "no_sources": "Sources",
    "long_sentence": "Long sentence",
    "long_paragraph": "Long paragraph",
    "link_text": "Link text",
    "heading_level": "Heading",
    "image_alt": "Alt text",
    "avoid_phrase": "Words to avoid",
}


def for_template(result):
    """The context of editorial/plain_english/results.html."""
    return {
        "result": result,
        "level": result.level,
        "flags": [
            {**flag, "label": KIND_LABELS.get(flag["kind"], flag["kind"])} for flag in result.flags
        ],
    }

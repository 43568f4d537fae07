"""What readers type, made safe and useful to search for: cleaned, capped, with synonyms
applied, and a spelling suggestion when nothing is found."""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import cache
from django.db.models import IntegerField, Value

from modelsearch.query import And, Or, PlainText
from wagtail.models import Page

from .models import Synonym

MAX_CHARACTERS = 200
MAX_TERMS = 20
# Letters and digits survive, with hyphens and dots inside words ("Data-X.2"); quotes,
# operators and control characters mean nothing to readers here and trip the database
# backends' query parsers (a NUL byte, unbalanced quotes, hundreds of terms).
WORD = re.compile(r"\w+(?:[-.']\w+)*")
VOCABULARY_KEY = "search:vocabulary"
SYNONYMS_KEY = "search:synonyms"
LAY_PAIRS_KEY = "search:lay-pairs"


@dataclass
class Query:
    text: str  # what the reader typed, shortened to MAX_CHARACTERS, for the search box
    words: list = field(default_factory=list)  # the words the reader typed, cleaned
    terms: list = field(default_factory=list)  # the words searched for (synonyms applied)
    shortened: bool = False  # the reader's text was cut to the limits
    synonyms: list = field(default_factory=list)  # (term, page title, page id) applied
    # (words in the query, the same thing in other words): lay terms editors ticked to serve
    # search, both ways ("slipped disc" ⇄ "herniated disc").
    alternatives: list = field(default_factory=list)

    @property
    def search_string(self):
        return " ".join(self.terms)

    def searched(self, operator):
        """What to search for: the words, each phrase of `alternatives` matched by it or by
        its other words."""
        if not self.alternatives:
            return self.search_string
        rest = self.search_string
        either = []
        for words, others in self.alternatives:
            rest = re.sub(rf"\b{re.escape(words)}\b", " ", rest)
            either.append(Or([PlainText(text, operator="and") for text in [words, *others]]))
        rest = " ".join(rest.split())
        parts = [*([PlainText(rest, operator=operator)] if rest else []), *either]
        if len(parts) == 1:
            return parts[0]
        return And(parts) if operator == "and" else Or(parts)

    @property
    def all_words(self):
        """Every word searched for, alternatives included (for ranking)."""
        others = [other for _words, alternatives in self.alternatives for other in alternatives]
        return " ".join([self.search_string, *others])

    def __bool__(self):
        return bool(self.terms)


def parse(raw):
    """A Query from the raw ?q= text (any length, any characters)."""
    printable = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in raw)
    text = " ".join(printable.split())
    words = [w.lower() for w in WORD.findall(text[:MAX_CHARACTERS].replace("_", " "))]
    query = Query(
        text=text[:MAX_CHARACTERS],
        words=words[:MAX_TERMS],
        terms=words[:MAX_TERMS],
        shortened=len(text) > MAX_CHARACTERS or len(words) > MAX_TERMS,
    )
    apply_synonyms(query)
    apply_lay_terms(query)
    return query


def synonyms():
    """{term: (page title, page id)} for synonyms of live pages, cached until one changes."""
    return word_tables()[0]


def apply_synonyms(query):
    """Replace readers' words with the words our pages use ("slipped disc" → "herniated disc"),
    longest terms first."""
    text = " ".join(query.terms)
    for term, (title, page_id) in sorted(synonyms().items(), key=lambda item: -len(item[0])):
        pattern = rf"\b{re.escape(term)}\b"
        if re.search(pattern, text):
            text = re.sub(pattern, title, text)
            query.synonyms.append((term, title, page_id))
    query.terms = text.split()[:MAX_TERMS]


def lay_pairs():
    """{words: [other words]} for the lay terms that also serve search, both ways, cached
    until one changes."""
    return word_tables()[1]


def word_tables():
    """(synonyms, lay pairs): both read in one query (a search costs no more for the lay
    terms) and kept until one changes."""
    found = cache.get_many([SYNONYMS_KEY, LAY_PAIRS_KEY])
    if len(found) == 2:
        return found[SYNONYMS_KEY], found[LAY_PAIRS_KEY]
    # Unordered: SQLite allows no ORDER BY inside a UNION.
    synonyms = Synonym.objects.filter(page__live=True).order_by()
    rows = synonyms.values_list("term", "page__title", "page_id")
    if apps.is_installed("editorial"):
        lay_terms = apps.get_model("editorial", "LayTerm").objects.filter(search_synonym=True)
        lay_terms = lay_terms.order_by()
        no_page = Value(None, output_field=IntegerField())
        rows = rows.union(lay_terms.values_list("term", "everyday", no_page), all=True)
    table, pairs = {}, {}
    for term, other, page_id in rows:
        if page_id is not None:
            table[term] = (other.lower(), page_id)
            continue
        term, everyday = " ".join(term.lower().split()), " ".join(other.lower().split())
        pairs.setdefault(term, []).append(everyday)
        pairs.setdefault(everyday, []).append(term)
    cache.set_many({SYNONYMS_KEY: table, LAY_PAIRS_KEY: pairs}, 60 * 60)
    return table, pairs


def apply_lay_terms(query):
    """Notes the phrases of the query that have other words for the same thing, longest
    first: pages using either are found."""
    text = " ".join(query.terms)
    for words, others in sorted(lay_pairs().items(), key=lambda item: -len(item[0])):
        pattern = rf"\b{re.escape(words)}\b"
        if re.search(pattern, text):
            query.alternatives.append((words, [o for o in others if o != words]))
            text = re.sub(pattern, " ", text)


def vocabulary():
    """Every word of the live pages' titles and tags, and of the synonyms, for suggestions."""
    words = cache.get(VOCABULARY_KEY)
    if words is None:
        titles = Page.objects.live().values_list("title", flat=True)
        tags = Page.objects.live().values_list("contentpage__tags__name", flat=True)
        text = " ".join([*titles, *(tag for tag in tags if tag), *synonyms()])
        words = sorted({word.lower() for word in WORD.findall(text) if len(word) > 2})
        cache.set(VOCABULARY_KEY, words, 60 * 60)
    return words


def suggestion(query):
    """A better spelling of the query ("sciatca" → "sciatica"), or None."""
    known = vocabulary()
    known_set = set(known)
    fixed = [
        word
        if word in known_set
        else next(iter(difflib.get_close_matches(word, known, 1, 0.75)), word)
        for word in query.terms
    ]
    return " ".join(fixed) if fixed != query.terms else None


def forget():
    """Drop the cached synonyms and vocabulary (pages or synonyms changed)."""
    cache.delete_many([SYNONYMS_KEY, VOCABULARY_KEY, LAY_PAIRS_KEY])

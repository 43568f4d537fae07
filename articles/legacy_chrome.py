"""Tells an old page's own content from the site's chrome around it (name, menus, signup box,
footer), in one file as well as in many, and says which signal dropped each line.

Signals, strongest first: navigation markup; the "Return from … to …" breadcrumb; the site's
own name (Site settings, the home page's title, settings.LEGACY_SITE_IDENTITY); the phrases in
settings.LEGACY_CHROME_MARKERS; text repeated across the files imported together; runs of short
lines that are mostly titles of pages in the site's menu (the old sidebar, saved as text); a
line with nothing under it above the title; a word or two between chrome lines.
"""

import re
from collections import Counter

from django.conf import settings

from wagtail.models import Page

from .legacy_headings import promote
from .legacy_reading import Dropped

BREADCRUMB = re.compile(r"^\s*Return from (.+?) to (.+?)\s*\.?\s*$", re.I)
# A menu line: short, and no sentence.
MENU_LINE_WORDS = 7
# Navigation lists: this many items or more, each nothing but a link.
NAVIGATION_LIST_ITEMS = 6
# A paragraph this long after a run of menu lines is content: the run's last line is its
# title or heading.
CONTENT_WORDS = 8


def normal(text):
    return " ".join(re.sub(r"[\W_]+", " ", text).casefold().split())


class SiteChrome:
    """What the site itself knows of its chrome: its name and its menu's titles."""

    def __init__(self, site):
        root = site.root_page
        names = {site.site_name, root.title, settings.WAGTAIL_SITE_NAME}
        names.update(getattr(settings, "LEGACY_SITE_IDENTITY", []))
        self.names = sorted({name for name in names if name}, key=len, reverse=True)
        menu = (
            Page.objects.live()
            .in_menu()
            .descendant_of(root)
            .filter(depth__lte=root.depth + 2)
            .values_list("title", flat=True)
        )
        self.menu_titles = {normal(title) for title in menu} | {"home", "home page"}
        self.markers = [
            (marker, marker_pattern(marker)) for marker in settings.LEGACY_CHROME_MARKERS
        ]

    def site_name(self, text):
        """The site's name alone, or followed by its tagline after a separator."""
        for name in self.names:
            if normal(text) == normal(name):
                return "the site's name"
            if re.match(re.escape(name) + r"\s*[-|:–—•]\s", text, re.I):
                return "the site's name and tagline"
        return None

    def marker(self, text):
        found = next((marker for marker, pattern in self.markers if pattern.search(text)), None)
        return f"marker “{found}”" if found else None

    def is_menu_title(self, text):
        return normal(text) in self.menu_titles


def marker_pattern(marker):
    edge = r"\b" if marker[:1].isalnum() else ""
    end = r"\b" if marker[-1:].isalnum() else ""
    return re.compile(edge + re.escape(marker) + end, re.I)


def without_chrome(documents, chrome, repeated=None):
    """Drops the site's chrome from each document, saying what went and why (in
    document.dropped); sets each title, and marks headings as the author wrote them.
    `repeated` is repeated_texts() of the whole batch when the files are read in parts."""
    if repeated is None:
        repeated = repeated_texts(documents)
    for document in documents:
        Reading(document, chrome, repeated).run()
    return documents


class Reading:
    def __init__(self, document, chrome, repeated):
        self.document, self.chrome, self.repeated = document, chrome, repeated
        self.blocks = document.blocks
        self.dropped = {}  # position -> Dropped
        self.title_at = None

    def drop(self, position, signal, what=None):
        block = self.blocks[position]
        what = what or f"{block.kind.replace('_', ' ')} “{block.describe()}”"
        self.dropped.setdefault(position, Dropped(what, signal))

    def run(self):
        document = self.document
        for position, block in enumerate(self.blocks):
            if signal := self.signal(block):
                what = signal.pop("what", None)
                self.drop(position, signal["signal"], what)
        self.menu_runs()
        self.find_title()
        self.between_chrome()
        kept = [
            block
            for position, block in enumerate(self.blocks)
            if position not in self.dropped and position != self.title_at
        ]
        kept = self.without_empty_headings(kept)
        for position in sorted(self.dropped):
            document.dropped.append(self.dropped[position])
        for block in kept:
            if block.kind == "heading" and block.level == 1:
                block.level = 2  # a second <h1>: a section of the page
        document.blocks = promote(kept)

    def signal(self, block):
        text = block.text
        if block.kind in ("heading", "paragraph") and (crumb := BREADCRUMB.match(text)):
            self.document.breadcrumb = (crumb[1].strip(), crumb[2].strip())
            return {"signal": "breadcrumb", "what": f"breadcrumb line “{block.describe()}”"}
        if block.kind in ("heading", "paragraph") and (name := self.chrome.site_name(text)):
            return {"signal": name}
        if marker := self.chrome.marker(text):
            return {"signal": marker}
        if text in self.repeated and (block.kind != "heading" or not self.document.title):
            count = self.repeated[text]
            kind = block.kind.replace("_", " ")
            return {"signal": f"repeated in {count} files", "what": f"{kind} repeated in "
                    f"{count} files “{block.describe()}”"}  # fmt: skip
        if block.kind.endswith("_list") and (why := self.navigation(block)):
            return {"signal": why, "what": f"navigation list of {len(block.items)} links"}
        return None

    def navigation(self, block):
        if len(block.items) >= NAVIGATION_LIST_ITEMS and all(
            re.fullmatch(r"\s*<a [^>]+>[^<]*</a>\s*", item) for item in block.items
        ):
            return "a list of nothing but links"
        texts = [normal(re.sub("<[^>]+>", "", item)) for item in block.items]
        titles = sum(text in self.chrome.menu_titles for text in texts)
        if len(texts) >= 3 and titles * 2 >= len(texts) and titles >= 2:
            return "titles of pages in the site's menu"
        return None

    def menu_runs(self):
        """Runs of short lines, most of them titles of pages in the site's menu: the old
        sidebar. Lines already dropped (a "Follow on Twitter") do not break a run."""
        run = []
        for position, block in enumerate([*self.blocks, None]):
            if position in self.dropped:
                continue
            if block is not None and self.menu_line(block):
                run.append(position)
                continue
            self.end_run(run, block)
            run = []

    def menu_line(self, block):
        text = block.text
        return (
            block.kind in ("heading", "paragraph")
            and len(text.split()) <= MENU_LINE_WORDS
            and not text.endswith((".", ",", ";", "!"))
        )

    def end_run(self, run, following):
        titles = [p for p in run if self.chrome.is_menu_title(self.blocks[p].text)]
        if len(titles) < 2 or len(titles) * 2 < len(run):
            return
        if (
            following is not None
            and following.kind == "paragraph"
            and (len(following.text.split()) >= CONTENT_WORDS)
        ):
            run = run[:-1]  # the line just above the text is its title or heading
        for position in run:
            known = position in titles
            self.drop(position, "a menu line: the title of a page in the site's menu" if known
                      else f"in a run of {len(run)} menu lines")  # fmt: skip

    def find_title(self):
        """The page's own <h1> (lines above it are the header and sidebar), else its <title>;
        in saved text, the first line kept with something under it (lines above it are the
        site's header)."""
        document = self.document
        for position, block in enumerate(self.blocks):
            if block.kind == "heading" and block.level == 1 and position not in self.dropped:
                document.title, self.title_at = block.text, position
                for above in range(position):
                    self.drop(above, "above the page's <h1>")
                break
        title_tag = document.title_tag
        if not document.title and title_tag and not self.chrome.site_name(title_tag):
            document.title = title_tag
        if not document.title:
            kept = [p for p in range(len(self.blocks)) if p not in self.dropped]
            for index, position in enumerate(kept):
                block = self.blocks[position]
                if block.kind not in ("heading", "paragraph"):
                    continue
                following = self.blocks[kept[index + 1]] if index + 1 < len(kept) else None
                if following is None or following.kind == "heading":
                    self.drop(position, "nothing under it")
                    continue
                document.title, self.title_at = block.text, position
                break
        for position, dropped in self.dropped.items():
            kind = self.blocks[position].kind
            if (
                self.title_at is not None
                and position < self.title_at
                and kind != "image"
                and (not kind.endswith("_list"))
            ):
                dropped.what = f"line above the title “{self.blocks[position].describe()}”"
        # The title again at the top of the text, in bold or a large font: not a heading.
        for position, block in enumerate(self.blocks):
            if position in self.dropped or position == self.title_at:
                continue
            if block.kind in ("heading", "paragraph") and normal(block.text) == normal(
                document.title
            ):
                self.drop(position, "the title again")
            break

    def between_chrome(self):
        """A word or two between chrome lines ("Then", "Subscribe" in a signup box): one or
        two short lines with chrome on both sides."""
        positions = sorted(
            p for p, b in enumerate(self.blocks)
            if p not in self.dropped and p != self.title_at
            and b.kind in ("heading", "paragraph") and len(b.text.split()) <= 3
        )  # fmt: skip
        runs, run = [], []
        for position in positions:
            if run and position != run[-1] + 1:
                runs.append(run)
                run = []
            run.append(position)
        if run:
            runs.append(run)
        for run in runs:
            if len(run) <= 2 and {run[0] - 1, run[-1] + 1} <= set(self.dropped):
                for position in run:
                    self.drop(position, "a word or two between chrome lines")

    def without_empty_headings(self, kept):
        """A heading left with nothing under it introduced chrome (a "Subscribe" box, say)."""
        result = []
        for position, block in enumerate(kept):
            following = kept[position + 1] if position + 1 < len(kept) else None
            if block.kind == "heading" and (
                following is None
                or (following.kind == "heading" and following.level <= block.level)
            ):
                self.document.dropped.append(
                    Dropped(f"heading “{block.describe()}” with nothing under it", "empty heading")
                )
            else:
                result.append(block)
        return result


def repeated_texts(documents, headings=True):
    """Texts found in three or more of the files and in more than half of them: the old
    site's menus, boxes and footers. {text: how many files}."""
    if len(documents) < 3:
        return {}
    counts = Counter()
    for document in documents:
        counts.update(
            {block.text for block in document.blocks if headings or block.kind != "heading"}
        )
    needed = max(3, len(documents) // 2 + 1)
    return {text: count for text, count in counts.items() if count >= needed and text}

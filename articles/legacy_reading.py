"""Reads the old site's pages (HTML files, or the plain text a browser saves of them) into a
list of blocks, and tells the page's own content from the site's chrome around it.

Chrome is recognised by the phrases in settings.LEGACY_CHROME_MARKERS, by navigation markup,
and by text repeated across the files imported together (menus, signup boxes, footers).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from django.conf import settings

PAGE_SUFFIXES = {".html", ".htm", ".txt"}
BREADCRUMB = re.compile(r"^\s*Return from (.+?) to (.+?)\s*\.?\s*$", re.I)
LIST_ITEM = re.compile(r"^\s*(?:(\d+)[.)]|[-*•–])\s+(.*)$")
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
# A line of its own this short, without a sentence's closing punctuation, is a heading.
HEADING_MAX_CHARS = 70
BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "img", "figure", "table"}
NEVER_CONTENT = ["script", "style", "noscript", "form", "iframe", "nav", "header", "footer"]
# Navigation lists: this many items or more, each nothing but a link.
NAVIGATION_LIST_ITEMS = 6


class BadFile(Exception):
    """A file that is not an old page we can read; the message says why and what to do."""


@dataclass
class Block:
    kind: str  # heading, paragraph, numbered_list, bulleted_list or image
    html: str = ""  # heading text, or a paragraph's inline HTML (b, i and a only)
    level: int = 2
    items: list = field(default_factory=list)  # list items' inline HTML
    src: str = ""
    alt: str = ""
    caption: str = ""

    @cached_property
    def text(self):
        """Plain text, for recognising chrome (asked for often: parsed once)."""
        markup = " ".join([self.html, *self.items, self.alt, self.caption])
        return " ".join(BeautifulSoup(markup, "html.parser").get_text(" ").split())

    def describe(self):
        shown = self.text
        return shown if len(shown) <= 60 else shown[:57] + "…"


@dataclass
class LegacyDocument:
    path: Path
    title: str
    blocks: list
    breadcrumb: tuple | None = None  # ("Muscle Spasms", "Back Pain Types")
    dropped: list = field(default_factory=list)  # what was dropped as chrome, described

    @property
    def old_path(self):
        """The address the page had on the old site."""
        return f"/{self.path.stem}.html"


def page_files(paths):
    """The old pages named: files as given, folders searched for .html, .htm and .txt."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
        else:
            yield path


def read(path):
    """A LegacyDocument of one file, before chrome repeated across files is known."""
    data = path.read_bytes()
    if not data.strip():
        raise BadFile("empty file")
    if b"\x00" in data[:8192]:
        raise BadFile("a binary file, not a page (only .html, .htm and .txt pages are read)")
    if path.suffix.lower() == ".txt":
        return read_text(path, decoded(data, "utf-8"))
    declared = DECLARED_CHARSET.search(data[:4096])
    return read_html(path, decoded(data, declared[1].decode() if declared else "utf-8"))


def decoded(data, encoding):
    try:
        return data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
    except (UnicodeDecodeError, LookupError):
        raise BadFile(
            f"not readable as {encoding}: save it as UTF-8, or declare its encoding in the "
            'page (<meta charset="windows-1252">, say)'
        ) from None


def read_text(path, text):
    """Plain text as browsers save it: a line per paragraph, headings as short lines of their
    own, list items starting "1." or "-" (often indented), blank lines between blocks."""
    lines = [line.rstrip() for line in text.splitlines()]
    lines = [line for line in lines if line.strip()]
    if not lines:
        raise BadFile("empty file")
    blocks = []
    previous_was_item = False
    for line in lines:
        item = LIST_ITEM.match(line)
        if item:
            kind = "numbered_list" if item[1] else "bulleted_list"
            if not (blocks and blocks[-1].kind == kind and previous_was_item):
                blocks.append(Block(kind))
            blocks[-1].items.append(escape(item[2].strip()))
            previous_was_item = True
            continue
        if line[:1].isspace() and blocks and blocks[-1].kind.endswith("_list"):
            # An indented line under a list item carries on that item.
            blocks[-1].items[-1] += " " + escape(line.strip())
            continue
        previous_was_item = False
        line = line.strip()
        if is_heading(line) and not BREADCRUMB.match(line):
            blocks.append(Block("heading", html=line, level=2))
        else:
            blocks.append(Block("paragraph", html=escape(line)))
    # The title is the first line that is not the site's own (its name, its menu): known
    # once the files imported together are compared (without_chrome).
    return LegacyDocument(path, "", blocks)


def is_heading(line):
    return len(line) <= HEADING_MAX_CHARS and not line.endswith((".", ",", ";", ":", "!"))


def read_html(path, text):
    soup = BeautifulSoup(text, "html.parser")
    dropped = []
    for tag in soup.find_all(NEVER_CONTENT):
        if tag.name in ("nav", "header", "footer", "form"):
            dropped.append(f"<{tag.name}> ({Block('paragraph', html=str(tag)).describe()})")
        tag.decompose()
    h1 = soup.find("h1")
    title = " ".join((h1 or soup.title or soup).get_text(" ").split())
    if h1:
        h1.decompose()  # the page's title, not part of its body
    elif soup.title:
        title = re.split(r"\s+[|–-]\s+", title)[0]
    if not title:
        raise BadFile("no title: the page has neither an <h1> nor a <title>")
    root = soup.find("main") or soup.find(id=re.compile("^(content|main)", re.I)) or soup.body
    blocks = list(html_blocks(root or soup))
    top = min((block.level for block in blocks if block.kind == "heading"), default=2)
    for block in blocks:
        if block.kind == "heading":
            block.level = 2 if block.level == top else 3
    return LegacyDocument(path, title, blocks, dropped=dropped)


def html_blocks(element):
    """The blocks of an element, in reading order; containers are read through."""
    loose = []  # text and inline markup straight inside a container: one paragraph

    def flush():
        html = "".join(loose).strip()
        loose.clear()
        if BeautifulSoup(html, "html.parser").get_text().strip():
            return Block("paragraph", html=" ".join(html.split()))
        return None

    for child in element.children:
        if isinstance(child, NavigableString):
            if child.__class__ is NavigableString:  # not a comment or doctype
                loose.append(escape(str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "br":
            if paragraph := flush():
                yield paragraph
            continue
        if child.name not in BLOCK_TAGS and not child.find(BLOCK_TAGS):
            loose.append(inline_html(child))
            continue
        if paragraph := flush():
            yield paragraph
        yield from element_blocks(child)
    if paragraph := flush():
        yield paragraph


def element_blocks(tag):
    if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text = " ".join(tag.get_text(" ").split())
        if text:
            yield Block("heading", html=text, level=int(tag.name[1]))
    elif tag.name in ("ul", "ol"):
        items = [" ".join(inline_html(li).split()) for li in tag.find_all("li")]
        items = [item for item in items if item]
        if items:
            yield Block("numbered_list" if tag.name == "ol" else "bulleted_list", items=items)
    elif tag.name == "img":
        yield Block("image", src=tag.get("src", ""), alt=tag.get("alt", "").strip())
    elif tag.name == "figure" or (
        tag.name == "p" and tag.find("img") and not tag.get_text().strip()
    ):
        image = tag.find("img")
        caption = tag.find("figcaption")
        if image:
            yield Block(
                "image",
                src=image.get("src", ""),
                alt=image.get("alt", "").strip(),
                caption=" ".join(caption.get_text(" ").split()) if caption else "",
            )
    elif tag.name == "p" and not tag.find(BLOCK_TAGS):
        html = " ".join(inline_html(tag).split())
        if html:
            yield Block("paragraph", html=html)
    else:
        yield from html_blocks(tag)


def inline_html(element):
    """An element's text with its bold, italic and links, as Wagtail rich text keeps them."""
    if isinstance(element, NavigableString):
        return escape(str(element)) if element.__class__ is NavigableString else ""
    inner = "".join(inline_html(child) for child in element.children)
    if element.name in ("b", "strong") and inner.strip():
        return f"<b>{inner}</b>"
    if element.name in ("i", "em") and inner.strip():
        return f"<i>{inner}</i>"
    if element.name == "a" and element.get("href") and inner.strip():
        return f'<a href="{escape(element["href"])}">{inner}</a>'
    if element.name in ("li", "p", "div", "td", "br"):  # their ends part words
        return inner + " "
    return inner


def without_chrome(documents):
    """Drops the site's chrome from each document, saying what went (in document.dropped)."""
    markers = [marker_pattern(marker) for marker in settings.LEGACY_CHROME_MARKERS]
    repeated = repeated_texts(documents)
    repeated_lines = repeated_texts(documents, headings=True)
    for document in documents:
        kept = []
        for block in document.blocks:
            text = block.text
            breadcrumb = BREADCRUMB.match(text) if block.kind == "paragraph" else None
            if not document.title and block.kind in ("heading", "paragraph"):
                # Saved text: what comes before the title is the site's header and menu.
                if text in repeated_lines or any(marker.search(text) for marker in markers):
                    document.dropped.append(f"line above the title “{block.describe()}”")
                else:
                    document.title = text
            elif breadcrumb:
                document.breadcrumb = (breadcrumb[1].strip(), breadcrumb[2].strip())
                document.dropped.append(f"breadcrumb line “{block.describe()}”")
            elif any(marker.search(text) for marker in markers):
                document.dropped.append(f"{block.kind.replace('_', ' ')} “{block.describe()}”")
            elif block.kind != "heading" and text in repeated:
                document.dropped.append(
                    f"{block.kind.replace('_', ' ')} repeated in {repeated[text]} files "
                    f"“{block.describe()}”"
                )
            elif is_navigation(block):
                document.dropped.append(f"navigation list of {len(block.items)} links")
            else:
                kept.append(block)
        # A heading left with nothing under it introduced chrome (a "Subscribe" box, say).
        document.blocks = []
        for position, block in enumerate(kept):
            following = kept[position + 1] if position + 1 < len(kept) else None
            if block.kind == "heading" and (
                following is None
                or (following.kind == "heading" and following.level <= block.level)
            ):
                document.dropped.append(f"heading “{block.describe()}” with nothing under it")
            else:
                document.blocks.append(block)
    return documents


def marker_pattern(marker):
    edge = r"\b" if marker[:1].isalnum() else ""
    end = r"\b" if marker[-1:].isalnum() else ""
    return re.compile(edge + re.escape(marker) + end, re.I)


def repeated_texts(documents, headings=False):
    """Paragraphs and lists (and headings, if asked) found in three or more of the files and in
    more than half of them: the old site's menus, boxes and footers. {text: how many files}."""
    if len(documents) < 3:
        return {}
    counts = Counter()
    for document in documents:
        counts.update(
            {block.text for block in document.blocks if headings or block.kind != "heading"}
        )
    needed = max(3, len(documents) // 2 + 1)
    return {text: count for text, count in counts.items() if count >= needed and text}


def is_navigation(block):
    if not block.kind.endswith("_list") or len(block.items) < NAVIGATION_LIST_ITEMS:
        return False
    return all(re.fullmatch(r"\s*<a [^>]+>[^<]*</a>\s*", item) for item in block.items)

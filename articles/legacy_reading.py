"""Reads the old site's pages (HTML files, or the plain text a browser saves of them) into a
list of blocks. What is the site's chrome around the page's own content is legacy_chrome's
job; which short lines are headings, legacy_headings'.

Old editors' HTML is read as browsers read it: tables used for layout are read through, `&nbsp;`
is a space, a paragraph in bold or a large <font> is a heading candidate, and scripts, image
maps and other active content are dropped.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

PAGE_SUFFIXES = {".html", ".htm", ".txt"}
LIST_ITEM = re.compile(r"^\s*(?:(\d+)[.)]|[-*•–·o]\s)\s*(.*)$")
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
# A browser's "Save page as… complete" notes where the page came from (Chrome, IE, Edge).
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.I)
# A line of its own this short, without a sentence's closing punctuation, is a heading.
HEADING_MAX_CHARS = 70
# Elements that hold blocks: text beside them is a paragraph of its own. Layout tables' cells
# are containers, read in source order (the order a browser saves their text in).
BLOCK_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "img", "figure", "table", "tbody",
    "thead", "tr", "td", "th", "div", "center", "blockquote", "section", "article", "aside",
}  # fmt: skip
# Never the page's text: code, forms, embedded players and the pictures that are menus.
NEVER_CONTENT = [
    "script", "style", "noscript", "form", "iframe", "frame", "frameset", "object", "embed",
    "applet", "map", "svg", "canvas", "template", "nav", "header", "footer", "head",
]  # fmt: skip
REPORTED = {"nav", "header", "footer", "form", "map"}
# <font size="4">, size="+1" and up: how old editors made headings.
LARGE_FONT = re.compile(r"^\s*(\+[1-7]|[4-7])\s*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SAFE_LINK = re.compile(r"^(https?:|mailto:|[^:]*$)", re.I)
# Windows-1252 is what browsers read for pages declaring Latin-1 or ASCII (WHATWG Encoding).
BROWSER_ENCODING = dict.fromkeys(
    ["iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"], "windows-1252"
)


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
    emphasised: bool = False  # the whole paragraph in bold or a large font

    @cached_property
    def text(self):
        """Plain text, for recognising chrome (asked for often: parsed once)."""
        markup = " ".join([self.html, *self.items, self.alt, self.caption])
        return " ".join(BeautifulSoup(markup, "html.parser").get_text(" ").split())

    def describe(self):
        shown = self.text
        return shown if len(shown) <= 60 else shown[:57] + "…"


@dataclass
class Dropped:
    """A line dropped as chrome: what it was, and the signal that told."""

    what: str  # 'paragraph “Follow on Twitter”'
    signal: str  # 'marker “Follow on Twitter”'

    def __str__(self):
        return f"{self.what} ({self.signal})"


@dataclass
class LegacyDocument:
    path: PurePosixPath
    title: str
    blocks: list
    breadcrumb: tuple | None = None  # ("Muscle Spasms", "Back Pain Types")
    dropped: list = field(default_factory=list)  # Dropped, in reading order
    saved_from: str = ""  # the address a browser saved the page from
    title_tag: str = ""  # an HTML page's <title>, up to the site's name
    encoding: str = "utf-8"

    @property
    def old_path(self):
        """The address the page had on the old site: where the browser saved it from, else
        /<file name>.html; None for a file name that was never an address ("My page.html")."""
        if self.saved_from:
            path = urlsplit(self.saved_from).path
            if re.fullmatch(r"/[\w./-]*", path) and path.strip("/"):
                return path
        if re.fullmatch(r"[\w.-]+", self.path.stem):
            return f"/{self.path.stem}.html"
        return None


def is_page(path):
    """An old page, not a file a "complete" save keeps beside it (in name_files/)."""
    parts = PurePosixPath(path).parts
    return PurePosixPath(path).suffix.lower() in PAGE_SUFFIXES and not any(
        part.lower().endswith("_files") for part in parts[:-1]
    )


def read(path, data):
    """A LegacyDocument of one file's bytes, before its chrome is known."""
    if not data.strip():
        raise BadFile("empty file")
    if b"\x00" in data[:8192]:
        raise BadFile("a binary file, not a page (only .html, .htm and .txt pages are read)")
    if path.suffix.lower() == ".txt":
        text, encoding = decoded(data, None)
        document = read_text(path, text)
    else:
        declared = DECLARED_CHARSET.search(data[:4096])
        text, encoding = decoded(data, declared[1].decode("ascii", "replace") if declared else None)
        document = read_html(path, text)
    document.encoding = encoding
    return document


def decoded(data, declared):
    """(text, encoding): as declared, else UTF-8, else Windows-1252 (what old editors on
    Windows saved), else Latin-1, which reads any bytes."""
    tried = []
    if declared:
        tried.append(BROWSER_ENCODING.get(declared.lower(), declared))
    tried += ["utf-8", "windows-1252", "latin-1"]
    for encoding in tried:
        try:
            text = data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return CONTROL.sub("", text), encoding.lower()
    raise BadFile("not readable as text")  # not reached: Latin-1 reads any bytes


def read_text(path, text):
    """Plain text as browsers save it: a line per paragraph, headings as short lines of their
    own, list items starting "1." or "-" (often indented), blank lines between blocks."""
    lines = [line.rstrip() for line in text.splitlines()]
    lines = [line.replace("\xa0", " ") for line in lines if line.strip()]
    if not lines:
        raise BadFile("empty file")
    blocks = []
    previous_was_item = False
    for number, line in enumerate(lines):
        item = LIST_ITEM.match(line)
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if item and not numbered_heading(line, item, following):
            kind = "numbered_list" if item[1] else "bulleted_list"
            if not (blocks and blocks[-1].kind == kind and previous_was_item):
                blocks.append(Block(kind))
            blocks[-1].items.append(escape(item[2].strip()))
            previous_was_item = True
            continue
        if line[:1].isspace() and previous_was_item:
            # An indented line under a list item carries on that item.
            blocks[-1].items[-1] += " " + escape(line.strip())
            continue
        previous_was_item = False
        line = " ".join(line.split())
        if short_unpunctuated(line):
            blocks.append(Block("heading", html=escape(line), level=2))
        else:
            blocks.append(Block("paragraph", html=escape(line)))
    # The title is the first line that is not the site's own (its name, its menu): known
    # once its chrome is (legacy_chrome.without_chrome).
    return LegacyDocument(PurePosixPath(path), "", blocks)


def numbered_heading(line, item, following):
    """ "2. What Causes Muscle Spasms?" at the margin, followed by text rather than the next
    item: a numbered heading, not a list of one."""
    from .legacy_headings import reads_as_heading

    if not item[1] or line[:1].isspace() or LIST_ITEM.match(following or ""):
        return False
    return bool(following) and reads_as_heading(item[2].strip())


def short_unpunctuated(line):
    return len(line) <= HEADING_MAX_CHARS and not line.endswith((".", ",", ";", ":", "!", "?"))


def read_html(path, text):
    soup = BeautifulSoup(text, "html.parser")
    saved = soup.find(string=lambda s: isinstance(s, Comment) and SAVED_FROM.search(s))
    title_tag = " ".join(soup.title.get_text(" ").split()) if soup.title else ""
    dropped = []
    for tag in soup.find_all(NEVER_CONTENT):
        if tag.decomposed:
            continue
        if tag.name in REPORTED:
            shown = Block("paragraph", html=str(tag)).describe()
            shown = shown or f"{len(tag.find_all(['a', 'area']))} links"
            dropped.append(Dropped(f"<{tag.name}> ({shown})", "markup"))
        tag.decompose()
    for picture in soup.find_all("img", usemap=True):
        dropped.append(Dropped(f"picture {picture.get('src', '')}", "an image map: a menu"))
        picture.decompose()
    root = soup.find("main") or soup.find(id=re.compile("^(content|main)", re.I)) or soup.body
    blocks = list(html_blocks(root or soup))
    # <h1>s stay level 1 until legacy_chrome picks the title among them; the others are
    # sections (the highest level used) and sub-sections.
    levels = [block.level for block in blocks if block.kind == "heading" and block.level > 1]
    for block in blocks:
        if block.kind == "heading" and block.level > 1:
            block.level = 2 if block.level == min(levels) else 3
    document = LegacyDocument(PurePosixPath(path), "", blocks)
    document.dropped = dropped
    document.saved_from = SAVED_FROM.search(saved)[1] if saved else ""
    # The title: the first <h1> that is not the site's name (legacy_chrome decides), else the
    # <title> up to the site's name after a separator.
    document.title_tag = re.split(r"\s+[|–-]\s+", title_tag)[0] if title_tag else ""
    return document


def html_blocks(element):
    """The blocks of an element, in reading order; containers are read through."""
    loose = []  # text and inline markup straight inside a container: one paragraph

    def flush():
        html = " ".join("".join(loose).split())
        loose.clear()
        if BeautifulSoup(html, "html.parser").get_text().strip():
            return paragraph(html)
        return None

    for child in element.children:
        if isinstance(child, NavigableString):
            if child.__class__ is NavigableString:  # not a comment or doctype
                loose.append(escape(str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "br":
            if block := flush():
                yield block
            continue
        if child.name not in BLOCK_TAGS and not child.find(BLOCK_TAGS):
            loose.append(inline_html(child))
            continue
        if block := flush():
            yield block
        yield from element_blocks(child)
    if block := flush():
        yield block


def paragraph(html):
    """A paragraph, noting whether all of it is bold (a heading, in old editors' HTML)."""
    text = BeautifulSoup(html, "html.parser")
    bold = [b.get_text() for b in text.find_all("b", recursive=False)]
    rest = "".join(str(s) for s in text.find_all(string=True, recursive=False))
    emphasised = bool(bold) and not rest.strip(" :.\xa0") and len(bold) == 1
    return Block("paragraph", html=html, emphasised=emphasised)


def element_blocks(tag):
    if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text = " ".join(tag.get_text(" ").split())
        if text:
            yield Block("heading", html=escape(text), level=int(tag.name[1]))
    elif tag.name in ("ul", "ol"):
        items = [" ".join(inline_html(li).split()) for li in tag.find_all("li")]
        items = [item for item in items if item]
        if items:
            yield Block("numbered_list" if tag.name == "ol" else "bulleted_list", items=items)
    elif tag.name == "img":
        if image := image_block(tag):
            yield image
    elif tag.name == "figure" or (
        tag.name == "p" and tag.find("img") and not tag.get_text().strip()
    ):
        caption = tag.find("figcaption")
        for picture in tag.find_all("img"):
            if image := image_block(picture, caption):
                yield image
    elif tag.name == "p" and not tag.find(BLOCK_TAGS) and not tag.find("br", recursive=False):
        html = " ".join(inline_html(tag).split())
        if BeautifulSoup(html, "html.parser").get_text().strip():
            yield paragraph(html)
    else:
        yield from html_blocks(tag)


def image_block(tag, caption=None):
    src = tag.get("src", "").strip()
    if not src or not SAFE_LINK.match(src):  # no data: or javascript: pictures
        return None
    return Block(
        "image",
        src=src,
        alt=" ".join(tag.get("alt", "").split()),
        caption=" ".join(caption.get_text(" ").split()) if caption else "",
    )


def inline_html(element):
    """An element's text with its bold, italic and links, as Wagtail rich text keeps them;
    links that run code (javascript:) keep their words only."""
    if isinstance(element, NavigableString):
        return escape(str(element)) if element.__class__ is NavigableString else ""
    inner = "".join(inline_html(child) for child in element.children)
    large = element.name == "font" and LARGE_FONT.match(element.get("size", ""))
    if (element.name in ("b", "strong") or large) and inner.strip():
        return f"<b>{inner}</b>" if "<b>" not in inner else inner
    if element.name in ("i", "em") and inner.strip():
        return f"<i>{inner}</i>"
    if element.name == "a" and inner.strip():
        href = element.get("href", "").strip()
        if href and SAFE_LINK.match(href):
            return f'<a href="{escape(href)}">{inner}</a>'
        return inner
    if element.name in ("li", "p", "div", "td", "th", "br", "tr"):  # their ends part words
        return inner + " "
    return inner

"""What readers read of a page, in reading order: its running text in segments (paragraphs,
list items, headings), with the links, images and warning signs the rules look at.

Works on a page as published (the live row) and on a draft built from the editor's form
alike: both hold the same StreamField values."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.rich_text import RichText

# Rich text elements that start a segment of their own.
SEGMENT_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
HEADING_TAGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Stream fields shown under a heading of their own (a condition page's sections, a product
# guide's "What to look for"): their headings start one level lower than the body's.
BODY_FIELD = "body"


@dataclass
class Segment:
    """A piece of running text: a paragraph, a list item, a heading, a quote…"""

    text: str
    kind: str = "paragraph"  # paragraph, item, heading, quote, summary
    field: str = ""


@dataclass
class PageText:
    segments: list = field(default_factory=list)
    headings: list = field(default_factory=list)  # (field, level, text), in order
    links: list = field(default_factory=list)  # (field, text, address)
    images: list = field(default_factory=list)  # (field, alt text, decorative, name)
    red_flags: list = field(default_factory=list)  # (urgency, sign)
    filled: set = field(default_factory=set)  # names of the stream fields with content

    @property
    def prose(self):
        """The segments readers read as text (headings are signposts, not prose)."""
        return [segment for segment in self.segments if segment.kind != "heading"]

    def add(self, text, kind, field_name):
        text = " ".join(str(text or "").split())
        if text:
            self.segments.append(Segment(text, kind, field_name))


class RichTextReader(HTMLParser):
    """Segments and links of rich text as stored (database HTML)."""

    def __init__(self, page_text, field_name, kind):
        super().__init__(convert_charrefs=True)
        self.page_text, self.field, self.kind = page_text, field_name, kind
        self.parts, self.link, self.link_parts, self.tag = [], None, [], None

    def handle_starttag(self, tag, attrs):
        if tag in SEGMENT_TAGS:
            self.flush()
            self.tag = tag
        elif tag == "br":
            self.parts.append(" ")
        elif tag == "a":
            attrs = dict(attrs)
            if attrs.get("linktype") != "citation":
                self.link, self.link_parts = attrs, []

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            address = self.link.get("href") or f"{self.link.get('linktype')}:{self.link.get('id')}"
            text = " ".join("".join(self.link_parts).split())
            self.page_text.links.append((self.field, text, address))
            self.link = None
        elif tag in SEGMENT_TAGS:
            self.flush()

    def handle_data(self, data):
        self.parts.append(data)
        if self.link is not None:
            self.link_parts.append(data)

    def flush(self):
        text = "".join(self.parts)
        level = HEADING_TAGS.get(self.tag)
        if level:
            self.page_text.headings.append((self.field, level, " ".join(text.split())))
        kind = "heading" if level else "item" if self.tag == "li" else self.kind
        self.page_text.add(text, kind, self.field)
        self.parts, self.tag = [], None

    def close(self):
        super().close()
        self.flush()


def read_rich_text(page_text, value, field_name, kind="paragraph"):
    source = value.source if isinstance(value, RichText) else str(value or "")
    reader = RichTextReader(page_text, field_name, kind)
    reader.feed(source)
    reader.close()


def read_value(page_text, block_type, value, field_name):
    """One block's value: the blocks the rules look at by name, any other by its parts."""
    if block_type == "heading" and isinstance(value, StructValue):
        level = 3 if value.get("level") == "h3" else 2
        page_text.headings.append((field_name, level, value.get("text") or ""))
        page_text.add(value.get("text"), "heading", field_name)
    elif block_type == "red_flag" and isinstance(value, StructValue):
        page_text.red_flags.append((value.get("urgency") or "", value.get("sign") or ""))
        page_text.add(value.get("sign"), "item", field_name)
    elif block_type == "image" and isinstance(value, StructValue):
        image = value.get("image")
        if image is not None:
            alt = getattr(image, "contextual_alt_text", None)
            decorative = bool(getattr(image, "decorative", False))
            page_text.images.append((field_name, alt or "", decorative, str(image)))
        page_text.add(value.get("caption"), "paragraph", field_name)
    elif block_type == "embed":
        return
    elif isinstance(value, RichText):
        read_rich_text(
            page_text, value, field_name, "item" if block_type == "item" else "paragraph"
        )
    elif isinstance(value, StreamValue):
        read_stream(page_text, value, field_name)
    elif isinstance(value, StructValue):
        for name, part in value.items():
            read_value(page_text, name, part, field_name)
    elif isinstance(value, ListValue | list):
        for item in value:
            read_value(page_text, "item", item, field_name)
    elif isinstance(value, str) and block_type not in ("kind", "level", "urgency", "url"):
        page_text.add(value, "item" if block_type == "item" else "paragraph", field_name)


def read_stream(page_text, stream, field_name):
    for child in stream:
        read_value(page_text, child.block_type, child.value, field_name)


def stream_fields(page):
    """The page's stream fields in reading order: a page type's own sections (its
    `SECTIONS`, as a condition page lists them) first, then the others as declared."""
    fields = [f.name for f in page._meta.get_fields() if isinstance(f, StreamField)]
    fields = [name for name in fields if name != "sources"]
    ordered = [name for name, _heading in getattr(page, "SECTIONS", []) if name in fields]
    return ordered + [name for name in fields if name not in ordered]


def page_text(page):
    """The text of `page` as readers see it (its summary, then its fields)."""
    text = PageText()
    text.add(getattr(page, "summary", ""), "summary", "summary")
    hero = getattr(page, "hero_image_id", None) or getattr(page, "hero_image", None)
    if hero and not page.hero_image_decorative:
        text.images.append(("hero_image", page.hero_image_alt, False, "hero image"))
    for name in stream_fields(page):
        value = getattr(page, name, None)
        if value:
            text.filled.add(name)
            read_stream(text, value, name)
    # Text a page type shows outside its stream fields (a product guide's products).
    more = getattr(page, "more_text", None)
    for kind, words in more() if more else ():
        text.add(words, kind, "more")
    return text

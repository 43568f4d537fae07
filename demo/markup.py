"""Reads the demo content's page files (see content/README.md) into field values."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from html import escape
from itertools import groupby

from django.utils import timezone

LIST_ITEM = re.compile(r"^(?:\d+\.|-)\s+")
CALLOUT = re.compile(r"^!(tip|warning|urgent):\s*(.+)$")
RED_FLAG = re.compile(r"^!(emergency|urgent|soon):\s*(.+)$")
IMAGE = re.compile(r"^@image\s+([\w-]+)(?::\s*(.*))?$")
FIELD = re.compile(r"^\[(\w+)\]$")
STEP_TITLE = re.compile(r"^\*\*(.+?)\*\*\s*(.*)$")
INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[\^([\w-]+)\]|\[(.+?)\]\((\S+?)\)")
RELATIVE_DATE = re.compile(r"^(\d+) days? ago$")


@dataclass
class PageFile:
    meta: dict
    fields: dict = field(default_factory=dict)  # field name -> list of paragraphs (lines)
    products: list = field(default_factory=list)


def read_page_file(text):
    """Split a page file into its front matter and the raw lines of each field."""
    head, _, body = text.partition("\n\n")
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    page = PageFile(meta=meta)
    current = page.fields.setdefault("body", [])
    for line in body.splitlines():
        name = FIELD.match(line.strip())
        if name and name[1] == "product":
            page.products.append({"pros": [], "cons": []})
            current = None
        elif name:
            current = page.fields.setdefault(name[1], [])
        elif current is None:
            read_product_line(page.products[-1], line.strip())
        else:
            current.append(line.rstrip())
    return page


def read_product_line(product, line):
    if line.startswith("+ "):
        product["pros"].append(line[2:])
    elif line.startswith("- "):
        product["cons"].append(line[2:])
    elif line:
        key, _, value = line.partition(":")
        product[key.strip()] = value.strip()


def parse_date(value, today=None):
    """A YYYY-MM-DD date, or "N days ago" so demo pages can stay new."""
    relative = RELATIVE_DATE.match(value)
    if relative:
        return (today or date.today()) - timedelta(days=int(relative[1]))
    return date.fromisoformat(value)


def aware(day):
    """9 in the morning of `day`, in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def inline_html(text, refs):
    """Markup of one line as Wagtail rich text HTML. `refs` resolves what the text points to:
    `page_id(path)` for internal links, `citation(key)` → (source id, number) for `[^key]`."""

    def replace(match):
        bold, italic, cited, label, href = match.groups()
        # Links may sit inside bold or italic text ("**[Chairs](/…).**").
        if bold:
            return f"<b>{inline_html(bold, refs)}</b>"
        if italic:
            return f"<i>{inline_html(italic, refs)}</i>"
        if cited:
            source_id, number = refs.citation(cited)
            return f'<a linktype="citation" id="{source_id}">[{number}]</a>'
        if href.startswith("/"):
            page_id = refs.page_id(href)
            if page_id is None:  # a page a part of the demo left out
                return escape(label)
            return f'<a linktype="page" id="{page_id}">{escape(label)}</a>'
        return f'<a href="{escape(href)}">{escape(label)}</a>'

    html, position = [], 0
    for match in INLINE.finditer(text):
        html.append(escape(text[position : match.start()]))
        html.append(replace(match))
        position = match.end()
    html.append(escape(text[position:]))
    return "".join(html)


def plain(text):
    """`text` for a plain-text field, which shows markup as typed: the demo must not use any."""
    if INLINE.search(text):
        raise ValueError(f"Markup in a plain-text field would show as typed: {text!r}")
    return text


def line_type(line, kind):
    if LIST_ITEM.match(line):
        if kind == "self_care":
            return "step"
        return "bulleted_list" if line.startswith("-") else "numbered_list"
    if line.startswith(">"):
        return "quote"
    if kind == "seek_help" and RED_FLAG.match(line):
        return "red_flag"
    if CALLOUT.match(line):
        return "callout"
    if IMAGE.match(line):
        return "image"
    if line.startswith("#"):
        return "heading"
    return "paragraph"


def blocks(lines, refs, kind="body"):
    """StreamField data for the lines of one field. `kind` is body, self_care or seek_help;
    `refs` resolves links and citations (see inline_html) and images: `image(key)` →
    (image id, alt text).

    Consecutive lines of one type (paragraphs, list items, quote lines) make one block.
    """

    def rich(text):
        return f"<p>{inline_html(text, refs)}</p>"

    def build(block_type, run):
        if block_type == "paragraph":
            yield "".join(rich(line) for line in run)
        elif block_type in ("numbered_list", "bulleted_list"):
            yield [rich(LIST_ITEM.sub("", line)) for line in run]
        elif block_type == "step":
            for line in run:
                text = LIST_ITEM.sub("", line)
                title, text = (
                    STEP_TITLE.match(text).groups() if text.startswith("**") else ("", text)
                )
                yield {"title": plain(title.rstrip(".")), "text": rich(text)}
        elif block_type == "quote":
            text = [line.lstrip("> ") for line in run]
            attribution = text.pop()[3:] if text[-1].startswith("-- ") else ""
            yield {"text": plain("\n".join(text)), "attribution": plain(attribution)}
        elif block_type == "red_flag":
            for line in run:
                urgency, sign = RED_FLAG.match(line).groups()
                yield {"urgency": urgency, "sign": plain(sign)}
        elif block_type == "callout":
            for line in run:
                callout, text = CALLOUT.match(line).groups()
                yield {"kind": callout, "title": "", "text": rich(text)}
        elif block_type == "image":
            if kind in ("self_care", "seek_help"):
                # Their stream blocks have no image block, so Wagtail would drop it unseen.
                raise ValueError(f"The {kind} field cannot show an image: {run[0]!r}")
            for line in run:
                key, caption = IMAGE.match(line).groups()
                image_id, alt = refs.image(key)
                image = {"image": image_id, "decorative": False, "alt_text": alt}
                yield {"image": image, "caption": caption or ""}
        elif block_type == "heading":
            for line in run:
                hashes, _, text = line.partition(" ")
                yield {"text": text, "level": f"h{len(hashes)}"}

    stripped = [line.strip() for line in lines if line.strip()]
    return [
        {"type": block_type, "value": value}
        for block_type, run in groupby(stripped, key=lambda line: line_type(line, kind))
        for value in build(block_type, list(run))
    ]

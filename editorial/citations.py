"""Citation marks in rich text: a "[n]" that points at one of the page's sources.

Stored as `<a linktype="citation" id="<source block id>">[n]</a>`; the number written in the
text is only the editor's view, readers see each source's place in the page's Sources list.
"""

import copy
import re
from dataclasses import dataclass, field
from string import ascii_lowercase

from draftjs_exporter.dom import DOM

from django import forms
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from wagtail.admin.rich_text.converters.html_to_contentstate import InlineEntityElementHandler
from wagtail.admin.rich_text.editors.draftail.features import EntityFeature
from wagtail.blocks import StreamValue
from wagtail.rich_text import LinkHandler
from wagtail.rich_text.rewriters import extract_attrs

FEATURE = "citation"
ENTITY = "CITATION"
MISSING_SOURCE = (
    "A citation points to a source that is no longer in Sources: remove the citation or add "
    "the source back."
)
# A citation as stored (attributes in any order) and as CitationLinkHandler renders it.
STORED = re.compile(r"<a\b([^>]*\blinktype=\"citation\"[^>]*)>")
RENDERED = re.compile(r'<a class="citation" href="#source-([^"]*)">.*?</a>', re.DOTALL)


class CitationLinkHandler(LinkHandler):
    identifier = FEATURE

    @staticmethod
    def expand_db_attributes(attrs):
        # Numbered by the {% cited %} tag, which knows the page's sources.
        return f'<a class="citation" href="#source-{escape(attrs.get("id", ""))}">'


class CitationElementHandler(InlineEntityElementHandler):
    """Database HTML to the editor's entity."""

    mutability = "IMMUTABLE"  # "[n]" is deleted or replaced as a whole

    def get_attribute_data(self, attrs):
        return {"source": attrs.get("id", "")}


def citation_entity(props):
    """The editor's entity to database HTML."""
    return DOM.create_element(
        "a", {"linktype": FEATURE, "id": props.get("source", "")}, props["children"]
    )


def register(features):
    """The "citation" rich text feature (called from the register_rich_text_features hook)."""
    features.register_link_type(CitationLinkHandler)
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        EntityFeature(
            {"type": ENTITY, "label": "[1]", "description": "Cite a source"},
            js=["editorial/admin/citations.js"],
            css={"all": ["editorial/admin/citations.css"]},
        ),
    )
    features.register_converter_rule(
        "contentstate",
        FEATURE,
        {
            "from_database_format": {'a[linktype="citation"]': CitationElementHandler(ENTITY)},
            "to_database_format": {"entity_decorators": {ENTITY: citation_entity}},
        },
    )


def cited_sources(data):
    """The source ids cited anywhere in `data`: stored rich text, or the JSON-like value of a
    StreamField (lists and dicts of it)."""
    if isinstance(data, str):
        return {extract_attrs(attrs).get("id", "") for attrs in STORED.findall(data)}
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list | tuple):
        return set().union(*(cited_sources(item) for item in data))
    return set()


def check_form(form, cleaned_data):
    """Refuses citations of sources no longer in the page's Sources (readers would get a
    number pointing nowhere); the error goes on the field holding the citation. Called from
    the content page form's clean() (the clean_content_page_form hook)."""
    if "sources" in form.fields and "sources" not in cleaned_data:
        return  # Sources has errors of its own
    sources = cleaned_data.get("sources", form.instance.sources) or []
    known = {str(source.id) for source in sources}
    for name, value in list(cleaned_data.items()):
        data = value.get_prep_value() if isinstance(value, StreamValue) else value
        if cited_sources(data) - known:
            form.add_error(name, forms.ValidationError(MISSING_SOURCE))


@dataclass
class Source:
    """One entry of the Sources list: the block, its number, and the citations of it."""

    block: object
    number: int
    anchor: str
    citations: list = field(default_factory=list)  # the anchors of its citations, in order

    @property
    def back_links(self):
        """A link back to each citation; several are told apart by a letter (a, b, …)."""
        if len(self.citations) == 1:
            label = f"Back to citation {self.number} in the text"
            return [{"anchor": self.citations[0], "mark": "", "label": label}]
        links = []
        for k, anchor in enumerate(self.citations):
            mark = ascii_lowercase[k] if k < len(ascii_lowercase) else str(k + 1)
            # The label starts with the letter shown, so that a reader who sees "↑a" can say
            # "click a" to voice control (WCAG 2.5.3, label in name).
            label = (
                f"{mark}: back to citation {self.number} in the text, "
                f"{k + 1} of {len(self.citations)}"
            )
            links.append({"anchor": anchor, "mark": mark, "label": label})
        return links


def number_citations(html, sources, link_base=""):
    """`html` with each citation numbered after its source's place in `sources` (citations of
    sources that are gone are left out), and the Sources list entries.

    Links are fragments within the page; `link_base` (the page's address) makes them work in
    copies read elsewhere, such as feeds.
    """
    entries = {
        str(block.id): Source(block, number, f"source-{block.id}")
        for number, block in enumerate(sources, start=1)
    }

    def numbered(match):
        source = entries.get(match[1])
        if source is None:
            return ""
        anchor = f"cite-{match[1]}-{len(source.citations) + 1}"
        source.citations.append(anchor)
        return format_html(
            '<sup class="citation"><a id="{}" href="{}#{}">[{}]</a></sup>',
            anchor,
            link_base,
            source.anchor,
            source.number,
        )

    return RENDERED.sub(numbered, html), list(entries.values())


def cite(html, page, link_base=""):
    """A page's content with numbered citations, followed by its Sources list."""
    sources = list(page.sources) if page.sources else []
    html, entries = number_citations(html, sources, link_base)
    if not entries:
        return mark_safe(html)  # noqa: S308 - the rendered template's own output
    # Headings of the body have ids too: an editor's own "Sources" heading keeps its id.
    heading_id = "page-sources" if ' id="sources"' in html else "sources"
    section = render_to_string(
        "components/sources.html",
        {"sources": entries, "heading_id": heading_id, "link_base": link_base},
    )
    return mark_safe(html + section)  # noqa: S308 - both rendered from templates


def page_address(page):
    """Where the page is served, as it will be once saved: Wagtail updates `url_path` after
    the copy for feeds is rendered (a new page, a new slug)."""
    parent = page.get_parent() if page.path else None
    if parent is None:
        return ""
    located = copy.copy(page)
    located.set_url_path(parent)
    return located.get_url() or ""

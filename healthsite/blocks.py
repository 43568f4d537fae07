"""StreamField blocks every page type shares: the body stream and its parts."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

INLINE_FEATURES = ["bold", "italic", "link", "document-link", "citation"]
PARAGRAPH_FEATURES = [*INLINE_FEATURES, "ol", "ul"]


class HeadingValue(blocks.StructValue):
    @property
    def anchor(self):
        return slugify(self.get("text")) or "section"


class HeadingBlock(blocks.StructBlock):
    """A section heading. Main headings (h2) are listed in the page's table of contents."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Main heading"), ("h3", "Subheading")],
        default="h2",
        help_text="Main headings appear in the page's table of contents.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        value_class = HeadingValue


class ImageWithCaptionBlock(blocks.StructBlock):
    """An image with optional caption; alt text is required unless the image is decorative."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


CALLOUT_KINDS = [("tip", "Tip"), ("warning", "Warning"), ("urgent", "Urgent")]


class CalloutValue(blocks.StructValue):
    @property
    def heading(self):
        """The box's title, or its kind when it has none."""
        return self.get("title") or dict(CALLOUT_KINDS).get(self.get("kind"), "Note")


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: a tip, a warning, or urgent safety advice."""

    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="tip")
    title = blocks.CharBlock(required=False, help_text="Optional; the kind is shown otherwise.")
    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        value_class = CalloutValue


class QuoteBlock(blocks.StructBlock):
    """A pulled-out quotation, with who said it."""

    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class ParagraphBlock(blocks.RichTextBlock):
    """Running text, with bold, italic, links, citations of the page's sources and simple lists."""

    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of every page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    numbered_list = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES, label="Item"),
        icon="list-ol",
        template="blocks/numbered_list.html",
    )
    bulleted_list = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES, label="Item"),
        icon="list-ul",
        template="blocks/bulleted_list.html",
    )
    image = ImageWithCaptionBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        help_text="A link to a video or post (YouTube, Vimeo…); it is shown embedded.",
        template="blocks/embed.html",
    )

    def clean(self, value):
        value = super().clean(value)
        anchors = [child.value.anchor for child in value if child.block_type == "heading"]
        repeated = {anchor for anchor in anchors if anchors.count(anchor) > 1}
        if repeated:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ValidationError(
                    "Two headings have the same text; readers could not link to each one. "
                    "Reword one of them."
                )
            )
        return value

    class Meta:
        # Each block's own markup, without the wrapper Wagtail puts around every block.
        template = "blocks/body.html"


class SourceBlock(blocks.StructBlock):
    """A source a page is based on, listed under "Sources" and cited from the text."""

    title = blocks.CharBlock(max_length=300)
    publisher = blocks.CharBlock(max_length=200, help_text="E.g. NICE, NHS, a journal's name")
    year = blocks.IntegerBlock(min_value=1800, max_value=2100, required=False)
    url = blocks.URLBlock(required=False, help_text="Only a link you have checked yourself.")
    accessed = blocks.DateBlock(
        required=False, help_text="When you last checked the link (online sources)."
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/source.html"

    def clean(self, value):
        value = super().clean(value)
        if value["accessed"] and not value["url"]:
            raise blocks.StructBlockValidationError(
                block_errors={"accessed": ValidationError("An accessed date needs the link.")}
            )
        return value


def headings(stream):
    """The main (h2) headings of a body stream, as table-of-contents entries."""
    return [
        {"anchor": child.value.anchor, "text": child.value["text"]}
        for child in stream
        if child.block_type == "heading" and child.value["level"] == "h2"
    ]

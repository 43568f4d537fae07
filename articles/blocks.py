"""Blocks of condition pages: self-care steps and "when to seek medical help" signs."""

from wagtail import blocks

from healthsite.blocks import INLINE_FEATURES, ParagraphBlock


class StepBlock(blocks.StructBlock):
    """One self-care step readers can follow at home."""

    title = blocks.CharBlock(required=False, max_length=120, help_text="Optional, e.g. Keep moving")
    text = blocks.RichTextBlock(features=INLINE_FEATURES)

    class Meta:
        icon = "list-ol"
        template = "blocks/step.html"


class SelfCareStreamBlock(blocks.StreamBlock):
    """Self-care at home, as ordered steps, with any explanation needed."""

    step = StepBlock()
    paragraph = ParagraphBlock()


class RedFlagBlock(blocks.StructBlock):
    """A warning sign and how urgently a reader who has it must get help."""

    urgency = blocks.ChoiceBlock(
        choices=[
            ("emergency", "Emergency: get help now"),
            ("urgent", "Urgent: see a doctor today"),
            ("soon", "Soon: book an appointment with your GP"),
        ],
        default="urgent",
    )
    sign = blocks.CharBlock(max_length=250, help_text="E.g. Loss of bladder or bowel control")

    class Meta:
        icon = "warning"
        template = "blocks/red_flag.html"


class SeekHelpStreamBlock(blocks.StreamBlock):
    """When to seek medical help: warning signs, with any explanation needed."""

    red_flag = RedFlagBlock()
    paragraph = ParagraphBlock()

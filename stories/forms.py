"""The form readers send their story with, on the Tell Your Story page."""

from django import forms

from privacy.public_forms import PublicForm

from . import limits, text

KEPT = ("title", "story", "teller", "email", "consent")
NOT_AN_ADDRESS = "Please enter an e-mail address like name@example.com, or leave it empty."
TOO_LONG = "Please shorten this to {limit:,} characters or fewer (it has %(show_value)d)."


class PlainTextField(forms.CharField):
    """Text as the reader typed it, without control characters: one line, or paragraphs."""

    def __init__(self, *args, multiline=False, **kwargs):
        self.clean_text = text.multiline if multiline else text.one_line
        super().__init__(*args, **kwargs)
        self.error_messages["max_length"] = TOO_LONG.format(limit=self.max_length)

    def to_python(self, value):
        value = super().to_python(value)
        return self.clean_text(value) if value else value


class StoryForm(PublicForm):
    """A reader's story, the name to show with it and, if they like, how to reach them."""

    title = PlainTextField(
        label="Give your story a title",
        max_length=limits.TITLE,
        help_text="A few words, e.g. Back to the allotment after sciatica.",
        error_messages={"required": "Please give your story a title."},
    )
    story = PlainTextField(
        label="Your story",
        multiline=True,
        max_length=limits.STORY,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=f"Up to {limits.STORY:,} characters. Please leave out the names of clinicians "
        "and products, and anything that could identify you or someone else.",
        error_messages={"required": "Please write your story."},
    )
    teller = PlainTextField(
        label="Your first name or initials",
        max_length=limits.TELLER,
        help_text="Shown with your story, e.g. Sam or S. K.",
        error_messages={"required": "Please tell us your first name or initials."},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label="Your e-mail address",
        required=False,
        max_length=limits.EMAIL,
        help_text="Only if an editor may write to you about your story. We never publish it.",
        error_messages={
            **dict.fromkeys(["invalid", "null_characters_not_allowed"], NOT_AN_ADDRESS),
            "max_length": "That is longer than any e-mail address can be: please check it.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label="I agree that Manage Back Pain may publish my story, shortened or edited if "
        "needed, with my first name or initials.",
        error_messages={"required": "Please tick the box so that we may publish your story."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_help"

    def clean_teller(self):
        teller = self.cleaned_data["teller"]
        if "@" in teller:
            raise forms.ValidationError(
                "Please give only your first name or initials here: your e-mail address, "
                "if you want to give it, goes in its own box."
            )
        return teller

    def submission(self):
        """What is kept of a valid form: the reader's story and how to reach them."""
        return {name: self.cleaned_data[name] for name in KEPT}

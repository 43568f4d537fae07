"""The admin form of every content page."""

from django import forms

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm


class ContentPageForm(WagtailAdminPageForm):
    """Asks, on every publication, whether it is a significant update."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A tick belongs to one change: once published, the next edit starts without it
        # (a draft waiting to be published keeps its own).
        if self.instance.pk and not self.instance.has_unpublished_changes:
            self.initial["significant_update"] = False
            self.initial["change_note"] = ""
            self.initial["minor_change"] = False

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("significant_update") and cleaned_data.get("minor_change"):
            self.add_error(
                "minor_change",
                forms.ValidationError("A change is significant or minor, not both."),
            )
        if cleaned_data.get("significant_update") and not cleaned_data.get("change_note"):
            self.add_error(
                "change_note", forms.ValidationError("Say in one sentence what changed.")
            )
        # The apps' own checks (editorial: citations of sources no longer in Sources).
        for check in hooks.get_hooks("clean_content_page_form"):
            check(self, cleaned_data)
        return cleaned_data

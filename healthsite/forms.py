"""The admin form of every content page."""

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue


class ContentPageForm(WagtailAdminPageForm):
    """Asks, on every publication, whether it is a significant update."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A tick belongs to one change: once published, the next edit starts without it
        # (a draft waiting to be published keeps its own).
        if self.instance.pk and not self.instance.has_unpublished_changes:
            self.initial["significant_update"] = False
            self.initial["change_note"] = ""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("significant_update") and not cleaned_data.get("change_note"):
            self.add_error(
                "change_note", forms.ValidationError("Say in one sentence what changed.")
            )
        self.check_citations(cleaned_data)
        return cleaned_data

    def check_citations(self, cleaned_data):
        """Refuses citations of sources no longer in the page's Sources (readers would get a
        number pointing nowhere); the error goes on the field holding the citation."""
        # Imported here: it needs Wagtail's admin, which needs the page models loaded.
        from .citations import MISSING_SOURCE, cited_sources

        if "sources" in self.fields and "sources" not in cleaned_data:
            return  # Sources has errors of its own
        sources = cleaned_data.get("sources", self.instance.sources) or []
        known = {str(source.id) for source in sources}
        for name, value in list(cleaned_data.items()):
            data = value.get_prep_value() if isinstance(value, StreamValue) else value
            if cited_sources(data) - known:
                self.add_error(name, forms.ValidationError(MISSING_SOURCE))

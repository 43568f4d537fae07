"""The plain-English panel of health pages' editor: the terms the page explains itself, and
the live checks (shown in the editor's Checks side panel, updated as the editor types)."""

from django.urls import reverse

from wagtail.admin.panels import InlinePanel, MultiFieldPanel, Panel


class LiveChecksPanel(Panel):
    """Where the page editor's script finds the address to post the draft to."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/plain_english/live_panel.html"

        class Media:
            js = ["editorial/admin/plain_english.js"]
            css = {"all": ["editorial/admin/plain_english.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page.pk:
                url = reverse("plain_english_check", args=[page.pk])
            else:
                parent = getattr(self.form, "parent_page", None)
                meta = page._meta
                url = reverse(
                    "plain_english_check_new",
                    args=[meta.app_label, meta.model_name, parent.pk if parent else 0],
                )
            context["check_url"] = url
            return context


def plain_english_panel():
    return MultiFieldPanel(
        [
            LiveChecksPanel(),
            InlinePanel(
                "explained_terms",
                label="Explained term",
                heading="Medical words this page explains",
                help_text="The checks suggest everyday words for medical ones. Add a word "
                "here when the page explains it in its own way.",
            ),
        ],
        heading="Plain English",
    )

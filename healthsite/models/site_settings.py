"""Site-wide settings editors manage in Settings → Site settings."""

from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField


class SocialLinkBlock(blocks.StructBlock):
    """A link to the publication's profile on a social network."""

    label = blocks.CharBlock(max_length=60, help_text="What readers see, e.g. Follow on X")
    url = blocks.URLBlock()

    class Meta:
        icon = "link"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide wording and links: the medical disclaimer, the emergency sentence, how often
    pages are reviewed, social links, copyright."""

    disclaimer = RichTextField(
        features=["bold", "italic", "link"],
        default="<p>The information on this site is general and does not replace advice from "
        "your doctor or another qualified health professional. If you are worried about your "
        "health, please see them.</p>",
        help_text="The medical disclaimer shown in the footer of every page.",
    )
    social_links = StreamField([("link", SocialLinkBlock())], blank=True)
    emergency_sentence = models.CharField(
        max_length=250,
        default="If you think it is an emergency, call 999 or go to your nearest A&E.",
        help_text="Shown with every list of emergency warning signs. Another country's edition "
        "changes the number here.",
    )
    condition_review_months = models.PositiveSmallIntegerField(
        default=12, help_text="How often condition pages are medically reviewed."
    )
    article_review_months = models.PositiveSmallIntegerField(
        default=12, help_text="How often articles are medically reviewed."
    )
    product_guide_review_months = models.PositiveSmallIntegerField(
        default=6, help_text="How often product guides are reviewed."
    )
    copyright_holder = models.CharField(max_length=120, default="Manage Back Pain")
    first_year = models.PositiveIntegerField(
        default=2012, help_text="The first year of the copyright notice."
    )

    panels = [
        FieldPanel("disclaimer"),
        FieldPanel("emergency_sentence"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("condition_review_months"),
                        FieldPanel("article_review_months"),
                        FieldPanel("product_guide_review_months"),
                    ]
                )
            ],
            heading="Review intervals (months)",
        ),
        FieldPanel("social_links"),
        FieldRowPanel([FieldPanel("copyright_holder"), FieldPanel("first_year")]),
    ]

    class Meta:
        verbose_name = "site settings"
        # privacy/'s tool checks it (privacy/views.py). Kept here, where groups were granted it:
        # privacy/ has no model to carry it, and moving it would need a data migration.
        permissions = [("manage_personal_data", "Can export and erase readers' personal data")]

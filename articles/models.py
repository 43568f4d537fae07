"""Articles, condition pages, What's New and the Subscribe page."""

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from editorial.plain_english.panels import plain_english_panel
from healthsite.blocks import BodyStreamBlock, headings
from healthsite.models import (
    ContentPage,
    SectionPage,
)
from healthsite.pagination import canonical_number, paginate

from .blocks import SeekHelpStreamBlock, SelfCareStreamBlock
from .feeds import subscriptions


class ArticlePage(ContentPage):
    """An article: explanation and advice written as one flowing text."""

    newsworthy = True
    review_interval_setting = "article_review_months"
    reading_age_setting = "article_reading_age"
    parent_page_types = ["healthsite.HomePage", "healthsite.SectionPage"]
    subpage_types = []

    content_panels = [
        *ContentPage.content_panels,
        *ContentPage.reference_panels,
        plain_english_panel(),
        ContentPage.update_panel,
    ]

    class Meta:
        verbose_name = "article"


class ConditionPage(ContentPage):
    """A condition such as Sciatica, in structured sections shown in a fixed order.

    Every section is optional; the page lists the ones filled in as its table of contents.
    """

    newsworthy = True
    review_interval_setting = "condition_review_months"
    reading_age_setting = "condition_reading_age"
    content_template = "articles/condition_content.html"
    parent_page_types = ["healthsite.SectionPage"]
    subpage_types = []

    # (field, heading readers see): the fixed order of the sections.
    SECTIONS = [
        ("overview", "Overview"),
        ("causes", "Causes"),
        ("symptoms", "Symptoms"),
        ("treatment", "Treatment"),
        ("self_care", "Self-care at home"),
        ("exercises", "Exercises"),
        ("seek_help", "When to seek medical help"),
    ]

    overview = StreamField(BodyStreamBlock(), blank=True, help_text="What it is, in plain words.")
    causes = StreamField(BodyStreamBlock(), blank=True)
    symptoms = StreamField(BodyStreamBlock(), blank=True)
    treatment = StreamField(BodyStreamBlock(), blank=True)
    self_care = StreamField(
        SelfCareStreamBlock(), blank=True, help_text="Steps readers can take at home, in order."
    )
    exercises = StreamField(BodyStreamBlock(), blank=True)
    seek_help = StreamField(
        SeekHelpStreamBlock(),
        blank=True,
        verbose_name="when to seek medical help",
        help_text="Warning signs, each with how urgently to get help.",
    )

    search_fields = [
        *ContentPage.search_fields,
        *(index.SearchField(field) for field, _heading in SECTIONS),
    ]

    content_panels = [
        *ContentPage.intro_panels,
        MultiFieldPanel(
            [FieldPanel(field, heading=heading) for field, heading in SECTIONS],
            heading="Sections",
        ),
        FieldPanel("body", heading="More information", help_text="Shown after the sections."),
        *ContentPage.reference_panels,
        InlinePanel(
            "guide_links",
            heading="Product guides",
            label="Product guide",
            help_text="Guides to products that help with this condition.",
        ),
        plain_english_panel(),
        ContentPage.update_panel,
    ]

    @property
    def sections(self):
        """The sections filled in, in reading order."""
        return [
            {"anchor": field.replace("_", "-"), "text": heading, "value": getattr(self, field)}
            for field, heading in self.SECTIONS
            if getattr(self, field)
        ]

    def sections_for_contents(self):
        return [*self.sections, *headings(self.body)]

    # What each section is about, in schema.org's terms (HealthAspectEnumeration).
    HEALTH_ASPECTS = {
        "overview": "OverviewHealthAspect",
        "causes": "CausesHealthAspect",
        "symptoms": "SymptomsHealthAspect",
        "treatment": "TreatmentsHealthAspect",
        "self_care": "SelfCareHealthAspect",
        "exercises": "SelfCareHealthAspect",
        "seek_help": "SeeDoctorHealthAspect",
    }

    class Meta:
        verbose_name = "condition"


class ConditionGuide(Orderable):
    """A product guide that helps with a condition (shown on both pages)."""

    condition = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="guide_links")
    guide = models.ForeignKey(
        "products.ProductGuidePage", on_delete=models.CASCADE, related_name="condition_links"
    )

    panels = [FieldPanel("guide")]


class WhatsNewPage(ContentPage):
    """The newest and recently updated pages, newest first."""

    in_top_bar = True
    max_count = 1  # one list of everything new on the site
    parent_page_types = ["healthsite.HomePage"]
    subpage_types = []
    query_parameters = {"page": canonical_number}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = ContentPage.objects.newest().for_listing()
        context["pages"] = paginate(request, pages, per_page=20)
        return context

    class Meta:
        verbose_name = "what's new"


class SubscribePage(ContentPage):
    """How to follow the site: its feeds, and one-click links for popular feed readers."""

    max_count = 1  # one page explains how to subscribe
    parent_page_types = ["healthsite.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "subscribe page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        root_url = self.site.root_url
        sections = SectionPage.objects.live().public().in_menu().child_of(self.get_parent())
        context["site_feeds"] = subscriptions(root_url)
        context["sections"] = [(section, subscriptions(root_url, section)) for section in sections]
        return context


class ImportedPage(models.Model):
    """A page import_legacy made from the old site's page at old_path: importing that page
    again updates this page's draft."""

    old_path = models.CharField(max_length=255, unique=True)
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    imported_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.old_path

"""Articles, condition pages, What's New and the Subscribe page."""

from django.conf import settings
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
from .feeds import sections_in_the_news, subscriptions


class ArticlePage(ContentPage):
    """An article: explanation and advice written as one flowing text."""

    page_description = "Health advice written as one flowing text, such as Good Posture."
    section_kinds = ("health", "products")
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

    page_description = (
        "A condition, such as Sciatica, in fixed sections: causes, symptoms, treatment, "
        "self-care and when to seek help."
    )
    section_kinds = ("health",)
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

    page_description = "Lists the newest and recently updated pages. A site has one."
    in_top_bar = True
    lists_newest = True
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

    page_description = "Explains how to follow the site by feed or e-mail. A site has one."
    max_count = 1  # one page explains how to subscribe
    linked_everywhere = True  # the footer links it (healthsite/one_of_a_kind.py)
    parent_page_types = ["healthsite.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "subscribe page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        root_url = self.site.root_url
        sections = SectionPage.objects.live().public().in_menu().child_of(self.get_parent())
        # A section with nothing in its feeds is not offered.
        in_the_news = sections_in_the_news(request)
        context["site_feeds"] = subscriptions(root_url)
        context["sections"] = [
            (section, subscriptions(root_url, section))
            for section in sections
            if section.path in in_the_news
        ]
        return context


class ImportedPage(models.Model):
    """A page import_legacy made from the old site's page at old_path: importing that page
    again updates this page's draft."""

    old_path = models.CharField(max_length=255, unique=True)
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    imported_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.old_path


class LegacyUpload(models.Model):
    """Old pages an editor uploaded to the admin's Import view, kept (as one zip made in
    memory) while the dry run and the import read them in batches; deleted after a day."""

    PHASES = [
        ("checking", "checking"),
        ("checked", "checked"),
        ("importing", "importing"),
        ("imported", "imported"),
    ]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    files = models.BinaryField()
    page_type = models.CharField(max_length=20)
    parent = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    into = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pages = models.JSONField(default=list)  # the pages' paths in the upload, in order
    repeated = models.JSONField(default=dict)  # legacy_chrome.repeated_texts of the pages
    left_out = models.JSONField(default=list)  # files of the upload not read, and why
    phase = models.CharField(max_length=20, choices=PHASES, default="checking")
    position = models.PositiveIntegerField(default=0)  # pages done in this phase
    checked = models.JSONField(default=list)  # the dry run's report, a dict per file
    imported = models.JSONField(default=list)  # the import's report, a dict per file

    def __str__(self):
        return f"{len(self.pages)} old pages uploaded by {self.user}"

"""The site's own page types: home, sections and standard pages (forms: form_page.py)."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from ..pagination import canonical_number, paginate_when_shown
from .content_page import ContentPage


class HomePage(ContentPage):
    """The front page: introduction, the sections, and the newest pages."""

    page_description = "The site's front page. A site has one."
    lists_newest = True
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "healthsite.SectionPage",
        "healthsite.StandardPage",
        "healthsite.FormPage",
        "articles.ArticlePage",
        "articles.WhatsNewPage",
        "articles.SubscribePage",
        "newsletter.NewsletterPage",
        "search.ConditionIndexPage",
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_decorative"),
            ],
            heading="Hero image",
        ),
        FieldPanel("body"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = SectionPage.objects.child_of(self).live().public().in_menu()
        context["sections"] = sections.for_listing()
        context["newest"] = ContentPage.objects.newest().for_listing()[:6]
        return context

    class Meta:
        verbose_name = "home page"


class SectionPage(ContentPage):
    """A hub such as "Back Pain Types": introduces the section and lists its pages."""

    HEALTH, PRODUCTS, ABOUT = "health", "products", "about"
    page_description = "A group of pages, such as Back Pain Types: introduces them and lists them."
    holds = models.CharField(
        "what the section holds",
        max_length=20,
        choices=[
            (HEALTH, "Health pages: conditions, articles and readers' stories"),
            (PRODUCTS, "Product guides and articles"),
            (ABOUT, "About the site: plain pages and forms"),
        ],
        default=HEALTH,
        help_text="Decides which kinds of page editors can add to the section.",
    )
    content_panels = [*ContentPage.content_panels, FieldPanel("holds")]
    parent_page_types = ["healthsite.HomePage"]
    subpage_types = [
        "articles.ArticlePage",
        "articles.ConditionPage",
        "products.ProductGuidePage",
        "healthsite.StandardPage",
        "healthsite.FormPage",
        "stories.StoryIndexPage",
    ]
    query_parameters = {"page": canonical_number}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = ContentPage.objects.child_of(self).live().public().for_listing()
        # Counted and fetched only when the listing is not kept (section_page.html).
        context["children"] = paginate_when_shown(request, children)
        return context

    class Meta:
        verbose_name = "section"


class StandardPage(ContentPage):
    """A plain page such as About or Useful Links."""

    page_description = "A plain page of text, such as About or Useful Links: no medical review."
    parent_page_types = ["healthsite.HomePage", "healthsite.SectionPage"]
    subpage_types = []

    content_panels = [*ContentPage.content_panels, *ContentPage.reference_panels]

    class Meta:
        verbose_name = "page"

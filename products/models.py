"""Product guides and the products they recommend."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from editorial.plain_english.panels import plain_english_panel
from healthsite import renditions
from healthsite.blocks import BodyStreamBlock
from healthsite.models import ContentPage


class ProductGuidePage(ContentPage):
    """A buying guide: what to look for, what to avoid, and the products we recommend."""

    page_description = "A buying guide, such as Chairs: what to look for, what to avoid, products."
    section_kinds = ("products",)
    newsworthy = True
    review_interval_setting = "product_guide_review_months"
    reading_age_setting = "product_guide_reading_age"
    content_template = "products/product_guide_content.html"
    parent_page_types = ["healthsite.SectionPage"]
    subpage_types = []

    look_for = StreamField(BodyStreamBlock(), blank=True, verbose_name="what to look for")
    avoid = StreamField(BodyStreamBlock(), blank=True, verbose_name="what to avoid")
    disclosure = models.TextField(
        max_length=1000,
        blank=True,
        help_text="How we chose these products and whether any link earns us money.",
    )

    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("look_for"),
        index.SearchField("avoid"),
        index.RelatedFields(
            "products",
            [
                index.SearchField("name", boost=2),
                index.SearchField("why_it_helps"),
                index.SearchField("pros"),
                index.SearchField("cons"),
            ],
        ),
    ]

    content_panels = [
        *ContentPage.intro_panels,
        FieldPanel("body", heading="Introduction"),
        FieldPanel("look_for"),
        FieldPanel("avoid"),
        InlinePanel("products", label="Recommended products", heading="Recommended products"),
        FieldPanel("disclosure"),
        *ContentPage.reference_panels,
        plain_english_panel(),
        ContentPage.update_panel,
    ]

    @cached_property
    def recommended_products(self):
        """The products in their order, with their images and the renditions the page shows
        of them: two queries however many products."""
        products = list(self.products.select_related("image"))
        renditions.prefetch([product.image for product in products], "product")
        return products

    def get_text(self):
        yield from super().get_text()
        for product in self.products.all():
            yield from (product.name, product.why_it_helps, product.pros, product.cons)
        yield self.disclosure

    def more_text(self):
        """Text readers see beside the stream fields, for the plain-English checks: (kind,
        text), kind "paragraph" or "item"."""
        for product in self.products.all():
            yield "paragraph", product.why_it_helps
            for line in [*product.pros.splitlines(), *product.cons.splitlines()]:
                yield "item", line
        yield "paragraph", self.disclosure

    def sections_for_contents(self):
        sections = [
            ("look-for", "What to look for", self.look_for),
            ("recommended", "Products we recommend", self.recommended_products),
            ("avoid", "What to avoid", self.avoid),
        ]
        return [{"anchor": anchor, "text": text} for anchor, text, value in sections if value]

    class Meta:
        verbose_name = "product guide"


class RecommendedProduct(Orderable):
    """One product a guide recommends, with why it helps and its pros and cons."""

    PRICE_BANDS = [("budget", "Budget"), ("mid", "Mid-range"), ("premium", "Premium")]

    page = ParentalKey(ProductGuidePage, on_delete=models.CASCADE, related_name="products")
    name = models.CharField(max_length=120)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(
        "image alt text",
        max_length=250,
        blank=True,
        help_text="What the photo shows that the name does not; leave blank if nothing.",
    )
    why_it_helps = models.TextField(max_length=1000)
    pros = models.TextField(max_length=1000, blank=True, help_text="One per line.")
    cons = models.TextField(max_length=1000, blank=True, help_text="One per line.")
    price_band = models.CharField(max_length=10, choices=PRICE_BANDS)
    link = models.URLField("outbound link", blank=True)
    paid_link = models.BooleanField(
        default=False, help_text="Tick if we earn money when readers follow this link."
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("why_it_helps"),
        FieldRowPanel([FieldPanel("pros"), FieldPanel("cons")]),
        FieldPanel("price_band"),
        MultiFieldPanel([FieldPanel("link"), FieldPanel("paid_link")], heading="Link"),
    ]

    def clean(self):
        super().clean()
        if self.paid_link and not self.link:
            raise ValidationError({"paid_link": "A paid link needs the link itself."})

    @property
    def pros_list(self):
        return [line.strip() for line in self.pros.splitlines() if line.strip()]

    @property
    def cons_list(self):
        return [line.strip() for line in self.cons.splitlines() if line.strip()]

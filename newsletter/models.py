"""The newsletter's page."""

from healthsite.models import ContentPage


class NewsletterPage(ContentPage):
    """Describes the free newsletter ("Healthy Back - Healthy Life")."""

    in_top_bar = True
    max_count = 1  # the site has one newsletter
    parent_page_types = ["healthsite.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "newsletter"

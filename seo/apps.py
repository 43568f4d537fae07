from django.apps import AppConfig


class SeoConfig(AppConfig):
    """What search engines and share cards read: sitemaps, robots.txt, structured data
    (JSON-LD), meta and share tags."""

    name = "seo"
    verbose_name = "Search engines and sharing"

"""The site shell's models: pages and settings."""

from .content_page import (
    ContentPage,
    PageTag,
    RelatedPage,
    is_new,
    newest_pages,
    newsworthy_types,
    site_of,
)
from .form_page import FormField, FormPage
from .pages import HomePage, SectionPage, StandardPage
from .queries import for_listing, sections_of
from .site_settings import SiteSettings

__all__ = [
    "ContentPage",
    "FormField",
    "FormPage",
    "HomePage",
    "PageTag",
    "RelatedPage",
    "SectionPage",
    "SiteSettings",
    "StandardPage",
    "for_listing",
    "is_new",
    "newest_pages",
    "newsworthy_types",
    "sections_of",
    "site_of",
]

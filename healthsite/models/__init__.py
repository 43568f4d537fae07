"""The site shell's models: pages and settings."""

from .form_page import FormField, FormPage
from .pages import (
    ContentPage,
    HomePage,
    PageTag,
    RelatedPage,
    SectionPage,
    StandardPage,
    for_listing,
    is_new,
    newest_pages,
    newsworthy_types,
    sections_of,
    site_of,
)
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

"""The site shell's models: pages and settings."""

from .content_page import (
    ContentPage,
    PageTag,
    RelatedPage,
    is_new,
    site_of,
)
from .form_page import FormField, FormPage
from .pages import HomePage, SectionPage, StandardPage
from .queries import sections_of
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
    "is_new",
    "sections_of",
    "site_of",
]

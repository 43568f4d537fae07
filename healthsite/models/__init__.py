"""The site shell's models: pages, people, settings."""

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
    is_public,
    newest_pages,
    newsworthy_types,
    paginate,
    sections_of,
    site_of,
)
from .people import Person
from .review import MedicalReviewTask
from .site_settings import SiteSettings

__all__ = [
    "ContentPage",
    "FormField",
    "FormPage",
    "HomePage",
    "MedicalReviewTask",
    "PageTag",
    "Person",
    "RelatedPage",
    "SectionPage",
    "SiteSettings",
    "StandardPage",
    "for_listing",
    "is_new",
    "is_public",
    "newest_pages",
    "newsworthy_types",
    "paginate",
    "sections_of",
    "site_of",
]

"""The site shell's models: pages, people, settings."""

from .pages import (
    ContentPage,
    FormField,
    FormPage,
    HomePage,
    PageTag,
    RelatedPage,
    SectionPage,
    StandardPage,
    newest_pages,
    newsworthy_types,
    paginate,
    sections_of,
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
    "newest_pages",
    "newsworthy_types",
    "paginate",
    "sections_of",
]

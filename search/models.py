"""Synonyms editors manage, counts of what readers search for, and the conditions A–Z."""

from itertools import groupby

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from healthsite.models import ContentPage


class Synonym(index.Indexed, models.Model):
    """A reader's word for something ("slipped disc") and the page that covers it.

    Searches for the term also search for the page's title, and the A–Z lists the term
    under its own letter.
    """

    term = models.CharField(
        max_length=80,
        unique=True,
        help_text="The words readers use, e.g. slipped disc, lumbago, trapped nerve.",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The page that covers what readers mean by it.",
    )

    panels = [FieldPanel("term"), FieldPanel("page")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} ⇒ {self.page.title}"

    def clean(self):
        self.term = " ".join(self.term.lower().split())
        if not self.term:
            raise ValidationError({"term": "Enter the words readers use."})


class SearchQueryCount(models.Model):
    """How often readers searched for a query on one day, and how often it found nothing.

    Only the words are kept: no address, account or other identifier (on a health site,
    search terms are health data).
    """

    query = models.CharField(max_length=200)
    day = models.DateField()
    searches = models.PositiveIntegerField(default=0)
    without_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="one_count_per_query_and_day")
        ]
        indexes = [models.Index(fields=["day"])]
        verbose_name = "search term count"
        verbose_name_plural = "search terms"

    def __str__(self):
        return f"{self.query} ({self.day}: {self.searches})"


class ConditionIndexPage(ContentPage):
    """Conditions A–Z: every condition page, and readers' own words for them, by letter."""

    page_description = "Lists every condition page from A to Z. A site has one."
    max_count = 1  # one A–Z for the whole site
    parent_page_types = ["healthsite.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "conditions A–Z"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = self.letters()
        return context

    @staticmethod
    def letters():
        """[(letter, entries)]: condition pages and the synonyms that lead to live pages,
        alphabetically; each entry is (name, page, is_synonym)."""
        condition = apps.get_model("articles", "ConditionPage")
        pages = ContentPage.objects.live().public()
        entries = [
            (page.title, page, False) for page in pages.type(condition).only("title", "url_path")
        ]
        entries += [
            (synonym.term.capitalize(), synonym.page, True)
            for synonym in Synonym.objects.filter(page__in=pages).select_related("page")
        ]
        entries.sort(key=lambda entry: entry[0].casefold())
        return [
            (letter, list(group))
            for letter, group in groupby(
                entries, key=lambda e: e[0][0].upper() if e[0][0].isalpha() else "#"
            )
        ]

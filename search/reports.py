"""The "Search terms" report: what readers searched for, and what found nothing."""

from datetime import timedelta

import django_filters

from django import forms
from django.db.models import Sum
from django.utils import timezone

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from privacy.spreadsheets import SafeCsvMixin

from .models import SearchQueryCount

DEFAULT_DAYS = 30


def since(days):
    """The first day of the last `days` days, today included."""
    return timezone.localdate() - timedelta(days=days - 1)


class SearchTermsFilterSet(WagtailFilterSet):
    days = django_filters.ChoiceFilter(
        label="Period",
        choices=[("7", "Last 7 days")],
        empty_label=f"Last {DEFAULT_DAYS} days",
        method="filter_days",
        widget=forms.RadioSelect,
    )
    found_nothing = django_filters.ChoiceFilter(
        label="Show",
        choices=[("true", "Only queries that found nothing")],
        empty_label="All queries",
        method="filter_found_nothing",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SearchQueryCount
        fields = []

    def filter_days(self, queryset, name, value):
        return queryset.filter(day__gte=since(int(value)))

    def filter_found_nothing(self, queryset, name, value):
        return queryset.filter(not_found__gt=0)


class SearchTermsView(SafeCsvMixin, ReportView):
    """Queries readers searched for over the last 30 (or 7) days, with how many of those
    searches found nothing, so editors know what to write next."""

    model = SearchQueryCount  # for the permission check: search.view_searchquerycount
    permission_required = "view"
    page_title = "Search terms"
    header_icon = "search"
    results_template_name = "search/reports/search_terms_results.html"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    filterset_class = SearchTermsFilterSet
    verbose_name_plural = "search terms"
    columns = [
        Column("query", label="Search terms", sort_key="query"),
        NumberColumn("total", label="Searches", sort_key="total"),
        NumberColumn("not_found", label="Found nothing", sort_key="not_found"),
    ]
    default_ordering = "-total"
    list_export = ["query", "total", "not_found"]
    export_headings = {"query": "Search terms", "total": "Searches", "not_found": "Found nothing"}

    @property
    def days(self):
        if self.filters.is_valid() and self.filters.form.cleaned_data["days"]:
            return int(self.filters.form.cleaned_data["days"])
        return DEFAULT_DAYS

    def get_base_queryset(self):
        # The filters narrow the period further; the annotations sum each query's days.
        return (
            SearchQueryCount.objects.filter(day__gte=since(DEFAULT_DAYS))
            .values("query")
            .annotate(total=Sum("searches"), not_found=Sum("without_results"))
        )

    def order_queryset(self, queryset):
        # By query last, so equal counts keep one order from page to page.
        return queryset.order_by(self.ordering, "query")

    def get_filename(self):
        return f"search-terms-last-{self.days}-days-{timezone.localdate().isoformat()}"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "days": self.days}

"""The "Reviews due" report and dashboard panel: health pages whose medical review is overdue,
due within 30 days, or that were never reviewed. Overdue pages stay live; the report is how
editors find them."""

from datetime import timedelta

import django_filters

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import PageReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import Page, get_page_models
from wagtail.permissions import policy_registry

from healthsite.models import ContentPage

from .models import APPROVAL_NEEDS_REGISTRATION, MedicalReviewTask, signing_person

DUE_SOON = timedelta(days=30)
# Who sees the report and the panel: anyone who may add, edit or publish pages.
PAGE_ACTIONS = ["add", "change", "publish"]
# How urgent a review is, most urgent first (the report sorts its status column by it).
NEVER_REVIEWED, OVERDUE, DUE_SOON_STATUS = 0, 1, 2
STATUS_LABELS = {
    NEVER_REVIEWED: "Never reviewed",
    OVERDUE: "Overdue",
    DUE_SOON_STATUS: "Due soon",
}


def model_is_reviewed(model):
    return getattr(model, "review_interval_setting", None) is not None


def health_page_types():
    """The content types of pages that are medically reviewed."""
    reviewed = [model for model in get_page_models() if model_is_reviewed(model)]
    types = ContentType.objects.get_for_models(*reviewed).values()
    return ContentType.objects.filter(pk__in=[content_type.pk for content_type in types])


def reviews_due(today=None):
    """Live health pages due for review within 30 days, overdue or never reviewed, each with
    its `urgency` (NEVER_REVIEWED, OVERDUE or DUE_SOON_STATUS)."""
    today = today or timezone.localdate()
    return (
        ContentPage.objects.live()
        .filter(content_type__in=health_page_types())
        .filter(Q(next_review_due__isnull=True) | Q(next_review_due__lte=today + DUE_SOON))
        .annotate(
            urgency=Case(
                When(next_review_due__isnull=True, then=Value(NEVER_REVIEWED)),
                When(next_review_due__lt=today, then=Value(OVERDUE)),
                default=Value(DUE_SOON_STATUS),
                output_field=IntegerField(),
            )
        )
    )


def pages_for(user):
    """The pages `user` may add, edit or publish."""
    return policy_registry.get_by_type(Page).instances_user_has_any_permission_for(
        user, PAGE_ACTIONS
    )


def user_sees_reviews(user):
    return policy_registry.get_by_type(Page).user_has_any_permission(user, PAGE_ACTIONS)


class ReviewsDueFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[(str(urgency), label) for urgency, label in STATUS_LABELS.items()],
        empty_label="All",
        field_name="urgency",
    )
    content_type = ContentTypeFilter(label="Type", queryset=lambda request: health_page_types())

    class Meta:
        model = ContentPage
        fields = []


# The first columns of every report that lists pages: the page, linked to its editor, and its type.
PAGE_COLUMNS = [
    TitleColumn("title", label="Page", url_name="wagtailadmin_pages:edit", sort_key="title"),
    Column(
        "type",
        label="Type",
        accessor=lambda page: get_content_type_label(page.content_type),
        sort_key="content_type__model",
    ),
]


class ReviewDateColumn(Column):
    """A review date or reviewer; a dash for pages never reviewed."""

    empty_value_display = "—"

    def get_value(self, instance):
        return super().get_value(instance) or ""


class ReviewsDueView(PageReportView):
    """Health pages to review soon, most urgent first."""

    page_title = "Reviews due"
    header_icon = "time"
    index_url_name = "reviews_due_report"
    index_results_url_name = "reviews_due_report_results"
    results_template_name = "editorial/reports/reviews_due_results.html"
    any_permission_required = PAGE_ACTIONS
    filterset_class = ReviewsDueFilterSet
    verbose_name_plural = "pages due for review"
    columns = [
        *PAGE_COLUMNS,
        ReviewDateColumn("last_reviewed", label="Last reviewed", sort_key="last_reviewed"),
        ReviewDateColumn("reviewed_by", label="Reviewed by", sort_key="reviewed_by__name"),
        ReviewDateColumn("next_review_due", label="Next review due", sort_key="next_review_due"),
        StatusTagColumn(
            "status",
            label="Status",
            accessor=lambda page: STATUS_LABELS[page.urgency],
            primary=lambda page: page.urgency != DUE_SOON_STATUS,
            sort_key="urgency",
        ),
    ]
    default_ordering = "next_review_due"
    list_export = [
        "title",
        "content_type",
        "last_reviewed",
        "reviewed_by",
        "next_review_due",
        "urgency",
        "full_url",
    ]
    export_headings = {
        "title": "Page",
        "content_type": "Type",
        "last_reviewed": "Last reviewed",
        "reviewed_by": "Reviewed by",
        "next_review_due": "Next review due",
        "urgency": "Status",
        "full_url": "Address",
    }
    custom_field_preprocess = {
        "content_type": {
            PageReportView.FORMAT_CSV: get_content_type_label,
            PageReportView.FORMAT_XLSX: get_content_type_label,
        },
        "urgency": {
            PageReportView.FORMAT_CSV: STATUS_LABELS.get,
            PageReportView.FORMAT_XLSX: STATUS_LABELS.get,
        },
    }

    def get_base_queryset(self):
        return (
            reviews_due()
            .filter(pk__in=pages_for(self.request.user).values("pk"))
            .select_related("content_type", "reviewed_by")
        )

    def order_queryset(self, queryset):
        # Pages never reviewed count as the oldest: first going up, last going down (the
        # databases disagree on where NULLs go otherwise). Then by title, for a stable order.
        field = F(self.ordering.lstrip("-"))
        if self.ordering.startswith("-"):
            return queryset.order_by(field.desc(nulls_last=True), "title", "pk")
        return queryset.order_by(field.asc(nulls_first=True), "title", "pk")

    def get_filename(self):
        return f"reviews-due-{timezone.localdate().isoformat()}"


class ReviewsDuePanel(Component):
    """On the dashboard: how many health pages are overdue for review or due soon."""

    name = "reviews_due"
    template_name = "editorial/panels/reviews_due.html"
    order = 150  # near the top: stale health advice matters more than recent edits

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        today = timezone.localdate()
        counts = (
            reviews_due(today)
            .filter(pk__in=pages_for(user).values("pk"))
            .aggregate(
                never_reviewed=Count("pk", filter=Q(next_review_due__isnull=True)),
                overdue=Count("pk", filter=Q(next_review_due__lt=today)),
                due_soon=Count("pk", filter=Q(next_review_due__gte=today)),
            )
        )
        return {**counts, "report_url": reverse("reviews_due_report")}


class ReviewerRegistrationPanel(Component):
    """On the dashboard of a medical reviewer who cannot approve yet: why, and what to do."""

    name = "reviewer_registration"
    template_name = "editorial/panels/reviewer_registration.html"
    order = 100

    def get_context_data(self, parent_context):
        return {"explanation": APPROVAL_NEEDS_REGISTRATION}

    @staticmethod
    def applies_to(user):
        """A member of a medical review task's groups whose approvals cannot be signed."""
        reviews = MedicalReviewTask.objects.filter(active=True, groups__user=user)
        return reviews.exists() and signing_person(user) is None

"""The "Plain English" report (every live health page with its reading age, flags and last
editor, hardest first, with CSV) and the dashboard panel counting pages above target."""

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.reports import PageReportView
from wagtail.coreutils import get_content_type_label, multigetattr

from ..reports import PAGE_ACTIONS, PAGE_COLUMNS, pages_for
from . import stored
from .checks import KIND_LABELS


def flag_summary(flags):
    """ "2 medical words, 1 long sentence": the kinds of a page's flags, counted."""
    counts = {}
    for flag in flags or []:
        label = KIND_LABELS.get(flag.get("kind"), flag.get("kind", ""))
        counts[label] = counts.get(label, 0) + 1
    return ", ".join(f"{number} × {label.lower()}" for label, number in counts.items())


def editor_name(page):
    user = page.latest_revision.user if page.latest_revision_id else None
    return (user.get_full_name() or user.get_username()) if user else ""


def status(page):
    if page.reading_age is None:
        return "Not checked yet" if page.checked is None else "No text"
    return "Above target" if page.above_target else "On target"


class PlainEnglishView(PageReportView):
    """Live health pages by reading age, hardest first, with what the checks flagged."""

    page_title = "Plain English"
    header_icon = "glasses"
    index_url_name = "plain_english_report"
    index_results_url_name = "plain_english_report_results"
    results_template_name = "editorial/reports/plain_english_results.html"
    any_permission_required = PAGE_ACTIONS
    verbose_name_plural = "health pages"
    columns = [
        *PAGE_COLUMNS,
        Column("reading_age", label="Reading age", sort_key="reading_age"),
        Column("target", label="Target", sort_key="target"),
        StatusTagColumn(
            "status",
            label="Status",
            accessor=status,
            primary=lambda page: bool(page.above_target),
            sort_key="above_target",
        ),
        Column("flag_count", label="Flags", sort_key="flag_count"),
        Column("flag_kinds", label="What", accessor=lambda page: flag_summary(page.flags)),
        Column(
            "last_editor",
            label="Last edited by",
            accessor=editor_name,
            sort_key="latest_revision__user__username",
        ),
    ]
    default_ordering = "-reading_age"
    list_export = [
        "title",
        "content_type",
        "reading_age",
        "smog",
        "fk_grade",
        "target",
        "flag_count",
        "flags",
        "last_editor",
        "full_url",
    ]
    export_headings = {
        "title": "Page",
        "content_type": "Type",
        "reading_age": "Reading age",
        "smog": "SMOG grade",
        "fk_grade": "Flesch-Kincaid grade",
        "target": "Target",
        "flag_count": "Flags",
        "flags": "What",
        "last_editor": "Last edited by",
        "full_url": "Address",
    }
    custom_field_preprocess = {
        "content_type": {
            PageReportView.FORMAT_CSV: get_content_type_label,
            PageReportView.FORMAT_XLSX: get_content_type_label,
        },
        "flags": {
            PageReportView.FORMAT_CSV: flag_summary,
            PageReportView.FORMAT_XLSX: flag_summary,
        },
    }

    def get_base_queryset(self):
        stored.refresh()
        return (
            stored.live_health_pages()
            .filter(pk__in=pages_for(self.request.user).values("pk"))
            .select_related("content_type", "latest_revision__user")
            .annotate(
                reading_age=F("plain_english__reading_age"),
                smog=F("plain_english__smog"),
                fk_grade=F("plain_english__fk_grade"),
                target=F("plain_english__target"),
                above_target=F("plain_english__above_target"),
                flag_count=F("plain_english__flag_count"),
                flags=F("plain_english__flags"),
                checked=F("plain_english__checked_at"),
            )
        )

    def order_queryset(self, queryset):
        # Pages not checked yet go last either way; then by title, for a stable order.
        field = F(self.ordering.lstrip("-"))
        if self.ordering.startswith("-"):
            return queryset.order_by(field.desc(nulls_last=True), "title", "pk")
        return queryset.order_by(field.asc(nulls_last=True), "title", "pk")

    def to_row_dict(self, item):
        return {
            field: editor_name(item) if field == "last_editor" else multigetattr(item, field)
            for field in self.list_export
        }

    def get_filename(self):
        return f"plain-english-{timezone.localdate().isoformat()}"


class PlainEnglishPanel(Component):
    """On the dashboard: how many live health pages are above their target reading age."""

    name = "plain_english"
    template_name = "editorial/panels/plain_english.html"
    order = 160

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        stored.refresh()
        counts = (
            stored.live_health_pages()
            .filter(pk__in=pages_for(user).values("pk"))
            .aggregate(
                above=Count("pk", filter=Q(plain_english__above_target=True)),
                flagged=Count("pk", filter=Q(plain_english__flag_count__gt=0)),
                unchecked=Count("pk", filter=Q(plain_english__isnull=True)),
                total=Count("pk"),
            )
        )
        return {**counts, "report_url": reverse("plain_english_report")}

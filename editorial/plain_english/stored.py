"""The checks of each live health page's published revision, kept (PlainEnglishCheck) so
that the report and the dashboard need not measure every page on every view.

A page is checked when it is published; a change of lay terms or targets drops every kept
result, and whatever is missing or older than the page's live revision is checked again
the next time the report or the dashboard is shown."""

from django.db.models import F, Q

from healthsite.models import ContentPage

from ..models import PlainEnglishCheck
from ..reports import health_page_types
from .checks import check_page, known_terms

# Pages checked at most per view of the report or the dashboard: a site whose pages were
# made in bulk (generate_content, an import) is checked over several views, not in one
# request a proxy would time out.
REFRESH_BATCH = 200


def live_health_pages():
    return ContentPage.objects.live().filter(content_type__in=health_page_types())


def record(page, terms=None):
    """Checks `page` as it is live (its row is its published revision) and keeps the result."""
    result = check_page(page, terms=terms)
    PlainEnglishCheck.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "revision_id": page.live_revision_id,
            "reading_age": result.level.reading_age,
            "smog": result.level.smog,
            "fk_grade": result.level.fk_grade,
            "target": result.target,
            "above_target": result.above_target,
            "flags": result.flags,
            "flag_count": len(result.flags),
        },
    )
    return result


def refresh():
    """Checks the live health pages whose kept result is missing or out of date."""
    stale = live_health_pages().filter(
        Q(plain_english__isnull=True) | ~Q(plain_english__revision_id=F("live_revision_id"))
    )
    stale = stale.order_by("-last_published_at")[:REFRESH_BATCH]
    pages = list(stale.specific().prefetch_related("explained_terms__term"))
    if pages:
        terms = known_terms()
        for page in pages:
            record(page, terms)


def on_published(sender, instance, **kwargs):
    page = instance.specific
    if getattr(page, "is_health_page", False):
        record(page)


def forget_all(**kwargs):
    """Lay terms or targets changed: every kept result may be wrong."""
    PlainEnglishCheck.objects.all().delete()

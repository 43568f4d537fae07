"""A minor change (a typo, a broken link) to a reviewed health page: still approved by a
medical reviewer, who sees exactly what changed, and it leaves the review dates alone."""

from wagtail.models import Page


def is_minor(revision):
    """Whether the editor marked the revision waiting for review as a minor change."""
    return bool(revision is not None and revision.content.get("minor_change"))


def changes(page, request):
    """What differs between the version readers see and the one waiting for review, as
    Wagtail's revision compare shows it (each field's comparison, only the changed ones)."""
    page = page.specific
    latest, live = page.get_latest_revision(), page.live_revision
    if latest is None or live is None:
        return []
    before, after = live.as_object(), latest.as_object()
    panel = page.get_edit_handler().get_bound_panel(instance=page, request=request, form=None)
    found = [comparison(before, after) for comparison in panel.get_comparison()]
    return [diff for diff in found if diff.has_changed() and diff.field_label != "minor change"]


def waiting(page):
    """The revision a reviewer would approve for `page` (Wagtail publishes the latest)."""
    return page.get_latest_revision() if isinstance(page, Page) else None

"""The old site's addresses of imported pages. A redirect never sends readers to a page they
cannot see: an imported page takes its old address when it is first published, and until then
an address that leads to a live page keeps leading there."""

from wagtail.contrib.redirects.models import Redirect

from .models import ImportedPage


def point(old_path, page):
    """Points `old_path` at `page` if readers can see it; returns what the report says of it."""
    redirect = Redirect.objects.filter(old_path=Redirect.normalise_path(old_path)).first()
    if redirect and redirect.redirect_page_id == page.pk:
        return None  # leads there already: left exactly as it is
    if page.live:
        redirect = redirect or Redirect(old_path=old_path)
        redirect.redirect_page, redirect.redirect_link, redirect.is_permanent = page, "", True
        redirect.save()
        return None
    target = redirect and (redirect.redirect_page or redirect.redirect_link)
    if target and (redirect.redirect_link or redirect.redirect_page.live):
        return (
            f"{old_path} keeps leading to “{target.title if redirect.redirect_page else target}” "
            "until this page is published, then it leads here"
        )
    return f"{old_path} leads here once this page is published"


def on_published(sender, instance, **kwargs):
    """An imported page published for the first time takes its old address (later
    publications leave the redirect as editors may have changed it)."""
    first_time = instance.first_published_at == instance.last_published_at
    if not (instance.live and first_time):
        return
    for record in ImportedPage.objects.filter(page_id=instance.pk):
        point(record.old_path, instance)

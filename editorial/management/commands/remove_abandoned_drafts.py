from django.core.management.base import BaseCommand
from django.utils import timezone

from editorial import drafts


class Command(BaseCommand):
    help = (
        "Deletes new pages that only autosave ever saved (their editor never chose Save draft, "
        "Submit or Publish), never published and untouched for ABANDONED_DRAFT_HOURS (24 by "
        "default); each deletion is recorded in Reports → Site history. Safe to run again. "
        "Run it hourly from cron: `40 * * * * … manage.py remove_abandoned_drafts`."
    )

    def handle(self, *args, **options):
        def report(page):
            if options["verbosity"] < 1:
                return
            changed = timezone.localtime(page.latest_revision_created_at)
            self.stdout.write(
                f"  removing “{page.draft_title}” (id {page.pk}, under {page.get_parent().title}, "
                f"last autosaved {changed:%d/%m/%Y %H:%M})"
            )

        removed = drafts.remove_abandoned(timezone.now(), report)
        if options["verbosity"] >= 1:
            self.stdout.write(f"Done: {removed} abandoned new pages deleted.")

from django.core.management.base import BaseCommand
from django.template.defaultfilters import pluralize

from search.stats import flush


class Command(BaseCommand):
    help = (
        "Adds the searches counted in the cache since the last run to the Search terms "
        "report, and deletes counts older than 13 months. Readers' searches reach the report "
        "only through this command: run it from cron every few minutes, e.g. "
        "`*/5 * * * * … manage.py flush_search_stats --verbosity 0`."
    )

    def handle(self, *args, **options):
        summary = flush()
        if options["verbosity"] == 0:
            return
        if summary["busy"]:
            self.stdout.write("Another flush is running, so this one did nothing.")
            return
        entries, queries, deleted = summary["entries"], summary["queries"], summary["deleted"]
        self.stdout.write(
            f"Flushed {entries} search{pluralize(entries, 'es')} "
            f"for {queries} quer{pluralize(queries, 'y,ies')}; "
            f"deleted {deleted} old row{pluralize(deleted)}."
        )
        if summary["lost"]:
            self.stderr.write(
                f"{summary['lost']} search{pluralize(summary['lost'], 'es')} had gone from the "
                "cache before this flush: flush more often, or give the cache more room "
                "(its MAX_ENTRIES option)."
            )

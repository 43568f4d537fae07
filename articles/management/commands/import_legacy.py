from django.core.management.base import BaseCommand, CommandError

from articles.legacy_import import PAGE_TYPES, LegacyImport, Refused
from articles.legacy_report import describe, phrases_text, text_lines


class Command(BaseCommand):
    help = (
        "Imports the old site's pages (HTML files, folders of them, or their saved text) as "
        "drafts: a new draft of the page the site already has for one, else a new draft page; "
        "with a permanent redirect from each old address, and a report of what went where."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders of old pages.")
        parser.add_argument(
            "--parent",
            help="The section to put them in, as readers see its address (/back-pain-types/); "
            "a page whose “Return from … to …” line names a section goes there instead.",
        )
        parser.add_argument("--type", choices=sorted(PAGE_TYPES), default="article")
        parser.add_argument(
            "--into",
            help="The page (its address, /back-pain-types/muscle-spasms/) that the one file "
            "given becomes a new draft of, when it is not matched by its old address or slug.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; change nothing."
        )
        parser.add_argument(
            "--phrases",
            action="store_true",
            help="Also print the phrases that send a heading to a condition page's section.",
        )

    def handle(self, *args, paths, parent, type, into, dry_run, phrases, **options):
        try:
            importer = LegacyImport(type, parent, dry_run=dry_run, log=self.stdout.write, into=into)
            outcomes, bad = importer.run(paths)
        except Refused as refusal:
            raise CommandError(str(refusal)) from refusal
        if not outcomes and not bad:
            raise CommandError("No old pages there: give .html, .htm or .txt files or folders.")
        self.stdout.write("")
        for outcome in outcomes:
            for style, line in text_lines(describe(outcome, dry_run)):
                self.stdout.write(self.style.WARNING(line) if style else line)
        for path, reason in bad:
            self.stdout.write(self.style.WARNING(f"{path.name}: skipped, {reason}"))
        if phrases:
            self.stdout.write("Headings start these sections of a condition page:")
            for line in phrases_text():
                self.stdout.write(f"  {line}")
        actions = [outcome.action for outcome in outcomes]
        unresolved = sum(page is None for o in outcomes for _href, page in o.links)
        would = "would be " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {len(outcomes) + len(bad)} files; {actions.count('created')} pages "
                f"{would}created, {actions.count('updated')} {would}updated (as drafts), "
                f"{actions.count('skipped') + len(bad)} skipped; {unresolved} links to pages "
                "not imported."
                + (
                    " Nothing was changed (--dry-run)."
                    if dry_run
                    else " Review and publish the drafts in the admin."
                )
            )
        )

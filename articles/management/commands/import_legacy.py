from django.core.management.base import BaseCommand, CommandError

from articles.legacy_import import PAGE_TYPES, LegacyImport, Refused


class Command(BaseCommand):
    help = (
        "Imports the old site's pages (HTML files, folders of them, or their saved text) as "
        "draft pages, with a permanent redirect from each old address, and reports what went "
        "where."
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
            "--dry-run", action="store_true", help="Report what would happen; change nothing."
        )

    def handle(self, *args, paths, parent, type, dry_run, **options):
        try:
            importer = LegacyImport(type, parent, dry_run=dry_run, log=self.stdout.write)
            outcomes, bad = importer.run(paths)
        except Refused as refusal:
            raise CommandError(str(refusal)) from refusal
        if not outcomes and not bad:
            raise CommandError("No old pages there: give .html, .htm or .txt files or folders.")
        self.stdout.write("")
        for outcome in outcomes:
            self.report(outcome, dry_run)
        for path, reason in bad:
            self.stdout.write(self.style.WARNING(f"{path.name}: skipped, {reason}"))
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

    def report(self, outcome, dry_run):
        document = outcome.document
        name = document.path.name
        if outcome.action == "skipped":
            self.stdout.write(self.style.WARNING(f"{name}: skipped, {outcome.reason}"))
            return
        page = outcome.page
        verb = f"would be {outcome.action}" if dry_run else outcome.action
        where = page.get_parent().url_path.removeprefix(page.get_site().root_page.url_path)
        self.stdout.write(
            f"{name}: {verb} “{page.title}” ({page._meta.verbose_name}, draft) in /{where}"
            f"{page.slug}/, redirected from {document.old_path}"
        )
        if outcome.blocks:
            kinds = ", ".join(
                f"{count} {kind.replace('_', ' ')}" for kind, count in outcome.blocks.items()
            )
            self.stdout.write(f"  blocks: {kinds}")
        for section, heading in outcome.sections:
            self.stdout.write(f"  “{heading}” → {section.replace('_', ' ')}")
        resolved = [href for href, target in outcome.links if target]
        unresolved = [href for href, target in outcome.links if not target]
        if outcome.links:
            self.stdout.write(
                f"  links to old pages: {len(resolved)} resolved, {len(unresolved)} not"
            )
        for href in unresolved:
            self.stdout.write(f"    not imported (yet): {href}")
        for line in outcome.images:
            self.stdout.write(f"  image {line}")
        for dropped in document.dropped:
            self.stdout.write(f"  dropped as site chrome: {dropped}")
        for note in outcome.notes:
            self.stdout.write(self.style.WARNING(f"  note: {note}"))

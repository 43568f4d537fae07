from django.core.management.base import BaseCommand, CommandError

from demo import generator


class Command(BaseCommand):
    help = "Adds N realistic archive pages over the sections (for scale tests); --remove undoes."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=0, help="How many pages to add.")
        parser.add_argument("--remove", action="store_true", help="Remove generated pages.")
        parser.add_argument("--seed", type=int, default=2026, help="For repeatable content.")
        parser.add_argument(
            "--jobs", type=int, default=1, help="Processes adding pages side by side (1)."
        )

    def handle(self, *args, pages, remove, seed, jobs, **options):
        if remove:
            removed = generator.remove(log=self.stdout.write)
            self.stdout.write(f"Done: {removed} generated pages removed.")
            return
        if pages < 1:
            raise CommandError("Say how many pages to add, e.g. --pages 1000 (or --remove).")
        try:
            generator.generate(pages, seed=seed, log=self.stdout.write, jobs=max(1, jobs))
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Done: {pages} pages added. Remove them with --remove.")

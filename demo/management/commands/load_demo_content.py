from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Builds the demo site (every page of the site map). Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        self.stdout.write("Loading demo content…")
        DemoLoader(log=self.stdout.write).run()

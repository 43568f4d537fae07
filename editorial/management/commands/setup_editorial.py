from django.core.management.base import BaseCommand

from editorial.setup import setup_editorial


class Command(BaseCommand):
    help = (
        "Creates the Editors, Medical reviewers and Moderators groups with their permissions, "
        'and the "Medical review" workflow at the home page. Safe to run again: what is in '
        "place is kept."
    )

    def handle(self, *args, **options):
        setup_editorial(log=self.stdout.write)

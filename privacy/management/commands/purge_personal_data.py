from django.core.management.base import BaseCommand
from django.utils import timezone

from privacy import personal_data


class Command(BaseCommand):
    help = (
        "Deletes readers' personal data kept past its retention period (unconfirmed newsletter "
        "signups, story submissions, contact messages; see the privacy notice). Run it daily "
        "from cron: `15 3 * * * … manage.py purge_personal_data`."
    )

    def handle(self, *args, **options):
        deleted = personal_data.purge(timezone.now())
        for name, count in deleted.items():
            self.stdout.write(f"  {name}: {count} deleted")
        self.stdout.write(f"Done: {sum(deleted.values())} records past their retention deleted.")

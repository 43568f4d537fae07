from django.core.management.base import BaseCommand

from healthsite.models import ContentPage
from healthsite.renditions import prepare_renditions


class Command(BaseCommand):
    help = (
        "Makes the image renditions every live page shows (publishing makes them for new "
        "changes; run this once after importing content or changing the sizes in renditions.py), "
        "so that no reader's visit has to make one."
    )

    def handle(self, *args, **options):
        pages = ContentPage.objects.live().specific()
        total = pages.count()
        # One page at a time, in chunks: the whole archive is never in memory.
        for done, page in enumerate(pages.iterator(chunk_size=100), start=1):
            prepare_renditions(page)
            if done % 100 == 0 or done == total:
                self.stdout.write(f"  {done}/{total} pages")
        self.stdout.write(f"Done: renditions ready for {total} live pages.")

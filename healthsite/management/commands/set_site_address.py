from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from healthsite import site_address


class Command(BaseCommand):
    help = (
        "Records the site's public address (SITE_URL, or the address given) on the default "
        "Wagtail Site, which absolute links in pages, feeds, the sitemap and e-mails use."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="e.g. https://backpain.example.org")

    def handle(self, *args, url=None, **options):
        try:
            site, changed = site_address.apply(url)
        except ValueError as error:
            raise CommandError(f"{error}. Set SITE_URL (README, Production).") from error
        except Site.DoesNotExist as error:
            raise CommandError("There is no default site yet: load or create one first.") from error
        verb = "is now" if changed else "was already"
        self.stdout.write(f"The site's address {verb} {site.root_url}")

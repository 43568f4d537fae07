from django.core.management.base import BaseCommand

from newsletter.sending import only_sender, send_queued


class Command(BaseCommand):
    help = (
        "Sends the newsletter issues editors queued in the admin (Newsletter → Issues → Send to "
        "subscribers), one e-mail at a time, then exits. Run it from cron every minute, on one "
        "machine: * * * * * cd /srv/healthsite && .venv/bin/python manage.py send_newsletter "
        "--verbosity 0. While one run is sending, the next ones exit at once. An e-mail that a "
        "killed run was handing to the mail server is marked unknown and never sent again; the "
        "others resume where it stopped. Progress shows in the admin."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0
        with only_sender() as alone:
            if not alone:
                if verbose:
                    self.stdout.write("Another send_newsletter is running: nothing to do.")
                return
            sent = send_queued(log=self.stdout.write if verbose else lambda message: None)
        if verbose:
            self.stdout.write(f"Done: {sent} e-mail(s) sent.")

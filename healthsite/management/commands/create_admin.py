import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Creates the superuser 'admin' for a local site and prints its password "
        "(ADMIN_PASSWORD sets it instead)."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        password = os.environ.get("ADMIN_PASSWORD")
        user = User.objects.filter(username="admin").first()
        if user and not password:
            self.stdout.write(
                "Admin user: admin (already exists; its password is unchanged. "
                "Run `ADMIN_PASSWORD=… make run` to set a new one.)"
            )
            return
        password = password or secrets.token_urlsafe(12)
        if user is None:
            user = User.objects.create_superuser("admin", "admin@example.com", password)
        else:
            user.set_password(password)
            user.save()
        self.stdout.write(f"Admin user: admin   password: {password}")

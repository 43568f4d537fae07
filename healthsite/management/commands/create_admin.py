import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Creates the superuser 'admin' and prints its password (ADMIN_PASSWORD sets it "
        "instead); an existing one keeps its password unless ADMIN_PASSWORD is set."
    )

    def handle(self, *args, **options):
        account(self.stdout, "admin", os.environ.get("ADMIN_PASSWORD"), superuser=True)


def account(stdout, username, password, superuser=False, group=None):
    """The user, created with a printed password when new (or when `password` is given)."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    label = f"{'Admin' if superuser else group.name[:-1].capitalize()} user: {username}"
    if user and not password:
        stdout.write(
            f"{label} (exists; its password is unchanged. "
            "Run `ADMIN_PASSWORD=… make run` to set a new one.)"
        )
        return user
    password = password or secrets.token_urlsafe(12)
    if user is None:
        user = User(username=username, email=f"{username}@example.com", is_staff=superuser)
        user.is_superuser = superuser
    user.set_password(password)
    user.save()
    if group:
        user.groups.add(group)
    stdout.write(f"{label}   password: {password}")
    return user

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from healthsite.demo.loader import AUTHOR, REVIEWER

# (username, group, the demo person whose account it is)
DEMO_TEAM = [
    ("editor", "Editors", AUTHOR["name"]),
    ("reviewer", "Medical reviewers", REVIEWER["name"]),
]


class Command(BaseCommand):
    help = (
        "Creates the superuser 'admin' for a local site and prints its password "
        "(ADMIN_PASSWORD sets it instead). --demo-team also creates the demo's editor and "
        "medical reviewer, to try the review workflow."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo-team", action="store_true")

    def handle(self, *args, demo_team, **options):
        password = os.environ.get("ADMIN_PASSWORD")
        self.account("admin", password, superuser=True)
        if demo_team:
            for username, group_name, name in DEMO_TEAM:
                group = Group.objects.filter(name=group_name).first()
                if group is None:
                    raise CommandError(
                        f"No {group_name} group: run `python manage.py setup_editorial` first."
                    )
                user = self.account(username, password, group=group)
                # The People profile it signs with (the editorial app's, found through the user).
                person_model = get_user_model()._meta.get_field("person").related_model
                person_model.objects.filter(name=name, user=None).update(user=user)

    def account(self, username, password, superuser=False, group=None):
        """The user, created with a printed password when new (or when ADMIN_PASSWORD is set)."""
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        label = f"{'Admin' if superuser else group.name[:-1].capitalize()} user: {username}"
        if user and not password:
            self.stdout.write(
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
        self.stdout.write(f"{label}   password: {password}")
        return user

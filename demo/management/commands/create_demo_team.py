import os

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from demo.loader import AUTHOR, REVIEWER
from editorial.models import Person
from healthsite.management.commands.create_admin import account

# (username, group, the demo person whose account it is)
DEMO_TEAM = [
    ("editor", "Editors", AUTHOR["name"]),
    ("reviewer", "Medical reviewers", REVIEWER["name"]),
]


class Command(BaseCommand):
    help = (
        "Creates the demo's editor and medical reviewer, to try the review workflow, and prints "
        "their passwords (ADMIN_PASSWORD sets them instead). Run after load_demo_content."
    )

    def handle(self, *args, **options):
        password = os.environ.get("ADMIN_PASSWORD")
        for username, group_name, name in DEMO_TEAM:
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                raise CommandError(
                    f"No {group_name} group: run `python manage.py setup_editorial` first."
                )
            user = account(self.stdout, username, password, group=group)
            Person.objects.filter(name=name, user=None).update(user=user)

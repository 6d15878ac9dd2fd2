from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from core.models import Organisation, User
from core.roles import BOARD, SECRETARIAT

# username, full name, group, organisation
DEMO_USERS = [
    ("sekretariat", "Sekretariat Demo", SECRETARIAT, "KKR-sekretariatet"),
    ("bestyrelse", "Bestyrelse Demo", BOARD, None),
    ("albertslund", "Albertslund Demo", None, "Albertslund"),
    ("gentofte", "Gentofte Demo", None, "Gentofte"),
    ("erhvervshus", "Erhvervshus Demo", None, "Erhvervshus Hovedstaden"),
]


class Command(BaseCommand):
    help = "Create demo users for trying the portal (never in production)."

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True)

    def handle(self, *args, password, **options):
        if not settings.DEBUG:
            raise CommandError("Demo users are for development only (DJANGO_DEBUG is off).")
        for username, full_name, group, organisation_name in DEMO_USERS:
            first, last = full_name.split(" ", 1)
            organisation = Organisation.by_name(organisation_name) if organisation_name else None
            user, _ = User.objects.update_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "organisation": organisation,
                    "email": f"{username}@example.org",
                },
            )
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get_or_create(name=group)[0]] if group else [])
            self.stdout.write(f"  {username:<12} {group or 'Member'} {organisation_name or ''}")
        self.stdout.write(self.style.SUCCESS(f"Demo users ready; password: {password}"))

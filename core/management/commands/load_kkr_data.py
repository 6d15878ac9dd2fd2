from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from core.areas import AREA_APPS


class Command(BaseCommand):
    help = "Load KKR Hovedstaden's reference data from the seed. Idempotent: a second run changes nothing."

    def handle(self, *args, **options):
        # Core first (organisations, periods), then each area's own data, all or nothing.
        with transaction.atomic():
            for app in ("core", *AREA_APPS, "reports"):
                try:
                    seed = import_module(f"{app}.seed")
                except ModuleNotFoundError as error:
                    if error.name not in (app, f"{app}.seed"):
                        raise
                    continue
                seed.load()
                self.stdout.write(f"  {app}: loaded")
        self.stdout.write(self.style.SUCCESS("KKR data loaded."))

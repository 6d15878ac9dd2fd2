from django.core.management.base import BaseCommand
from django.db import transaction

from core import seed as core_seed
from core.areas import registry
from core.sources import collecting_divergences


class Command(BaseCommand):
    help = (
        "Load KKR Hovedstaden's reference data from the seed. Idempotent: a second run changes nothing; "
        "a record a person has changed is kept and listed."
    )

    def handle(self, *args, **options):
        # Core first (organisations, periods), then each registered area's own data, all or nothing.
        with transaction.atomic(), collecting_divergences() as divergences:
            core_seed.load()
            self.stdout.write("  core: loaded")
            for area in registry.seed_order():
                assert area.seed is not None  # seed_order() lists only areas with a seed
                area.seed()
                self.stdout.write(f"  {area.app}: loaded")
        for divergence in divergences:
            self.stdout.write(self.style.WARNING(f"  source and edit differ, edit kept: {divergence}"))
        self.stdout.write(self.style.SUCCESS("KKR data loaded."))

"""Where the source documents are: ../shared/seeds beside the repository (as on every machine and in CI)."""

from pathlib import Path

from django.conf import settings

SEED = Path(settings.BASE_DIR).parent / "shared/seeds/000_c84598ce500ad0cc.txt"

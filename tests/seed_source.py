"""Where the source documents are: ../shared/seeds beside the repository (as on the team's machines and in CI).

A clone elsewhere (a newcomer's /tmp checkout) has no seed beside it: the tests that compare our data with
the source text then skip with that reason; CI sets KKR_REQUIRE_SEED=1, so there they can never skip.
"""

import os
from pathlib import Path

from django.conf import settings

SEED_DIR = Path(os.environ.get("KKR_SEED_DIR", Path(settings.BASE_DIR).parent / "shared/seeds"))
SEED = SEED_DIR / "000_c84598ce500ad0cc.txt"

"""The four areas plug into the shared pages (home tiles, organisation pages) through `<app>/portal.py`.

Each area's `portal.py` defines:
- `AREA`: an `Area` with its title, a one-line description and the URL name of its index page;
- `home_tile(user, selection=None) -> dict`: extra context for `templates/<app>/_home_tile.html` (figures,
  attention) for the dashboard's selected round and year (core/selection.py);
- optionally `latest_round_with_data()` / `latest_year_with_data()`: where the dashboard opens;
- `organisation_section(organisation, user) -> dict | None`: context for
  `templates/<app>/_organisation_section.html`, or None when the organisation takes no part.
Core knows how to lay them out, not what a goal or a project is.
"""

from dataclasses import dataclass
from importlib import import_module

AREA_APPS = ("contracts", "vip_climate", "infrastructure", "education")


@dataclass(frozen=True)
class Area:
    app: str
    title: str
    description: str
    url_name: str

    @property
    def tile_template(self) -> str:
        return f"{self.app}/_home_tile.html"

    @property
    def organisation_template(self) -> str:
        return f"{self.app}/_organisation_section.html"


def area_modules():
    return [import_module(f"{app}.portal") for app in AREA_APPS]


def areas() -> list[Area]:
    return [module.AREA for module in area_modules()]

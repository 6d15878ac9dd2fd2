"""How this area shows on the home page and on organisation pages (see core/areas.py)."""

from django.utils.translation import gettext_lazy as _

from core.areas import Area

AREA = Area(
    app="contracts",
    title=_("Resultatkontrakt"),
    description=_("Resultatkontrakten med Erhvervshus Hovedstaden: mål, delmål og målopfyldelse."),
    url_name="contracts:index",
)


def home_tile(user) -> dict:
    return {}


def organisation_section(organisation, user) -> dict | None:
    return None

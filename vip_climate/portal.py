"""How this area shows on the home page and on organisation pages (see core/areas.py)."""

from django.utils.translation import gettext_lazy as _

from core.areas import Area

AREA = Area(
    app="vip_climate",
    title=_("Klima-VIP-projekter"),
    description=_("De syv fælles klimaprojekter og den halvårlige status fra tovholderne."),
    url_name="vip_climate:index",
)


def home_tile(user) -> dict:
    return {}


def organisation_section(organisation, user) -> dict | None:
    return None

"""How this area shows on the home page and on organisation pages (see core/areas.py)."""

from django.utils.translation import gettext_lazy as _

from core.areas import Area

AREA = Area(
    app="education",
    title=_("Uddannelse"),
    description=_("Fordeling af SOSU-praktikpladser over de 29 kommuner og den fælles uddannelsesstrategi."),
    url_name="education:index",
)


def home_tile(user) -> dict:
    return {}


def organisation_section(organisation, user) -> dict | None:
    return None

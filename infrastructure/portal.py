"""How this area shows on the home page and on organisation pages (see core/areas.py)."""

from django.utils.translation import gettext_lazy as _

from core.areas import Area

AREA = Area(
    app="infrastructure",
    title=_("Infrastruktur"),
    description=_("De 7+3 prioriterede infrastrukturprojekter, anlægsoverslag og pejlemærker."),
    url_name="infrastructure:index",
)


def home_tile(user) -> dict:
    return {}


def organisation_section(organisation, user) -> dict | None:
    return None

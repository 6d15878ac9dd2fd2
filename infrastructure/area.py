"""The 7+3 infrastructure projects as a portal area (see core/areas.py); portal.py and report_sections.py
do the work."""

from django.utils.translation import gettext_lazy as _

from core.areas import BaseArea

from . import portal, report_sections


class InfrastructureArea(BaseArea):
    app = "infrastructure"
    title = _("Infrastruktur")
    description = _("De 7+3 prioriterede infrastrukturprojekter, anlægsoverslag og pejlemærker.")
    url_name = "infrastructure:index"
    report_title = _("Infrastruktur: de 7+3 prioriterede projekter")  # as the section itself is titled
    report_sections = report_sections

    def seed(self) -> None:
        from .seed import load

        load()

    def home_tile(self, user, selection=None) -> dict:
        return portal.home_tile(user, selection)

    def organisation_section(self, organisation, user) -> dict | None:
        return portal.organisation_section(organisation, user)

    def lead_organisation_ids(self) -> set[int]:
        return report_sections.lead_organisation_ids()


AREA = InfrastructureArea()

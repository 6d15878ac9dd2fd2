"""The 7+3 infrastructure projects as a portal area (see core/areas.py); portal.py and report_sections.py
do the work."""

from django.utils.translation import gettext_lazy as _

from core.administration import Editor
from core.areas import BaseArea

from . import attention, portal, report_sections


class InfrastructureArea(BaseArea):
    app = "infrastructure"
    title = _("Infrastruktur")
    description = _("De 7+3 prioriterede infrastrukturprojekter, anlægsoverslag og pejlemærker.")
    url_name = "infrastructure:index"
    report_title = _("Infrastruktur: de 7+3 prioriterede projekter")  # as the section itself is titled
    report_sections = report_sections
    # Leads and municipalities are edited on each project's own page ("Ret projektet"); the project has no
    # lead periods, only its current leads.
    editors = (
        Editor(
            _("Projekter, tovholdere og kommuner"),
            _("Projekternes planstatus, tovholdere og berørte kommuner, anlægsoverslag og vurderinger."),
            "infrastructure:index",
            ("infrastructure.manage_projects",),
        ),
    )

    def seed(self) -> None:
        from .seed import load

        load()

    def home_tile(self, user, selection=None) -> dict:
        return portal.home_tile(user, selection)

    def attention(self, selection, today=None) -> list:
        return attention.attention(selection, today)

    def summary(self, selection) -> dict | None:
        return portal.summary(selection)

    def organisation_section(self, organisation, user) -> dict | None:
        return portal.organisation_section(organisation, user)

    def lead_organisation_ids(self) -> set[int]:
        return report_sections.lead_organisation_ids()


AREA = InfrastructureArea()

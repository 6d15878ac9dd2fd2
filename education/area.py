"""SOSU education as a portal area (see core/areas.py); portal.py and report_sections.py do the work."""

from django.utils.translation import gettext_lazy as _

from core.administration import Editor
from core.areas import BaseArea

from . import attention, portal, report_sections


class EducationArea(BaseArea):
    app = "education"
    title = _("Uddannelse")
    description = _("Fordeling af SOSU-praktikpladser over kommunerne og den fælles uddannelsesstrategi.")
    url_name = "education:index"
    report_title = _("SOSU-dimensioneringen")
    report_sections = report_sections
    editors = (
        Editor(
            _("SOSU-fordeling og optag"),
            _("Fordelingen af praktikpladser, nye versioner, godkendelse, indlæsning og realiseret optag."),
            "education:index",
            ("education.edit_allocation", "education.edit_intake"),
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

    def latest_year_with_data(self) -> int | None:
        return portal.latest_year_with_data()


AREA = EducationArea()

"""The climate VIP projects as a portal area (see core/areas.py); portal.py and report_sections.py do the work."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from core.administration import Editor
from core.areas import BaseArea

from . import attention, portal, report_sections

BEAT_SCHEDULE = {
    "vip-climate-reminders": {
        "task": "vip_climate.tasks.send_vip_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
}


class VipClimateArea(BaseArea):
    app = "vip_climate"
    title = _("Klima-VIP-projekter")
    description = _("De syv fælles klimaprojekter og den halvårlige status fra tovholderne.")
    url_name = "vip_climate:index"
    report_title = _("Klima-VIP-projekterne")
    report_sections = report_sections
    half_yearly_report = True
    beat_schedule = BEAT_SCHEDULE
    editors = (
        Editor(
            _("Tovholdere og deltagere"),
            _("Hvem der er tovholder for hvert projekt i hvilken periode, og hvilke kommuner der deltager."),
            "vip_climate:edit_projects",
            ("vip_climate.manage_projects",),
        ),
        Editor(
            _("Indlæs kommunernes forpligtelser"),
            _("Status på forpligtelserne for alle kommuner fra en CSV- eller XLSX-fil."),
            "vip_climate:commitment_import",
            ("vip_climate.import_commitments",),
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

    def duties(self, user, today=None) -> list[dict]:
        return portal.lead_duties(user, today)

    def lead_organisation_ids(self) -> set[int]:
        return report_sections.lead_organisation_ids()

    def latest_round_with_data(self):
        return portal.latest_round_with_data()


AREA = VipClimateArea()

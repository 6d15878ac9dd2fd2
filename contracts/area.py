"""The result contract as a portal area (see core/areas.py); portal.py and report_sections.py do the work."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from core.administration import Editor
from core.areas import BaseArea

from . import attention, portal, report_sections

BEAT_SCHEDULE = {
    "contracts-nightly-snapshots": {
        "task": "contracts.compute_all_snapshots",
        "schedule": crontab(hour=2, minute=15),
    },
}


class ContractsArea(BaseArea):
    app = "contracts"
    title = _("Resultatkontrakt")
    description = _("Resultatkontrakten med Erhvervshus Hovedstaden: mål, delmål og målopfyldelse.")
    url_name = "contracts:index"
    report_title = _("Resultatkontrakten med Erhvervshus Hovedstaden")
    report_sections = report_sections
    # The annual report is the report on a year's result contract: without one the year is refused.
    annual_report_refusal = _(
        "Der er ingen resultatkontrakt for %(year)s, så der er ingen årsrapport at danne."
    )
    beat_schedule = BEAT_SCHEDULE
    editors = (
        Editor(
            _("Delmål og målinger"),
            _(
                "Delmålenes tal (mål, baseline, hvornår data ventes), nye målinger og målinger for alle "
                "kommuner indsat på én gang."
            ),
            "contracts:edit_targets",
            ("contracts.open_editors",),
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


AREA = ContractsArea()

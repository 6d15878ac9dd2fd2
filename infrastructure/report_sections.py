"""The infrastructure section of the annual PDF report: stored data only, a fixed number of queries."""

from django.utils.translation import gettext as _

from .charts import pdf_estimate_chart
from .models import FollowUpReport, Project
from .selectors import overview, plan_status_summary


def annual_section(year: int) -> dict | None:
    """The 7+3 with their latest estimates and plan status (as the source states it: 8 of 10, not which), and
    the year's approved follow-ups."""
    data = overview(Project.objects.priorities())
    if not data["rows"]:
        return None
    approved = {
        report.project_id: report
        for report in FollowUpReport.objects.filter(
            year=year, state=FollowUpReport.State.APPROVED
        ).select_related("lead")
    }
    rows = [{**row, "follow_up": approved.get(row["project"].pk)} for row in data["rows"]]
    return {
        "title": _("Infrastruktur: de 7+3 prioriterede projekter"),
        "year": year,
        "rows": rows,
        "groups": data["groups"],
        "overall": data["overall"],
        "chart": pdf_estimate_chart(data["rows"]),
        "approved_count": len(approved),
        "plan_status": plan_status_summary(),
    }


def lead_organisation_ids() -> set[int]:
    """Organisations that lead an infrastructure project: their members may read the reports."""
    from .models import Project

    return set(Project.leads.through.objects.values_list("organisation_id", flat=True))

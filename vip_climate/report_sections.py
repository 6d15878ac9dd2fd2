"""The VIP area's part of the PDF reports: reads APPROVED status reports only, a fixed number of queries."""

from django.utils.translation import gettext as _

from core.charts import PRINT, Bar, horizontal_bars
from core.models import ReportingPeriod

from . import figures
from .models import Participation, Project, StatusReport
from .selectors import lead_label, report_changes
from .source_texts import HALF_YEARLY_INTRO


def _projects():
    return list(Project.objects.prefetch_related("lead_periods__organisation"))


def _participants_by_project():
    result: dict[int, list[str]] = {}
    for project_id, name in Participation.objects.filter(role=Participation.Role.PARTICIPANT).values_list(
        "project_id", "organisation__name"
    ):
        result.setdefault(project_id, []).append(name)
    return result


def _report_context(report, previous=None) -> dict:
    return {
        "report": report,
        "overall": report.get_overall_status_display() if report.overall_status else _("Ikke angivet"),
        "changes": report_changes(report, previous) if previous else [],
        "previous": previous,
    }


def annual_section(year: int) -> dict | None:
    """Each project's latest approved status up to and including the year's rounds; None when there is none.

    A year without a round of its own (2023 in the seed) shows the latest approved round before it, with
    that round named, so the annual report always says where each project stood last.
    """
    reports = list(
        StatusReport.objects.approved()
        .filter(period__year__lte=year)
        .exclude(period__half="")
        .select_related("project", "period")
        .order_by("project__number", "period__deadline")
    )
    if not reports:
        return None
    latest = {}
    for report in reports:
        latest[report.project_id] = report
    projects = _projects()
    participants = _participants_by_project()
    rows = []
    for project in projects:
        report = latest.get(project.pk)
        rows.append(
            {
                "project": project,
                "lead": lead_label(
                    project, report.period.deadline if report else ReportingPeriod.window(year, "")[1]
                ),
                "participants": len(participants.get(project.pk, [])),
                "report": _report_context(report) if report else None,
            }
        )
    chart = horizontal_bars(
        [
            Bar(
                label=f"VIP {p.number}",
                value=len(participants.get(p.pk, [])) or None,
                note=_("ingen navne i kilden") if not participants.get(p.pk) else "",
            )
            for p in projects
        ],
        title=_("Deltagere pr. projekt"),
        description=_("Antal organisationer, der deltager i hvert VIP-projekt"),
    )
    # The year's last round: its reports' states, and where each project stood then (one query).
    starts, deadline = ReportingPeriod.window(year, ReportingPeriod.Half.AUTUMN)
    last_round = ReportingPeriod(
        year=year, half=ReportingPeriod.Half.AUTUMN, starts=starts, deadline=deadline
    )
    return {
        "title": _("Klima-VIP-projekter %(year)s") % {"year": year},
        "year": year,
        "rows": rows,
        "chart": chart,
        "overview": figures.project_overview(last_round, projects, size=PRINT),
    }


def half_yearly_context(period) -> dict:
    """The body of the half-yearly status report for a round (a ReportingPeriod or a code like '2022-autumn')."""
    if isinstance(period, str):
        period = ReportingPeriod.from_code(period)
    projects = _projects()
    participants = _participants_by_project()
    approved = list(
        StatusReport.objects.approved()
        .filter(period__deadline__lte=period.deadline, period__half__in=["spring", "autumn"])
        .select_related("project", "period")
        .order_by("period__deadline")
    )
    current = {r.project_id: r for r in approved if r.period_id == period.pk}
    previous: dict[int, StatusReport] = {}
    for report in approved:
        if report.period_id != period.pk:
            previous[report.project_id] = report
    rows = []
    for project in projects:
        report = current.get(project.pk)
        rows.append(
            {
                "project": project,
                "lead": lead_label(project, period.deadline),
                "participants": participants.get(project.pk, []),
                "report": _report_context(report, previous.get(project.pk)) if report else None,
            }
        )
    return {
        "overview": figures.project_overview(period, projects, size=PRINT),
        "title": _("Halvårlig status for klima-VIP-projekterne · %(label)s") % {"label": period.label},
        "period": period,
        "intro": HALF_YEARLY_INTRO,
        "rows": rows,
        "missing": [row["project"] for row in rows if row["report"] is None],
    }


def lead_organisation_ids() -> set[int]:
    """Organisations that lead (or have led) a VIP project: their members may read the reports."""
    from .models import LeadPeriod

    return set(LeadPeriod.objects.exclude(organisation=None).values_list("organisation_id", flat=True))

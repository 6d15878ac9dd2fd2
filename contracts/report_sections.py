"""The contract's section of the annual report, read from the stored snapshot (fixed number of queries)."""

from django.utils.translation import gettext as _

from core import charts

from . import figures
from .models import FulfilmentSnapshot, GoalStatus, Status, TargetStatus
from .portal import PACE_ASSUMPTION

# Charts fill the PDF's text width (core.charts.PRINT); a sparkline 260 units wide printed 70 mm wide makes
# its 13-unit text about 10 pt too. Never below 8 pt.
PDF_SPARKLINE_WIDTH = "70mm"


def annual_section(year: int) -> dict | None:
    snapshot = FulfilmentSnapshot.objects.latest_for_year(year)
    if snapshot is None:
        return None
    contract = snapshot.contract
    goal_statuses = list(
        GoalStatus.objects.filter(snapshot=snapshot).select_related("goal").order_by("goal__number")
    )
    target_statuses = list(
        TargetStatus.objects.filter(snapshot=snapshot)
        .select_related("target__goal")
        .order_by("target__goal__number", "target__position")
    )
    by_goal: dict[int, list[TargetStatus]] = {}
    for ts in target_statuses:
        by_goal.setdefault(ts.target.goal_id, []).append(ts)
    goals = [{"status": gs, "goal": gs.goal, "targets": by_goal.get(gs.goal_id, [])} for gs in goal_statuses]
    return {
        "title": _("Resultatkontrakt med Erhvervshus Hovedstaden %(year)s") % {"year": year},
        "contract": contract,
        "snapshot": snapshot,
        "goals": goals,
        "by_status": figures.status_counts(goal_statuses),
        "status_chart": figures.status_chart(contract, snapshot, goal_statuses, size=charts.PRINT),
        "progress_chart": figures.progress_chart(goal_statuses, size=charts.PRINT),
        "trends": figures.trends(
            contract,
            snapshot,
            [ts.target for ts in target_statuses],
            font_size=charts.PRINT.font_size,
            display_width=PDF_SPARKLINE_WIDTH,
        ),
        "pace_assumed": any(
            s.status in (Status.ON_TRACK, Status.AT_RISK) for s in [*goal_statuses, *target_statuses]
        ),
        "pace_assumption": PACE_ASSUMPTION,
    }

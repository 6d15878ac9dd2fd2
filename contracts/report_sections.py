"""The contract's section of the annual report, read from the stored snapshot (fixed number of queries)."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import charts

from .models import Contract, GoalStatus, TargetStatus


def annual_section(year: int) -> dict | None:
    contract = Contract.objects.filter(year=year).first()
    if contract is None:
        return None
    snapshot = contract.snapshots.order_by("-as_of", "-computed_at").first()
    if snapshot is None:
        return None
    goal_statuses = list(
        GoalStatus.objects.filter(snapshot=snapshot).select_related("goal").order_by("goal__number")
    )
    target_statuses = list(
        TargetStatus.objects.filter(snapshot=snapshot)
        .select_related("target")
        .order_by("target__goal__number", "target__position")
    )
    by_goal: dict[int, list[TargetStatus]] = {}
    for ts in target_statuses:
        by_goal.setdefault(ts.target.goal_id, []).append(ts)
    goals = [{"status": gs, "goal": gs.goal, "targets": by_goal.get(gs.goal_id, [])} for gs in goal_statuses]
    chart = charts.horizontal_bars(
        [
            charts.Bar(
                pgettext("contract goal", "Mål %(number)s") % {"number": gs.goal.number},
                gs.progress,
                "" if gs.progress is not None else _("ingen data"),
            )
            for gs in goal_statuses
        ],
        title=_("Fremdrift pr. mål i resultatkontrakten %(year)s") % {"year": year},
        description=_("Fremdrift mod hvert mål i procent; tallene står i tabellerne."),
        unit="%",
        max_value=100,
    )
    return {
        "title": _("Resultatkontrakt med Erhvervshus Hovedstaden %(year)s") % {"year": year},
        "contract": contract,
        "snapshot": snapshot,
        "goals": goals,
        "chart": chart,
    }
